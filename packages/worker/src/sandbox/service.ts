/**
 * The sandbox operations behind both SDK transports (DO RPC from the same Worker, HTTP
 * from anywhere): exec, files, background processes, ports, runtimes and runCode. Every
 * path a caller names is confined to the profile's root; runtime use follows the profile's
 * policy. Calls arrive with the profile they run under, already resolved by the caller's
 * side (the embedding Worker's config, or the router's `sdk.config`).
 */
import type { NimbusSandboxProfile, RuntimeName } from '@nimbus-sh/config'
import { emptyInput } from '../commands/io.js'
import { dirName, joinPath } from '../commands/lib/path.js'
import { attachRuntimeHost, runtimeHostFromEnv, type RuntimeEnv } from '../runtimes/node/host.js'
import type { RuntimeContext, RuntimeProvider } from '../runtimes/registry.js'
import { Shell } from '../shell/index.js'
import type { ExecOptions, ExecResult } from '../shell/types.js'
import type { SqlStore } from '../vfs/sql.js'
import { isVfsError, type FileStat, type FileType, type Vfs } from '../vfs/types.js'
import { confine, confineDirectory } from './confine.js'
import { SandboxError } from './errors.js'
import { bindSandboxHost } from './host.js'
import { PortRegistry, checkPort, portUrl, type PortInfo } from './ports.js'
import { ProcessTable, type LogsPage, type ProcessInfo } from './processes.js'
import { LANGUAGES } from './run-code.js'
import { RuntimeManager, type RuntimeInfo } from './runtime-manager.js'

/** Who is calling and under which profile. */
export interface SandboxCallContext {
  /** The sandbox (session) id, as in `/s/<id>/`. */
  sandboxId: string
  profile: NimbusSandboxProfile
  /** Public origin for port URLs; without it they are paths. */
  endpoint?: string
}

export interface FileEntry {
  name: string
  path: string
  type: FileType
  size: number
  mtimeMs: number
}

export interface FileInfo {
  path: string
  type: FileType
  size: number
  mode: number
  mtimeMs: number
  ctimeMs: number
}

export interface RunCodeResult extends ExecResult {
  language: string
  runtime: RuntimeName
}

export interface SandboxServiceOptions {
  fs: Vfs
  sql: SqlStore
  /** Bindings handed to runtime providers. */
  env: Readonly<Record<string, unknown>>
  fetch?: typeof fetch
  /** Runtime providers (default: the registry). */
  runtimes?: (name: RuntimeName) => RuntimeProvider | undefined
}

const statInfo = (path: string, s: FileStat): FileInfo => ({ path, type: s.type, size: s.size, mode: s.mode, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs })

let scratch = 0
const decoder = new TextDecoder()

export class SandboxService {
  readonly fs: Vfs
  readonly processes: ProcessTable
  readonly ports: PortRegistry
  readonly runtimes: RuntimeManager
  readonly #fetch: typeof fetch
  readonly #env: Readonly<Record<string, unknown>>

  constructor(opts: SandboxServiceOptions) {
    this.fs = opts.fs
    this.#env = opts.env
    this.#fetch = opts.fetch ?? ((input, init) => fetch(input, init))
    this.processes = new ProcessTable(opts.sql, (command, o, io) =>
      this.#shell(o.cwd, o.env).run(command, { stdin: emptyInput(), stdout: io.stdout, stderr: io.stderr, signal: io.signal }),
    )
    this.ports = new PortRegistry(opts.sql)
    this.runtimes = new RuntimeManager(opts.sql, () => this.runtimeContext(), opts.runtimes)
    const runtimes = this.runtimes
    // Commands find the Worker's bindings (LOADER, ASSETS, the R2 caches) through the runtime
    // host on the filesystem, not through the `cloudflare:workers` env: the service's env is
    // the Durable Object's own. Ports are bridged to this sandbox's registry by the runtimes.
    const runtimeHost = runtimeHostFromEnv(opts.env as RuntimeEnv)
    if (runtimeHost) attachRuntimeHost(this.fs, runtimeHost)
    bindSandboxHost(this.fs, { ports: this.ports, processes: this.processes, runtimes: { manager: runtimes, policy: () => runtimes.shellPolicy() } })
  }

  runtimeContext(): RuntimeContext {
    return { fs: this.fs, env: this.#env, exec: (command, opts) => this.#shell(opts?.cwd ?? '/').exec(command, opts) }
  }

  #shell(cwd: string, env?: Record<string, string>): Shell {
    return new Shell({ fs: this.fs, cwd, ...(env ? { env } : {}), fetch: this.#fetch })
  }

  /** Roots already made in this object's life (a deleted root is re-made by the next write). */
  readonly #roots = new Set<string>()

  #root(c: SandboxCallContext): string {
    const root = c.profile.root
    if (this.#roots.has(root)) return root
    if (!this.fs.exists(root)) this.fs.mkdir(root, { recursive: true })
    this.#roots.add(root)
    return root
  }

  #path(c: SandboxCallContext, path: string): string {
    const root = this.#root(c)
    // The root itself needs no symlink walk (the common `cwd` of exec).
    return path === '.' || path === root ? root : confine(this.fs, root, path)
  }

  /**
   * Applies the profile: creates the root, installs its `preinstall` runtimes, and makes its
   * runtime policy the one the sandbox's shell runs under (commands typed in the terminal
   * carry no profile; `runtimes`, `python`, `ruby` and `node` check this one).
   */
  async ready(c: SandboxCallContext): Promise<{ root: string; installed: RuntimeName[] }> {
    const root = this.#root(c)
    this.runtimes.setShellPolicy(c.profile.runtimes)
    const installed = await this.runtimes.ensure(c.profile.runtimes, c.profile.runtimes.preinstall, { preinstalling: true })
    return { root, installed }
  }

  async exec(c: SandboxCallContext, command: string, opts: ExecOptions = {}): Promise<ExecResult> {
    const cwd = this.#path(c, opts.cwd ?? '.')
    const { cwd: _cwd, timeoutMs, ...rest } = opts
    return this.#timed(cwd, command, rest, timeoutMs)
  }

  /** Runs with a deadline; a command stopped by it reports 124 whatever status it returned. */
  async #timed(cwd: string, command: string, opts: ExecOptions, timeoutMs: number | undefined): Promise<ExecResult> {
    if (timeoutMs === undefined) return this.#shell(cwd).exec(command, opts)
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort({ status: 124 }), timeoutMs)
    try {
      const result = await this.#shell(cwd).exec(command, { ...opts, signal: controller.signal })
      return controller.signal.aborted ? { ...result, exitCode: 124 } : result
    } finally {
      clearTimeout(timer)
    }
  }

  startProcess(c: SandboxCallContext, command: string, opts: { cwd?: string; env?: Record<string, string> } = {}): ProcessInfo {
    const cwd = this.#path(c, opts.cwd ?? '.')
    return this.processes.start(command, { cwd, ...(opts.env ? { env: opts.env } : {}) })
  }

  async runCode(
    c: SandboxCallContext,
    code: string,
    opts: { language: string; install?: 'ifMissing' | 'never'; timeoutMs?: number; cwd?: string },
  ): Promise<RunCodeResult> {
    const spec = LANGUAGES[opts.language]
    if (!spec) throw new SandboxError('E_LANGUAGE_UNSUPPORTED', `language "${opts.language}" is not supported (one of: ${Object.keys(LANGUAGES).join(', ')})`)
    const policy = c.profile.runtimes
    this.runtimes.checkAllowed(policy, spec.runtime)
    if (!this.runtimes.isInstalled(spec.runtime)) {
      if (opts.install !== 'ifMissing') {
        throw new SandboxError('E_RUNTIME_NOT_INSTALLED', `runtime "${spec.runtime}" is not installed; install it first or pass install: 'ifMissing'`)
      }
      await this.runtimes.install(policy, spec.runtime)
    }
    const cwd = this.#path(c, opts.cwd ?? '.')
    const dir = '/tmp/.nimbus-run'
    this.fs.mkdir(dir, { recursive: true })
    const file = joinPath(dir, `code-${Date.now().toString(36)}-${++scratch}.${spec.ext}`)
    this.fs.writeFile(file, code)
    try {
      const result = await this.#timed(cwd, spec.command(file), {}, opts.timeoutMs)
      return { ...result, language: opts.language, runtime: spec.runtime }
    } finally {
      this.fs.rm(file, { force: true })
      this.fs.rm(`${file}.wasm`, { force: true })
    }
  }

  writeFile(c: SandboxCallContext, path: string, content: string | Uint8Array, opts: { append?: boolean } = {}): FileInfo {
    const write = (abs: string, noFollow: boolean): FileInfo => {
      const o = { ...(opts.append && { append: true }), ...(noFollow && { noFollow }) }
      try {
        return statInfo(abs, this.fs.writeFile(abs, content, o))
      } catch (e) {
        // A missing parent is created, as `mkdir -p`; any other failure stands.
        if (!isVfsError(e, 'ENOENT') || this.fs.exists(dirName(abs))) throw e
        this.fs.mkdir(dirName(abs), { recursive: true })
        return statInfo(abs, this.fs.writeFile(abs, content, o))
      }
    }
    return this.#viaDirectory(c, path, (abs) => write(abs, true), (abs) => write(abs, false))
  }

  readFile(c: SandboxCallContext, path: string, encoding: 'utf8' | 'binary' = 'utf8'): string | Uint8Array {
    const read = (abs: string, noFollow: boolean): string | Uint8Array => {
      const bytes = this.fs.readFile(abs, undefined, noFollow ? { noFollow } : {})
      return encoding === 'binary' ? bytes : decoder.decode(bytes)
    }
    return this.#viaDirectory(c, path, (abs) => read(abs, true), (abs) => read(abs, false))
  }

  /**
   * Runs `direct` on a path whose directory is known to be inside the root, opening the final
   * component without following a symlink; a symlink there (ELOOP), or a path the directory
   * check cannot settle, goes through the full confinement and `confined` instead. Saves the
   * separate resolution of the final component on the common plain-file call.
   */
  #viaDirectory<T>(c: SandboxCallContext, path: string, direct: (abs: string) => T, confined: (abs: string) => T): T {
    const abs = confineDirectory(this.fs, this.#root(c), path)
    if (abs !== undefined) {
      try {
        return direct(abs)
      } catch (e) {
        if (!isVfsError(e, 'ELOOP')) throw e
      }
    }
    return confined(this.#path(c, path))
  }

  listFiles(c: SandboxCallContext, path: string): FileEntry[] {
    const abs = this.#path(c, path)
    return this.fs
      .readdirStats(abs)
      .map((e) => ({ name: e.name, path: joinPath(abs, e.name), type: e.type, size: e.stat.size, mtimeMs: e.stat.mtimeMs }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  }

  deleteFile(c: SandboxCallContext, path: string, opts: { recursive?: boolean } = {}): void {
    const abs = this.#path(c, path)
    if (abs === c.profile.root) throw new SandboxError('E_PATH_OUTSIDE_ROOT', `${path}: the sandbox root itself cannot be deleted`)
    this.fs.rm(abs, opts.recursive ? { recursive: true } : {})
  }

  stat(c: SandboxCallContext, path: string): FileInfo {
    const abs = this.#path(c, path)
    return statInfo(abs, this.fs.stat(abs))
  }

  exists(c: SandboxCallContext, path: string): boolean {
    return this.fs.exists(this.#path(c, path))
  }

  mkdir(c: SandboxCallContext, path: string, opts: { recursive?: boolean } = {}): void {
    this.fs.mkdir(this.#path(c, path), { recursive: opts.recursive ?? true })
  }

  rename(c: SandboxCallContext, from: string, to: string): void {
    this.fs.rename(this.#path(c, from), this.#path(c, to))
  }

  availableRuntimes(c: SandboxCallContext): RuntimeInfo[] {
    return this.runtimes.available(c.profile.runtimes)
  }

  installedRuntimes(): RuntimeName[] {
    return this.runtimes.installed()
  }

  async installRuntime(c: SandboxCallContext, name: RuntimeName): Promise<RuntimeName[]> {
    await this.runtimes.install(c.profile.runtimes, name)
    return this.runtimes.installed()
  }

  async ensureRuntimes(c: SandboxCallContext, names: readonly RuntimeName[]): Promise<RuntimeName[]> {
    return this.runtimes.ensure(c.profile.runtimes, names)
  }

  listProcesses(): ProcessInfo[] {
    return this.processes.list()
  }

  logs(pid: number, opts: { cursor?: number; limit?: number } = {}): LogsPage {
    return this.processes.logs(pid, opts)
  }

  async kill(pid: number): Promise<ProcessInfo> {
    return this.processes.kill(pid)
  }

  exposePort(c: SandboxCallContext, port: number): PortInfo {
    this.ports.expose(checkPort(port))
    return { port, exposed: true, listening: this.ports.isListening(port), url: portUrl(c.endpoint, c.sandboxId, port) }
  }

  unexposePort(port: number): PortInfo {
    this.ports.unexpose(checkPort(port))
    return { port, exposed: false, listening: this.ports.isListening(port) }
  }

  listPorts(c: SandboxCallContext): PortInfo[] {
    return this.ports.list((port) => portUrl(c.endpoint, c.sandboxId, port))
  }
}

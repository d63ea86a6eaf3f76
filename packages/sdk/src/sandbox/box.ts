/**
 * `NimbusSandbox`: the handle `nimbus.sandbox(id, opts)` returns. Each method is one call
 * to the sandbox's Durable Object; arguments are checked there (so a remote caller and a
 * local one get the same E_INVALID_PARAMS), and failures throw `NimbusSandboxError`.
 */
import type { RuntimeName } from '@nimbus-sh/config'
import { sandboxTools, type SandboxToolProvider, type SandboxToolsOptions } from './tools.js'
import type { SandboxTarget, SandboxTransport } from './transport.js'
import type {
  ExecOptions,
  ExecResult,
  FileEntry,
  FileInfo,
  LogsPage,
  PortInfo,
  ProcessInfo,
  RunCodeOptions,
  RunCodeResult,
  RuntimeInfo,
} from './types.js'

export interface StartProcessOptions {
  cwd?: string
  env?: Record<string, string>
}

/** Calls that finish at once in the sandbox; issued together they travel as one `batch`. */
const BATCHABLE = new Set([
  'files.write', 'files.read', 'files.list', 'files.delete', 'files.stat', 'files.exists', 'files.mkdir', 'files.rename',
  'processes.list', 'processes.get', 'processes.logs', 'ports.expose', 'ports.unexpose', 'ports.list',
  'runtimes.available', 'runtimes.installed', 'startProcess',
])

interface Queued {
  method: string
  params: unknown
  resolve(value: unknown): void
  reject(error: unknown): void
}

type BatchReply = { ok: true; result: unknown } | { ok: false; error: string; code: string; status: number }

export class NimbusSandbox {
  #queue: Queued[] = []

  constructor(
    private readonly transport: SandboxTransport,
    readonly target: SandboxTarget,
  ) {}

  get id(): string {
    return this.target.sandboxId
  }

  /**
   * Sends one raw `{ method, params }` call (what the typed methods below use). Quick calls
   * issued in the same tick are sent together as one `batch` and run in order.
   */
  call<T = unknown>(method: string, params?: unknown): Promise<T> {
    if (!BATCHABLE.has(method)) return this.transport.call(this.target, method, params) as Promise<T>
    return new Promise<T>((resolve, reject) => {
      if (this.#queue.length === 0) queueMicrotask(() => this.#flush())
      this.#queue.push({ method, params, resolve: resolve as (value: unknown) => void, reject })
    })
  }

  #flush(): void {
    const queued = this.#queue
    this.#queue = []
    if (queued.length === 1) {
      const [only] = queued as [Queued]
      this.transport.call(this.target, only.method, only.params).then(only.resolve, only.reject)
      return
    }
    const calls = queued.map(({ method, params }) => (params === undefined ? { method } : { method, params }))
    this.transport.call(this.target, 'batch', { calls }).then(
      (replies) => {
        const list = replies as BatchReply[]
        queued.forEach((q, i) => {
          const r = list[i]
          if (r?.ok) q.resolve(r.result)
          else q.reject(this.transport.error(r ?? { error: 'missing batch reply', code: 'E_INTERNAL', status: 500 }))
        })
      },
      (e: unknown) => queued.forEach((q) => q.reject(e)),
    )
  }

  /** Creates the profile root and installs the profile's `preinstall` runtimes. */
  ready(): Promise<{ root: string; installed: RuntimeName[] }> {
    return this.call('ready')
  }

  exec(command: string, opts: ExecOptions = {}): Promise<ExecResult> {
    return this.call('exec', { command, ...opts })
  }

  /** Starts `command` in the background; follow it with `processes.logs(pid)`. */
  startProcess(command: string, opts: StartProcessOptions = {}): Promise<ProcessInfo> {
    return this.call('startProcess', { command, ...opts })
  }

  runCode(code: string, opts: RunCodeOptions): Promise<RunCodeResult> {
    return this.call('runCode', { code, ...opts })
  }

  readonly files = {
    /** Writes text or bytes, creating missing parent directories. */
    write: (path: string, content: string | Uint8Array, opts: { append?: boolean } = {}): Promise<FileInfo> =>
      this.call('files.write', { path, content, ...opts }),
    read: ((path: string, opts: { encoding?: 'utf8' | 'binary' } = {}) => this.call('files.read', { path, ...opts })) as {
      (path: string, opts?: { encoding?: 'utf8' }): Promise<string>
      (path: string, opts: { encoding: 'binary' }): Promise<Uint8Array>
    },
    list: (path: string): Promise<FileEntry[]> => this.call('files.list', { path }),
    delete: async (path: string, opts: { recursive?: boolean } = {}): Promise<void> => {
      await this.call('files.delete', { path, ...opts })
    },
    stat: (path: string): Promise<FileInfo> => this.call('files.stat', { path }),
    exists: (path: string): Promise<boolean> => this.call('files.exists', { path }),
    mkdir: async (path: string, opts: { recursive?: boolean } = {}): Promise<void> => {
      await this.call('files.mkdir', { path, ...opts })
    },
    rename: async (from: string, to: string): Promise<void> => {
      await this.call('files.rename', { from, to })
    },
  }

  readonly runtimes = {
    available: (): Promise<RuntimeInfo[]> => this.call('runtimes.available'),
    installed: (): Promise<RuntimeName[]> => this.call('runtimes.installed'),
    install: (name: RuntimeName): Promise<RuntimeName[]> => this.call('runtimes.install', { name }),
    ensure: (names: RuntimeName | RuntimeName[]): Promise<RuntimeName[]> => this.call('runtimes.ensure', { names }),
  }

  readonly processes = {
    list: (): Promise<ProcessInfo[]> => this.call('processes.list'),
    get: (pid: number): Promise<ProcessInfo> => this.call('processes.get', { pid }),
    /** Output from `cursor` on (0: the start); pass the returned cursor to continue. */
    logs: (pid: number, opts: { cursor?: number; limit?: number } = {}): Promise<LogsPage> => this.call('processes.logs', { pid, ...opts }),
    kill: (pid: number): Promise<ProcessInfo> => this.call('processes.kill', { pid }),
    /** Resolves once the process has ended. */
    wait: (pid: number): Promise<ProcessInfo> => this.call('processes.wait', { pid }),
    /** Yields every page of output until the process ends and its output is drained. */
    follow: (pid: number, opts: { cursor?: number; intervalMs?: number } = {}): AsyncIterable<LogsPage> => this.#follow(pid, opts),
  }

  readonly ports = {
    /** Makes port `port` reachable at `<endpoint>/s/<id>/port/<port>/`. */
    expose: (port: number): Promise<PortInfo & { url: string }> => this.call('ports.expose', { port }),
    unexpose: (port: number): Promise<PortInfo> => this.call('ports.unexpose', { port }),
    list: (): Promise<PortInfo[]> => this.call('ports.list'),
  }

  /** Tools for the `ai` package over this sandbox (see `SandboxToolProvider`). */
  tools(opts: SandboxToolsOptions = {}): SandboxToolProvider {
    return sandboxTools(this, { namespace: opts.namespace ?? this.target.profile.tools.namespace, kind: opts.kind ?? this.target.profile.tools.kind })
  }

  async *#follow(pid: number, opts: { cursor?: number; intervalMs?: number }): AsyncIterable<LogsPage> {
    let cursor = opts.cursor ?? 0
    for (;;) {
      const page = await this.processes.logs(pid, { cursor })
      cursor = page.cursor
      if (page.chunks.length > 0) yield page
      if (page.truncated) continue
      if (page.state !== 'running') return
      await new Promise((r) => setTimeout(r, opts.intervalMs ?? 50))
    }
  }
}

/**
 * Runs one program in a Worker Loader isolate on behalf of a shell command: builds its
 * modules, picks an isolate by content hash (warm when the same program ran before),
 * sends the run with a filesystem snapshot and an I/O object whose methods the isolate
 * calls back (output, filesystem changes, shell commands), and maps the outcome to an
 * exit code.
 */
import type { CommandContext } from '../../commands/types.js'
import { dirname } from '../../vfs/path.js'
import { ISOLATE_HASH, ISOLATE_MODULES } from './isolate-sources.generated.js'
import type { RuntimeHost } from './host.js'
import { portsFor } from './ports.js'
import { buildProgram, type ProgramModules, type ProgramSource } from './program.js'
import { applyFsOps, fetchEntries, takeSnapshot, type FsOp, type Snapshot } from './snapshot.js'

export const NODE_VERSION = 'v22.12.0'
const COMPAT_DATE = '2026-04-01'

export interface RunJob {
  argv: string[]
  env: Record<string, string>
  cwd: string
  filename: string
  dirname: string
  stdin: Uint8Array | null
  snapshot: Snapshot
  version: string
  tty: boolean
  /** Loop iterations before the program is stopped (see loop-guard.ts). */
  loopLimit: number
}

interface ProgramEntrypoint {
  run(job: RunJob, io: ProgramIo): Promise<{ exitCode: number; output: Array<[number, string]>; ops: FsOp[] }>
  serve(port: number, request: Request): Promise<Response>
  kill(code: number): Promise<void>
}

export interface ProgramIo {
  write(batch: Array<[number, string]>): Promise<void>
  applyFs(ops: FsOp[]): void
  fetchPaths(paths: string[]): ReturnType<typeof fetchEntries>
  exec(command: string, opts: { cwd: string; stdin?: string }): Promise<{ stdout: string; stderr: string; exitCode: number }>
  /** The REPL's next input line: a string, null at end of input, or Ctrl-C with what was typed. */
  readLine?(prompt: string): Promise<ReplInput>
  /** The REPL's input with loop guards added (see loop-guard.ts). */
  guardLoops?(code: string): string
  /** Registers a listening port; returns an error message when the port is taken. */
  listen(port: number): string | undefined
  unlisten(port: number): void
}

export type ReplInput = string | null | { interrupt: true; text: string }

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('')
async function contentId(modules: Record<string, unknown>): Promise<string> {
  const data = new TextEncoder().encode(JSON.stringify(modules))
  return hex(await crypto.subtle.digest('SHA-256', data)).slice(0, 32)
}

/** Isolates busy with a run; a second concurrent run of the same program gets its own. */
const busy = new Set<string>()

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`

export interface NodeRunOptions extends ProgramSource {
  /** argv after the script (process.argv[2..]). */
  args: string[]
  argv0?: string
}

export async function runNode(ctx: CommandContext, host: RuntimeHost, opts: NodeRunOptions): Promise<number> {
  let built
  try {
    built = await buildProgram(ctx.fs, host, opts)
  } catch (e) {
    await ctx.stderr.write(`node: ${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  }
  if (!built.ok) {
    await ctx.stderr.write(`${formatBuildError(built.message)}\n\nNode.js ${NODE_VERSION}\n`)
    return 1
  }
  return runModules(ctx, host, built.modules, {
    cwd: opts.cwd,
    filename: opts.entry ?? `${opts.cwd}/[eval]`,
    argv: ['/usr/local/bin/node', ...(opts.entry ? [opts.entry] : []), ...opts.args],
    stdin: ctx.stdin.isTTY ? null : await ctx.stdin.readAll(),
    snapshotDirs: [opts.cwd, ...(opts.entry ? [dirname(opts.entry)] : []), '/tmp'],
  })
}

export interface ModuleRunOptions {
  cwd: string
  /** The program's __filename. */
  filename: string
  argv: string[]
  stdin: Uint8Array | null
  /** Folders whose files the isolate gets synchronously (see docs/decisions/sync-fs.md). */
  snapshotDirs: string[]
  /** Answers the isolate's `io.readLine` (the REPL). */
  readLine?: (prompt: string) => Promise<ReplInput>
  /** Answers the isolate's `io.guardLoops` (the REPL). */
  guardLoops?: (code: string) => string
  /** Rewrites program output before it reaches the streams (the REPL's raw terminal). */
  mapOutput?: (text: string) => string
}

/** Runs ready program modules (`program.js` and friends) in an isolate chosen by content hash. */
export async function runModules(ctx: CommandContext, host: RuntimeHost, programModules: ProgramModules, opts: ModuleRunOptions): Promise<number> {
  const modules = { ...ISOLATE_MODULES, ...programModules }
  const baseId = `nimbus-node-${ISOLATE_HASH}-${await contentId(programModules)}`
  let id = baseId
  for (let n = 2; busy.has(id); n++) id = `${baseId}-${n}`
  busy.add(id)
  const filename = opts.filename
  const job: RunJob = {
    argv: opts.argv,
    env: Object.fromEntries(ctx.env.entries()),
    cwd: opts.cwd,
    filename,
    dirname: dirname(filename),
    stdin: opts.stdin,
    snapshot: takeSnapshot(ctx.fs, opts.snapshotDirs),
    version: NODE_VERSION,
    tty: ctx.stdout.isTTY,
    loopLimit: host.loopLimit ?? 5e8,
  }
  const stub = host.loader.get(id, () => ({
    compatibilityDate: COMPAT_DATE,
    compatibilityFlags: ['nodejs_compat'],
    mainModule: 'main.js',
    modules,
    ...(host.cpuMs ? { limits: { cpuMs: host.cpuMs } } : {}),
  }))
  const program = stub.getEntrypoint() as ProgramEntrypoint
  const failures: string[] = []
  const ports = new Set<number>()
  const registry = portsFor(ctx.fs, host)
  const io: ProgramIo = {
    write: async (batch) => {
      for (const [fd, text] of batch) await (fd === 2 ? ctx.stderr : ctx.stdout).write(opts.mapOutput ? opts.mapOutput(text) : text)
    },
    applyFs: (ops) => {
      failures.push(...applyFsOps(ctx.fs, ops))
    },
    fetchPaths: (paths) => fetchEntries(ctx.fs, paths),
    exec: async (command, o) => {
      let stdout = ''
      let stderr = ''
      const capture = (append: (s: string) => void) => ({
        isTTY: false,
        write: async (chunk: string | Uint8Array) => append(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk)),
      })
      const exitCode = await ctx.shell.runScript(`cd ${quote(o.cwd)} && ${command}`, {
        stdout: capture((s) => (stdout += s)),
        stderr: capture((s) => (stderr += s)),
      })
      return { stdout, stderr, exitCode }
    },
    ...(opts.readLine ? { readLine: opts.readLine } : {}),
    ...(opts.guardLoops ? { guardLoops: opts.guardLoops } : {}),
    listen: (port) => {
      try {
        registry?.register(port, { isolateId: id, serve: (request) => program.serve(port, request) })
      } catch (e) {
        return e instanceof Error ? e.message : String(e)
      }
      ports.add(port)
      return undefined
    },
    unlisten: (port) => {
      ports.delete(port)
      registry?.unregister(port, id)
    },
  }
  const onAbort = () => void program.kill(130).catch(() => {})
  ctx.signal.addEventListener('abort', onAbort)
  try {
    const result = await program.run(job, io)
    await io.write(result.output)
    io.applyFs(result.ops)
    for (const f of failures) await ctx.stderr.write(`node: could not save a file change: ${f}\n`)
    return result.exitCode
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    if (/exceeded CPU|CPU time limit/i.test(message)) {
      await ctx.stderr.write(`node: the program was stopped: it used more than its CPU time limit\n`)
      return 152
    }
    await ctx.stderr.write(`node: the program's isolate failed: ${message}\n`)
    return 1
  } finally {
    ctx.signal.removeEventListener('abort', onAbort)
    for (const port of ports) registry?.unregister(port, id)
    busy.delete(id)
  }
}

/** esbuild's resolution errors, in the words Node uses for a missing ES module. */
function formatBuildError(message: string): string {
  const missing = /Cannot find (package|module) '([^']+)' imported from (\S+)/.exec(message)
  if (missing) {
    return `node:internal/modules/esm/resolve:838\n  throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), null);\n        ^\n\nError [ERR_MODULE_NOT_FOUND]: Cannot find ${missing[1]} '${missing[2]}' imported from ${missing[3]}\n    at packageResolve (node:internal/modules/esm/resolve:838:9) {\n  code: 'ERR_MODULE_NOT_FOUND'\n}`
  }
  return message
}

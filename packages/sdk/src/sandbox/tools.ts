/**
 * `box.tools()`: the sandbox as tools for the `ai` package, with zod input schemas. The
 * provider lists each tool under its plain name (`tools.exec`) and, ready for
 * `generateText({ tools })`, under the configured namespace (`sandbox_exec`). Descriptions
 * say plainly what the sandbox is and is not, so a model does not reach for apt or Docker.
 */
import { RUNTIME_NAMES } from '@nimbus-sh/config'
import { tool, type Tool } from 'ai'
import { z } from 'zod'
import type { NimbusSandbox } from './box.js'
import { NimbusSandboxError } from './errors.js'

export interface SandboxToolsOptions {
  /** Prefix of the namespaced tool names (default: the profile's `tools.namespace`). */
  namespace?: string
  kind?: 'sandbox'
}

/** What the sandbox can do, stated honestly (and what it cannot). */
export interface SandboxCapabilities {
  shell: true
  javascript: true
  typescript: true
  npm: true
  git: true
  filesystem: 'owned'
  outboundFetch: true
  inboundHttp: 'port-routing'
  processes: 'long-running'
  python: 'when-allowed'
  ruby: 'when-allowed'
  clang: 'wasi'
  docker: false
  apt: false
  gpu: false
  customImages: false
  nativeElf: false
  rawTcp: false
}

export const SANDBOX_CAPABILITIES: SandboxCapabilities = {
  shell: true, javascript: true, typescript: true, npm: true, git: true, filesystem: 'owned', outboundFetch: true,
  inboundHttp: 'port-routing', processes: 'long-running', python: 'when-allowed', ruby: 'when-allowed', clang: 'wasi',
  docker: false, apt: false, gpu: false, customImages: false, nativeElf: false, rawTcp: false,
}

const LIMITS =
  'The sandbox is a POSIX-like shell with coreutils over a persistent SQLite-backed filesystem, not a Linux VM: ' +
  'there is no Docker, no apt or other system package manager, no GPU, no native Linux ELF binaries and no raw TCP sockets. ' +
  'Runtimes (node, bun, npm, git, python, ruby, clang as WASI) are available when the sandbox profile allows them.'

const TOOL_NAMES = [
  'exec', 'runCode', 'readFile', 'writeFile', 'listFiles', 'deleteFile', 'exists', 'startProcess', 'killProcess', 'logs',
  'exposePort', 'unexposePort', 'listPorts', 'installRuntime', 'listRuntimes',
] as const
export type SandboxToolName = (typeof TOOL_NAMES)[number] | 'readdir'

export interface SandboxToolProvider {
  namespace: string
  kind: 'sandbox'
  capabilities: SandboxCapabilities
  /** Tools by plain name (`readdir` is an alias of `listFiles`). */
  tools: Record<SandboxToolName, Tool>
  /** The same tools named `<namespace>_<name>`, to pass to `generateText({ tools })`. */
  toolSet: Record<string, Tool>
}

/** Errors become results the model can read and act on, not thrown exceptions. */
const guarded =
  <I, O>(fn: (input: I) => Promise<O>) =>
  async (input: I): Promise<O | { error: string; code: string }> => {
    try {
      return await fn(input)
    } catch (e) {
      if (e instanceof NimbusSandboxError) return { error: e.message, code: e.code }
      throw e
    }
  }

/** A command a model starts cannot hold the conversation forever. */
export const EXEC_TOOL_TIMEOUT_MS = 120_000

const runtime = z.enum(RUNTIME_NAMES)
const path = z.string().min(1).describe('Path; relative paths start at the sandbox root')

export function sandboxTools(box: NimbusSandbox, opts: { namespace: string; kind: 'sandbox' }): SandboxToolProvider {
  const listFiles = tool({
    description: 'List the entries of a directory (name, path, type, size).',
    inputSchema: z.object({ path: path.default('.') }),
    execute: guarded(async ({ path: p }: { path: string }) => ({ entries: await box.files.list(p) })),
  })
  const tools: Record<SandboxToolName, Tool> = {
    exec: tool({
      description: `Run a shell command line (bash syntax, pipes, redirections) and return stdout, stderr and exitCode. ${LIMITS}`,
      inputSchema: z.object({
        command: z.string().describe('The command line'),
        cwd: z.string().optional().describe('Working directory'),
        timeoutMs: z.number().int().positive().optional().describe(`Stop after this many milliseconds (exit code 124); default ${EXEC_TOOL_TIMEOUT_MS}. Use startProcess for servers and watchers.`),
      }),
      execute: guarded(async ({ command, ...o }: { command: string; cwd?: string | undefined; timeoutMs?: number | undefined }) =>
        box.exec(command, { ...(o.cwd !== undefined && { cwd: o.cwd }), timeoutMs: o.timeoutMs ?? EXEC_TOOL_TIMEOUT_MS }),
      ),
    }),
    runCode: tool({
      description: `Run a snippet of code in a language runtime (shell, javascript, typescript, python, ruby, c) and return its output. ${LIMITS}`,
      inputSchema: z.object({
        code: z.string(),
        language: z.enum(['shell', 'bash', 'javascript', 'typescript', 'python', 'ruby', 'c']),
      }),
      execute: guarded(async ({ code, language }: { code: string; language: 'shell' | 'bash' | 'javascript' | 'typescript' | 'python' | 'ruby' | 'c' }) =>
        box.runCode(code, { language, install: 'ifMissing' }),
      ),
    }),
    readFile: tool({
      description: 'Read a UTF-8 text file from the sandbox filesystem.',
      inputSchema: z.object({ path }),
      execute: guarded(async ({ path: p }: { path: string }) => ({ path: p, content: await box.files.read(p) })),
    }),
    writeFile: tool({
      description: 'Write a UTF-8 text file (parent directories are created).',
      inputSchema: z.object({ path, content: z.string() }),
      execute: guarded(async ({ path: p, content }: { path: string; content: string }) => box.files.write(p, content)),
    }),
    listFiles,
    readdir: listFiles,
    deleteFile: tool({
      description: 'Delete a file, or a directory with recursive: true.',
      inputSchema: z.object({ path, recursive: z.boolean().optional() }),
      execute: guarded(async ({ path: p, recursive }: { path: string; recursive?: boolean | undefined }) => {
        await box.files.delete(p, recursive ? { recursive } : {})
        return { deleted: p }
      }),
    }),
    exists: tool({
      description: 'Whether a path exists.',
      inputSchema: z.object({ path }),
      execute: guarded(async ({ path: p }: { path: string }) => ({ path: p, exists: await box.files.exists(p) })),
    }),
    startProcess: tool({
      description: 'Start a long-running command in the background (a server, a watcher); returns its pid. Read its output with logs.',
      inputSchema: z.object({ command: z.string(), cwd: z.string().optional() }),
      execute: guarded(async ({ command, cwd }: { command: string; cwd?: string | undefined }) => box.startProcess(command, cwd === undefined ? {} : { cwd })),
    }),
    killProcess: tool({
      description: 'Stop a background process by pid.',
      inputSchema: z.object({ pid: z.number().int() }),
      execute: guarded(async ({ pid }: { pid: number }) => box.processes.kill(pid)),
    }),
    logs: tool({
      description: 'Read the output of a background process from a cursor (0 for the start); returns text, the next cursor and the exit status once it ended.',
      inputSchema: z.object({ pid: z.number().int(), cursor: z.number().int().nonnegative().optional() }),
      execute: guarded(async ({ pid, cursor }: { pid: number; cursor?: number | undefined }) => box.processes.logs(pid, cursor === undefined ? {} : { cursor })),
    }),
    exposePort: tool({
      description: 'Expose a port a process in the sandbox listens on (for example `serve --port 3000`); returns the public URL. HTTP and WebSocket only, no raw TCP.',
      inputSchema: z.object({ port: z.number().int().min(1).max(65535) }),
      execute: guarded(async ({ port }: { port: number }) => box.ports.expose(port)),
    }),
    unexposePort: tool({
      description: 'Stop exposing a port.',
      inputSchema: z.object({ port: z.number().int().min(1).max(65535) }),
      execute: guarded(async ({ port }: { port: number }) => box.ports.unexpose(port)),
    }),
    listPorts: tool({
      description: 'List exposed and listening ports.',
      inputSchema: z.object({}),
      execute: guarded(async () => ({ ports: await box.ports.list() })),
    }),
    installRuntime: tool({
      description: `Install a language runtime if the sandbox profile allows it (one of ${RUNTIME_NAMES.join(', ')}). There is no apt: only these runtimes exist.`,
      inputSchema: z.object({ name: runtime }),
      execute: guarded(async ({ name }: { name: (typeof RUNTIME_NAMES)[number] }) => ({ installed: await box.runtimes.install(name) })),
    }),
    listRuntimes: tool({
      description: 'List runtimes with whether each is allowed, available and installed.',
      inputSchema: z.object({}),
      execute: guarded(async () => ({ runtimes: await box.runtimes.available() })),
    }),
  }
  const toolSet: Record<string, Tool> = {}
  for (const name of TOOL_NAMES) toolSet[`${opts.namespace}_${name}`] = tools[name]
  return { namespace: opts.namespace, kind: opts.kind, capabilities: SANDBOX_CAPABILITIES, tools, toolSet }
}

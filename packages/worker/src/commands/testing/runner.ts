/**
 * The core of the command test harness, free of Node APIs so it also runs inside workerd:
 * one command from the registry over a given filesystem, with nested commands (xargs,
 * find -exec, timeout) dispatched back to the registry through a minimal ShellServices.
 */
import type { Vfs } from '../../vfs/types.js'
import { collectOutput, emptyInput, stringInput } from '../io.js'
import { MapEnvironment } from '../lib/env.js'
import { resolvePath } from '../lib/path.js'
import { builtinCommands } from '../registry.js'
import type { Command, CommandContext, Environment, InputStream, OutputStream, ShellServices, TerminalControl } from '../types.js'

export interface RunCommandOptions {
  /** Initial files for a fresh filesystem (relative to `cwd`; ignored when `fs` is given). */
  files?: Record<string, string | Uint8Array>
  fs?: Vfs
  stdin?: string | Uint8Array | InputStream
  /** Default `/home/user`. */
  cwd?: string
  env?: Record<string, string>
  signal?: AbortSignal
  fetch?: typeof fetch
  terminal?: TerminalControl
  /** Send stdout here instead of collecting it (the result's stdout is then ''). */
  stdout?: OutputStream
  /** Mark stdout as a terminal (ls columns, colours). */
  stdoutIsTTY?: boolean
  commands?: ReadonlyMap<string, Command>
}

export interface RunCommandResult {
  stdout: string
  stderr: string
  code: number
  fs: Vfs
  /** Raw stdout bytes, for binary output. */
  stdoutBytes: Uint8Array
}

/** Splits a command line on blanks, honouring '…', "…" and backslash (no expansions). */
export const splitWords = (line: string): string[] => {
  const words: string[] = []
  let cur = ''
  let inWord = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string
    if (c === "'") {
      const end = line.indexOf("'", i + 1)
      if (end === -1) throw new Error('unterminated quote')
      cur += line.slice(i + 1, end)
      i = end
      inWord = true
    } else if (c === '"') {
      i++
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1] as string)) i++
        cur += line[i]
        i++
      }
      if (i >= line.length) throw new Error('unterminated quote')
      inWord = true
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i]
      inWord = true
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(cur)
      cur = ''
      inWord = false
    } else {
      cur += c
      inWord = true
    }
  }
  if (inWord) words.push(cur)
  return words
}

interface Io {
  fs: Vfs
  cwd: string
  env: Environment
  stdin: InputStream
  stdout: OutputStream
  stderr: OutputStream
  signal: AbortSignal
  fetch: typeof fetch
  terminal?: TerminalControl
  commands: ReadonlyMap<string, Command>
}

const runIn = async (argv: string[], io: Io): Promise<number> => {
  const [name, ...args] = argv
  const cmd = name === undefined ? undefined : io.commands.get(name)
  if (!cmd || name === undefined) {
    await io.stderr.write(`bash: ${name ?? ''}: command not found\n`)
    return 127
  }
  const shell: ShellServices = {
    runArgv: (childArgv, childIo) => {
      let env = io.env
      if (childIo.env) env = new MapEnvironment(Object.entries(childIo.env))
      return runIn(childArgv, {
        ...io,
        env,
        stdin: childIo.stdin ?? io.stdin,
        stdout: childIo.stdout ?? io.stdout,
        stderr: childIo.stderr ?? io.stderr,
        signal: childIo.signal ?? io.signal,
      })
    },
    runScript: async () => {
      throw new Error('runScript needs the shell; the command test harness runs single commands')
    },
    commandNames: () => [...io.commands.keys()].sort(),
    describe: (n) => (io.commands.has(n) ? { kind: 'command', detail: `/usr/bin/${n}` } : undefined),
    history: () => [],
    clearHistory: () => {},
  }
  const ctx: CommandContext = {
    name,
    args,
    fs: io.fs,
    cwd: io.cwd,
    env: io.env,
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    signal: io.signal,
    resolve: (p) => resolvePath(io.cwd, p),
    shell,
    fetch: io.fetch,
    ...(io.terminal ? { terminal: io.terminal } : {}),
  }
  return cmd.run(ctx)
}

/** Runs `line` (argv, or a string split on blanks and quotes) as one command over `makeFs()` or `opts.fs`. */
export const runWith = async (makeFs: (files: Record<string, string | Uint8Array>) => Vfs, line: string[] | string, opts: RunCommandOptions = {}): Promise<RunCommandResult> => {
  const argv = typeof line === 'string' ? splitWords(line) : line
  const cwd = opts.cwd ?? '/home/user'
  const files = Object.fromEntries(Object.entries(opts.files ?? {}).map(([p, c]) => [resolvePath(cwd, p), c]))
  const fs = opts.fs ?? makeFs(files)
  const stdout = collectOutput({ isTTY: opts.stdoutIsTTY ?? false })
  const stderr = collectOutput()
  const stdin =
    opts.stdin === undefined ? emptyInput() : typeof opts.stdin === 'string' || opts.stdin instanceof Uint8Array ? stringInput(opts.stdin) : opts.stdin
  const env = new MapEnvironment({ HOME: '/home/user', USER: 'user', PATH: '/usr/local/bin:/usr/bin:/bin', PWD: cwd, ...opts.env })
  const code = await runIn(argv, {
    fs,
    cwd,
    env,
    stdin,
    stdout: opts.stdout ?? stdout,
    stderr,
    signal: opts.signal ?? new AbortController().signal,
    fetch: opts.fetch ?? (async () => {
      throw new Error('network access is disabled in tests')
    }),
    ...(opts.terminal ? { terminal: opts.terminal } : {}),
    commands: opts.commands ?? builtinCommands,
  })
  const stdoutBytes = stdout.bytes()
  return { stdout: new TextDecoder().decode(stdoutBytes), stderr: stderr.text(), code, fs, stdoutBytes }
}

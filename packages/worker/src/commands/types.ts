/**
 * The contract between the shell interpreter and every command. A command is a plain
 * object with a name and a `run(ctx)`; the interpreter builds the context (streams,
 * filesystem, environment) and the command returns its exit status.
 */
import type { Vfs } from '../vfs/types.js'

/** Thrown by `OutputStream.write` once the reading end of a pipe has gone away. */
export class BrokenPipeError extends Error {
  override readonly name = 'BrokenPipeError'
  readonly code = 'EPIPE'
  constructor() {
    super('Broken pipe')
  }
}

export interface OutputStream {
  /** Resolves when the chunk is accepted (back-pressure); throws BrokenPipeError. */
  write(chunk: string | Uint8Array): Promise<void>
  /** True when connected to the interactive terminal. */
  readonly isTTY: boolean
}

export interface InputStream {
  /** The next chunk, or null at end of input. */
  read(): Promise<Uint8Array | null>
  readAll(): Promise<Uint8Array>
  readText(): Promise<string>
  /** Lines without their trailing newline. */
  lines(): AsyncIterable<string>
  readonly isTTY: boolean
}

/** The variables a command sees (exported shell variables). */
export interface Environment {
  get(name: string): string | undefined
  set(name: string, value: string): void
  delete(name: string): void
  entries(): Iterable<[string, string]>
}

/** The result of running a nested command line (xargs, time, timeout, watch, find -exec). */
export interface SubcommandResult {
  exitCode: number
}

/** What the shell lends to commands that need more than files and streams. */
export interface ShellServices {
  /**
   * Runs argv as a command (builtin, registered command, function or script) with the
   * given streams; used by xargs, find -exec, timeout, time, env, nohup, watch.
   */
  runArgv(
    argv: string[],
    io: { stdin?: InputStream; stdout?: OutputStream; stderr?: OutputStream; signal?: AbortSignal; env?: Record<string, string> },
  ): Promise<number>
  /** Runs a shell script source in a subshell of the current shell. */
  runScript(source: string, io?: { stdin?: InputStream; stdout?: OutputStream; stderr?: OutputStream }): Promise<number>
  /** Names of all commands and builtins (for `help`, `which`, `type`, completion). */
  commandNames(): string[]
  /** How `type`/`which` resolve a name: builtin, function, alias, file path or undefined. */
  describe(name: string): { kind: 'builtin' | 'command' | 'function' | 'alias' | 'file' | 'keyword'; detail?: string } | undefined
  /** Shell history (oldest first). */
  history(): string[]
  /** Clears the history. */
  clearHistory(): void
  /** Running jobs and the shell itself, for `ps` (optional: without it ps lists only itself). */
  processes?(): Array<{ pid: number; command: string; startedMs?: number }>
}

export interface CommandContext {
  /** The name the command was invoked as (argv[0]). */
  name: string
  /** Arguments after argv[0], unparsed. */
  args: string[]
  fs: Vfs
  /** Absolute current directory. */
  cwd: string
  env: Environment
  stdin: InputStream
  stdout: OutputStream
  stderr: OutputStream
  /** Aborted on Ctrl-C, `kill`, or an exec timeout. Long loops must check it. */
  signal: AbortSignal
  /** Absolute, normalised path for `p` relative to `cwd` (no symlink resolution). */
  resolve(p: string): string
  shell: ShellServices
  /** Outbound HTTP (curl); injected so tests can stand in a loopback server. */
  fetch: typeof fetch
  /** Present when the command runs in the foreground of the interactive terminal. */
  terminal?: TerminalControl
}

/** Lets full-screen programs (nano, less) take raw keystrokes instead of cooked lines. */
export interface TerminalControl {
  readonly cols: number
  readonly rows: number
  /** Raw: every keystroke reaches stdin unechoed. Cooked (default): line-buffered with echo. */
  setRawMode(raw: boolean): void
}

export interface Command {
  name: string
  /** Other names the registry maps to this command (`[` for test, `more` for less). */
  aliases?: readonly string[]
  /** One-line synopsis, e.g. `head [-n N] [FILE]...`. */
  usage: string
  /** One-sentence description for `--help` and `help`. */
  description: string
  run(ctx: CommandContext): Promise<number>
}

/**
 * The shell's public surface, used by the session Durable Object (terminal and exec) and
 * by the SDK. The interpreter behind it lives in this folder; commands in ../commands.
 */
import type { Command, InputStream, OutputStream, TerminalControl } from '../commands/types.js'
import type { Vfs } from '../vfs/types.js'

/** Persisted history (the session keeps it in SQLite so it survives reloads). */
export interface HistoryStore {
  list(): string[]
  add(line: string): void
  clear(): void
}

/** What survives between commands and across a Durable Object restart. */
export interface ShellSnapshot {
  cwd: string
  /** Exported variables. */
  env: Record<string, string>
  aliases: Record<string, string>
}

export interface ShellOptions {
  fs: Vfs
  /** Initial exported environment (HOME, USER, PATH, …); defaults are filled in. */
  env?: Record<string, string>
  cwd?: string
  aliases?: Record<string, string>
  fetch?: typeof fetch
  history?: HistoryStore
  /** Defaults to the built-in registry. */
  commands?: ReadonlyMap<string, Command>
  /** Hostname shown in the prompt and by `hostname` (default `nimbus`). */
  hostname?: string
}

export interface RunIO {
  stdin?: InputStream
  stdout: OutputStream
  stderr: OutputStream
  signal?: AbortSignal
  terminal?: TerminalControl
}

export interface ExecOptions {
  cwd?: string
  env?: Record<string, string>
  stdin?: string | Uint8Array
  /** Abort the command after this long; the result then has exit code 124. */
  timeoutMs?: number
  signal?: AbortSignal
}

export interface ExecResult {
  stdout: string
  stderr: string
  exitCode: number
  durationMs: number
}

/** The interactive terminal driver: raw keystrokes in, terminal bytes out. */
export interface InteractiveShellOptions {
  /** Sends terminal output (already with \r\n line ends) to every attached screen. */
  write(data: string): void
  cols?: number
  rows?: number
  /** Called after `exit` or Ctrl-D on an empty line; the prompt comes back afterwards. */
  onExit?(status: number): void
}

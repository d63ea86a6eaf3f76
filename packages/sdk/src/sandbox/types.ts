/** The shapes the sandbox API returns (the same over DO RPC and HTTP). */
import type { RuntimeName } from '@nimbus-sh/config'

export type { RuntimeName } from '@nimbus-sh/config'
// One definition of the result shapes: the Worker's, as types only (nothing is imported at run time).
export type { FileEntry, FileInfo, LogChunk, LogsPage, PortInfo, ProcessInfo, ProcessState, RuntimeInfo } from '@nimbus-sh/worker'

export interface ExecOptions {
  /** Working directory, inside the profile root (relative paths start at the root). */
  cwd?: string
  env?: Record<string, string>
  /** Ends the command after this long; the result then has exit code 124. */
  timeoutMs?: number
  stdin?: string | Uint8Array
}

export interface ExecResult {
  stdout: string
  stderr: string
  exitCode: number
  durationMs: number
}

export type FileType = 'file' | 'dir' | 'symlink'

export type RunCodeLanguage = 'shell' | 'bash' | 'javascript' | 'typescript' | 'python' | 'ruby' | 'c'

export interface RunCodeOptions {
  language: RunCodeLanguage
  /** `ifMissing` installs the language's runtime first when the profile allows it. */
  install?: 'ifMissing' | 'never'
  timeoutMs?: number
  cwd?: string
}

export interface RunCodeResult extends ExecResult {
  language: string
  runtime: RuntimeName
}

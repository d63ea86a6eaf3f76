/** The shapes the sandbox API returns (the same over DO RPC and HTTP). */
import type { RuntimeName } from '@nimbus-sh/config'

export type { RuntimeName } from '@nimbus-sh/config'

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

export type ProcessState = 'running' | 'exited' | 'killed' | 'lost'

export interface ProcessInfo {
  pid: number
  command: string
  cwd: string
  state: ProcessState
  exitCode: number | null
  startedAt: number
  endedAt: number | null
}

export interface LogChunk {
  seq: number
  stream: 'stdout' | 'stderr'
  data: string
}

export interface LogsPage {
  chunks: LogChunk[]
  /** Characters dropped before this page because the process printed more than the sandbox keeps (32 Mi characters). */
  dropped: number
  text: string
  /** Pass back as `cursor` to continue after this page. */
  cursor: number
  /** More output is already stored past this page. */
  truncated: boolean
  /** Exit status once the process ended, else null. */
  exit: number | null
  state: ProcessState
}

export interface PortInfo {
  port: number
  exposed: boolean
  listening: boolean
  url?: string
}

export interface RuntimeInfo {
  name: RuntimeName
  allowed: boolean
  available: boolean
  installed: boolean
}

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

/** Words a failed file operation as a `CliError` (exit 3) instead of an internal error. */
import { CliError } from '../errors.js'
import { EXIT } from '../exit-codes.js'

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ENOTDIR: 'a parent path is not a directory',
  EISDIR: 'is a directory',
  ENOENT: 'no such file or directory',
}

export function fsFailure(err: unknown, action: string, path: string): unknown {
  if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string' || !(err.code in REASONS)) return err
  return new CliError('E_FILESYSTEM', `cannot ${action} ${path}: ${REASONS[err.code]} (${err.code})`, EXIT.LOCAL, 'Check the path and its permissions, then rerun.')
}

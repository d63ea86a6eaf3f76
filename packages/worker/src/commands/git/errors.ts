/**
 * git's failure wording and exit codes: `fatal: …` exits 128, `error: …` usually 1, a bad
 * option 129. isomorphic-git's errors (they carry a string `code`) are translated here,
 * in one place, into the messages real git prints for the same situation.
 */

/** A failure with the exact text git prints (already prefixed) and its exit status. */
export class GitError extends Error {
  override readonly name = 'GitError'
  constructor(
    message: string,
    readonly exitCode: number = 128,
  ) {
    super(message)
  }
}

export const fatal = (message: string): GitError => new GitError(`fatal: ${message}`, 128)
export const gitErrorLine = (message: string, exitCode = 1): GitError => new GitError(`error: ${message}`, exitCode)

/** isomorphic-git errors are plain Errors with a `code` and sometimes `data`. */
export interface IsoGitError {
  code: string
  message: string
  data?: Record<string, unknown>
}

export const isIsoGitError = (e: unknown): e is IsoGitError =>
  e instanceof Error && typeof (e as { code?: unknown }).code === 'string'

export const isoCode = (e: unknown): string | undefined => (isIsoGitError(e) ? e.code : undefined)

/** The most useful translation of an isomorphic-git error that no subcommand handled. */
export function translate(e: unknown): GitError {
  if (e instanceof GitError) return e
  if (!isIsoGitError(e)) return fatal(e instanceof Error ? e.message : String(e))
  const data = e.data ?? {}
  switch (e.code) {
    case 'NotFoundError': {
      const what = String(data.what ?? '')
      return fatal(`ambiguous argument '${what}': unknown revision or path not in the working tree.`)
    }
    case 'AlreadyExistsError':
      return fatal(`${String(data.noun ?? 'object')} '${String(data.where ?? '')}' already exists.`)
    case 'InvalidRefNameError':
      return fatal(`'${String(data.ref ?? '')}' is not a valid branch name`)
    case 'CheckoutConflictError': {
      const paths = Array.isArray(data.filepaths) ? (data.filepaths as string[]) : []
      return new GitError(
        `error: Your local changes to the following files would be overwritten by checkout:\n${paths.map((p) => `\t${p}\n`).join('')}` +
          'Please commit your changes or stash them before you switch branches.\nAborting',
        1,
      )
    }
    case 'UnmergedPathsError':
      return new GitError(
        'error: Committing is not possible because you have unmerged files.\nhint: Fix them up in the work tree, and then use \'git add/rm <file>\'\n' +
          "hint: as appropriate to mark resolution and make a commit.\nfatal: Exiting because of an unresolved conflict.",
        128,
      )
    case 'NoRefspecError':
      return fatal(`couldn't find remote ref ${String(data.remote ?? '')}`)
    case 'UrlParseError':
    case 'UnknownTransportError':
      return fatal(`unable to access '${String(data.url ?? '')}': unsupported URL`)
    default:
      return fatal(e.message)
  }
}

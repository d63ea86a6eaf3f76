/**
 * The options every network operation (clone, fetch, pull, push) hands isomorphic-git:
 * the HTTP client, credentials sent up front as a Basic header (never in the URL),
 * progress lines on stderr, and one translation of network failures into git's words.
 */
import type { Git } from './context.js'
import { basicAuthHeader, displayUrl, findCredentials, splitUrlCredentials } from './credentials.js'
import { GitError, fatal, isIsoGitError } from './errors.js'
import type { GitHttpClient } from './http.js'

interface ProgressEvent {
  phase: string
  loaded: number
  total?: number
}

export interface TransportArgs {
  http: GitHttpClient
  url: string
  headers: Record<string, string>
  onAuth: () => { cancel: true }
  onAuthFailure: () => { cancel: true }
  onProgress?: (e: ProgressEvent) => Promise<void>
  onMessage?: (m: string) => Promise<void>
}

export interface Transport {
  args: TransportArgs
  /** The URL as it may be shown (no password). */
  shown: string
  /** Ends the current progress line. */
  done(): Promise<void>
  /** git's message for a failed network operation. */
  fail(e: unknown): GitError
}

const LOCAL_PHASES = new Set(['Receiving objects', 'Resolving deltas', 'Updating workdir'])

const SUPPORTED = /^https?:\/\//i

/** Validates the URL and prepares credentials and progress for `url`. */
export function openTransport(g: Git, rawUrl: string, opts: { progress?: boolean } = {}): Transport {
  const shown = displayUrl(rawUrl)
  if (!SUPPORTED.test(rawUrl)) {
    // Local paths and file:// would name the host's disk, which the sandbox cannot reach.
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rawUrl)) throw fatal(`Unable to find remote helper for '${rawUrl.slice(0, rawUrl.indexOf(':'))}'`)
    throw fatal(`repository '${shown}' does not exist (only http:// and https:// remotes are supported here)`)
  }
  const { url } = splitUrlCredentials(rawUrl)
  const creds = findCredentials({ url: rawUrl, env: g.ctx.env, fs: g.vfs, home: g.home })
  if (creds) g.secrets.push(creds.password)
  const headers: Record<string, string> = { 'user-agent': 'git/isomorphic-git (nimbus)' }
  if (creds) headers.authorization = basicAuthHeader(creds)
  // isomorphic-git asks for credentials after a 401: we have none to add, so say why.
  let authProblem: 'missing' | 'rejected' | undefined
  const refuse = (): { cancel: true } => {
    authProblem = creds ? 'rejected' : 'missing'
    return { cancel: true }
  }
  let phase = ''
  let lastLine = ''
  const progressLine = async (e: ProgressEvent): Promise<void> => {
    // Counting/compressing come from the server and arrive through onMessage already.
    const total = e.total
    if (!total || !LOCAL_PHASES.has(e.phase)) return
    e = { ...e, phase: e.phase === 'Updating workdir' ? 'Updating files' : e.phase }
    const pct = Math.floor((e.loaded / total) * 100)
    const line = `${e.phase}: ${String(pct).padStart(3)}% (${e.loaded}/${total})`
    if (e.phase !== phase && phase !== '' && lastLine) await g.err(`${lastLine}, done.\n`)
    if (line === lastLine) return
    phase = e.phase
    lastLine = line
    await g.err(`${line}\r`)
  }
  const args: TransportArgs = {
    http: g.http,
    url,
    headers,
    onAuth: refuse,
    onAuthFailure: refuse,
    ...(opts.progress
      ? {
          onProgress: progressLine,
          onMessage: async (m: string) => {
            // Keep the server's finished lines; its in-place counters would only repeat.
            for (const part of m.split(/\r|\n/)) {
              if (part.trim() && !/^\S[^:]*:\s+\d+% \(\d+\/\d+\)$/.test(part.trim())) await g.err(`remote: ${part.trim()}\n`)
            }
          },
        }
      : {}),
  }
  return {
    args,
    shown,
    async done() {
      if (lastLine) await g.err(`${lastLine}, done.\n`)
      lastLine = ''
      phase = ''
    },
    fail(e: unknown): GitError {
      if (e instanceof GitError) return e
      const code = isIsoGitError(e) ? e.code : undefined
      const host = (() => {
        try {
          const u = new URL(url)
          return `${u.protocol}//${u.host}`
        } catch {
          return url
        }
      })()
      if (code === 'UserCanceledError' || authProblem) {
        if (authProblem === 'rejected') {
          const hint = creds?.source === 'env' ? ' (check GIT_TOKEN/GITHUB_TOKEN)' : creds?.source === 'file' ? ' (check ~/.git-credentials)' : ''
          return new GitError(`remote: Invalid username or password.\nfatal: Authentication failed for '${shown}'${hint}`, 128)
        }
        return new GitError(
          `fatal: could not read Username for '${host}': terminal prompts disabled\n` +
            'hint: put the credentials in the URL, set GIT_TOKEN, or add them to ~/.git-credentials',
          128,
        )
      }
      if (code === 'HttpError') {
        const status = Number((e as { data?: { statusCode?: unknown } }).data?.statusCode)
        if (status === 404) return fatal(`repository '${shown}' not found`)
        if (status === 403) return fatal(`unable to access '${shown}': The requested URL returned error: 403`)
        return fatal(`unable to access '${shown}': The requested URL returned error: ${status}`)
      }
      if (code === 'SmartHttpError') return fatal(`repository '${shown}' not found`)
      if (code === 'UserCanceledError' || (e instanceof Error && e.name === 'AbortError')) return fatal('the operation was interrupted')
      const truncated = e instanceof Error && /pkt-line|but received|early EOF|unexpected end|end of (file|stream)/i.test(e.message)
      if (truncated || (e instanceof Error && /terminated|other side closed|socket|ECONNRESET|premature/i.test(e.message) && !code)) {
        return new GitError('error: RPC failed; transfer closed with outstanding read data remaining\nfatal: the remote end hung up unexpectedly', 128)
      }
      if (e instanceof TypeError || (e instanceof Error && /fetch|network|ECONNREFUSED|connect/i.test(e.message) && !code)) {
        return fatal(`unable to access '${shown}': Failed to connect to ${host.replace(/^https?:\/\//, '')}: ${e.message}`)
      }
      return fatal(e instanceof Error ? e.message : String(e))
    },
  }
}

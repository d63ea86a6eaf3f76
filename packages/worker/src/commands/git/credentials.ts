/**
 * Where HTTP credentials come from, in git's order of precedence for a sandbox without a
 * terminal prompt: the remote URL's `user:password@`, then `GIT_TOKEN` / `GITHUB_TOKEN`,
 * then the store-helper file `~/.git-credentials` (one `https://user:token@host` a line).
 * Secrets are never printed: every message goes through `maskSecrets`.
 */
import type { Vfs } from '../../vfs/types.js'

export interface Credentials {
  username: string
  password: string
  /** Where they came from, for the hint after an authentication failure. */
  source: 'url' | 'env' | 'file'
}

interface ParsedUrl {
  /** The URL without `user:password@`. */
  url: string
  username?: string
  password?: string
}

const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*)@/i

/** Splits `https://user:pw@host/x` into the bare URL and its credentials. */
export function splitUrlCredentials(url: string): ParsedUrl {
  const m = USERINFO.exec(url)
  if (!m) return { url }
  const info = m[2] as string
  const colon = info.indexOf(':')
  const dec = (s: string): string => {
    try {
      return decodeURIComponent(s)
    } catch {
      return s
    }
  }
  const bare = `${m[1]}${url.slice(m[0].length)}`
  return colon === -1 ? { url: bare, username: dec(info) } : { url: bare, username: dec(info.slice(0, colon)), password: dec(info.slice(colon + 1)) }
}

/** The URL as it may be shown: any password replaced by `***`. */
export function displayUrl(url: string): string {
  return url.replace(USERINFO, (_all, scheme: string, info: string) => {
    const colon = info.indexOf(':')
    return colon === -1 ? `${scheme}${info}@` : `${scheme}${info.slice(0, colon)}:***@`
  })
}

const hostOf = (url: string): { protocol: string; host: string; path: string } | undefined => {
  try {
    const u = new URL(url)
    return { protocol: u.protocol, host: u.host, path: u.pathname.replace(/^\/+/, '') }
  } catch {
    return undefined
  }
}

/** Entries of a `~/.git-credentials` file that match `url` (protocol, host, path prefix). */
export function credentialsFromFile(text: string, url: string): Credentials | undefined {
  const target = hostOf(url)
  if (!target) return undefined
  for (const line of text.split('\n')) {
    const entry = line.trim()
    if (!entry || entry.startsWith('#')) continue
    const parsed = splitUrlCredentials(entry)
    const where = hostOf(parsed.url)
    if (!where || parsed.password === undefined) continue
    if (where.protocol !== target.protocol || where.host !== target.host) continue
    if (where.path && !target.path.startsWith(where.path)) continue
    return { username: parsed.username ?? '', password: parsed.password, source: 'file' }
  }
  return undefined
}

export interface FindCredentialsArgs {
  url: string
  env: { get(name: string): string | undefined }
  fs: Vfs
  home: string
}

/** The credentials to send to `url`, or undefined when none are configured. */
export function findCredentials({ url, env, fs, home }: FindCredentialsArgs): Credentials | undefined {
  const parsed = splitUrlCredentials(url)
  if (parsed.password !== undefined) return { username: parsed.username ?? '', password: parsed.password, source: 'url' }
  const token = env.get('GIT_TOKEN') || env.get('GITHUB_TOKEN')
  if (token) return { username: parsed.username ?? 'x-access-token', password: token, source: 'env' }
  const file = `${home}/.git-credentials`
  if (fs.exists(file)) {
    try {
      return credentialsFromFile(fs.readText(file), parsed.url)
    } catch {
      return undefined
    }
  }
  return undefined
}

/** `Authorization: Basic …` for the credentials. */
export function basicAuthHeader(c: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`
}

/** Replaces every secret (and URL passwords) in `text` with `***`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/[^@/\s:'"]*):[^@/\s'"]*@/gi, '$1:***@')
  for (const s of secrets) {
    if (s.length >= 3) out = out.split(s).join('***')
  }
  return out
}

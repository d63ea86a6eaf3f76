/**
 * The package index side of `pip install`: the "simple" repository API (an HTML page of
 * links per project, PEP 503), choosing the newest pure-Python wheel that satisfies the
 * request, and the download with its sha256 check. Only wheels tagged for any platform
 * (`none-any`) can run in the sandbox, so sdists and binary wheels are never picked.
 */
export class PipError extends Error {
  override readonly name = 'PipError'
}

export interface Requirement {
  name: string
  /** Exact version from `name==1.2`, when pinned. */
  version?: string
}

export interface WheelLink {
  filename: string
  url: string
  version: string
  sha256?: string
}

/** PEP 503 normalised project name. */
export const normalizeName = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-')

const REQ_RE = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:==\s*([A-Za-z0-9.+!-]+))?\s*$/

export function parseRequirement(spec: string): Requirement | undefined {
  const m = REQ_RE.exec(spec.trim())
  if (!m) return undefined
  return m[2] ? { name: m[1] as string, version: m[2] } : { name: m[1] as string }
}

const decodeEntities = (s: string): string => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")

/** Wheel file name: {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl */
export function parseWheelName(filename: string): { name: string; version: string; python: string; abi: string; platform: string } | undefined {
  if (!filename.endsWith('.whl')) return undefined
  const parts = filename.slice(0, -4).split('-')
  if (parts.length !== 5 && parts.length !== 6) return undefined
  const [name, version] = parts as [string, string]
  const [python, abi, platform] = parts.slice(-3) as [string, string, string]
  return { name, version, python, abi, platform }
}

const pureWheel = (w: { python: string; abi: string; platform: string }): boolean =>
  w.abi === 'none' && w.platform === 'any' && w.python.split('.').some((t) => t === 'py3' || /^py3\d+$/.test(t) || t === 'py2.py3')

/** Numeric release segments then the rest: enough ordering for picking the newest. */
function compareVersions(a: string, b: string): number {
  const split = (v: string): Array<number | string> => v.split(/[.+-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p))
  const pa = split(a)
  const pb = split(b)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i]
    const y = pb[i]
    if (x === y) continue
    if (x === undefined) return -1
    if (y === undefined) return 1
    if (typeof x === 'number' && typeof y === 'number') return x - y
    return String(x) < String(y) ? -1 : 1
  }
  return 0
}

const isPreRelease = (v: string): boolean => /(a|b|rc|dev)\d*/i.test(v)

/** Lists the project's links from the simple index and picks the wheel to install. */
export async function findWheel(fetcher: typeof fetch, indexUrl: string, req: Requirement): Promise<WheelLink> {
  const pageUrl = `${indexUrl.replace(/\/+$/, '')}/${normalizeName(req.name)}/`
  let res: Response
  try {
    res = await fetcher(pageUrl, { headers: { accept: 'text/html' } })
  } catch (e) {
    throw new PipError(`could not reach the package index at ${pageUrl}: ${e instanceof Error ? e.message : String(e)}`)
  }
  if (res.status === 404) {
    await res.body?.cancel()
    throw new PipError(`No matching distribution found for ${req.name} (the index has no project page at ${pageUrl})`)
  }
  if (!res.ok) {
    await res.body?.cancel()
    throw new PipError(`the package index answered HTTP ${res.status} for ${pageUrl}`)
  }
  const html = await res.text()
  const links: WheelLink[] = []
  for (const m of html.matchAll(/<a\s[^>]*href\s*=\s*"([^"]+)"[^>]*>/gi)) {
    const href = decodeEntities(m[1] as string)
    const url = new URL(href, pageUrl)
    const filename = decodeURIComponent(url.pathname.split('/').pop() ?? '')
    const wheel = parseWheelName(filename)
    if (!wheel || !pureWheel(wheel) || normalizeName(wheel.name) !== normalizeName(req.name)) continue
    const sha = /(?:^|&)sha256=([0-9a-f]{64})/i.exec(url.hash.slice(1))?.[1]
    url.hash = ''
    links.push({ filename, url: url.href, version: wheel.version, ...(sha ? { sha256: sha.toLowerCase() } : {}) })
  }
  const candidates = req.version ? links.filter((l) => l.version === req.version) : links.filter((l) => !isPreRelease(l.version))
  candidates.sort((a, b) => compareVersions(b.version, a.version))
  const pick = candidates[0]
  if (!pick) {
    const what = req.version ? `${req.name}==${req.version}` : req.name
    throw new PipError(`No matching distribution found for ${what} (only pure-Python wheels, tagged none-any, can be installed here)`)
  }
  return pick
}

const hex = (buf: ArrayBuffer): string => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('')

export async function downloadWheel(fetcher: typeof fetch, link: WheelLink): Promise<Uint8Array> {
  let res: Response
  try {
    res = await fetcher(link.url)
  } catch (e) {
    throw new PipError(`could not download ${link.url}: ${e instanceof Error ? e.message : String(e)}`)
  }
  if (!res.ok) {
    await res.body?.cancel()
    throw new PipError(`downloading ${link.url} failed: HTTP ${res.status}`)
  }
  const bytes = new Uint8Array(await res.arrayBuffer())
  if (link.sha256) {
    const got = hex(await crypto.subtle.digest('SHA-256', bytes))
    if (got !== link.sha256) throw new PipError(`THESE PACKAGES DO NOT MATCH THE HASHES: ${link.filename} expected sha256 ${link.sha256}, got ${got}`)
  }
  return bytes
}

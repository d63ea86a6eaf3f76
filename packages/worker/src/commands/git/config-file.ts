/**
 * Reading and editing git's INI-style config files (`.git/config`, `~/.gitconfig`) as
 * text, so edits keep the user's layout and comments. Keys are `section.name` or
 * `section.subsection.name`; section and name compare case-insensitively, the
 * subsection exactly, as in git.
 */

export interface ConfigEntry {
  section: string
  subsection?: string
  name: string
  value: string
  /** Line index in the file. */
  line: number
}

interface Key {
  section: string
  subsection?: string
  name: string
}

/** Splits `remote.origin.url` into its parts; undefined when malformed. */
export function parseKey(key: string): Key | undefined {
  const first = key.indexOf('.')
  const last = key.lastIndexOf('.')
  if (first <= 0 || last === key.length - 1) return undefined
  const section = key.slice(0, first).toLowerCase()
  const name = key.slice(last + 1).toLowerCase()
  if (!/^[a-z0-9-]+$/.test(section) || !/^[a-z][a-z0-9-]*$/.test(name)) return undefined
  return first === last ? { section, name } : { section, subsection: key.slice(first + 1, last), name }
}

const unquote = (raw: string): string => {
  let out = ''
  let quoted = false
  // Length of `out` that survives trimming: quoted text and escapes keep their blanks.
  let keep = 0
  const text = raw.replace(/^\s+/, '')
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (c === '"') {
      quoted = !quoted
      keep = out.length
    } else if (c === '\\' && i + 1 < text.length) {
      const n = text[++i] as string
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n
      keep = out.length
    } else if (!quoted && (c === ';' || c === '#')) break
    else {
      out += c
      if (quoted || !/\s/.test(c)) keep = out.length
    }
  }
  return out.slice(0, keep)
}

const quote = (value: string): string => {
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')
  return /^\s|\s$|[;#]/.test(value) ? `"${escaped}"` : escaped
}

const SECTION = /^\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/

/** Every `key = value` in file order. */
export function parseConfig(text: string): ConfigEntry[] {
  const out: ConfigEntry[] = []
  let section = ''
  let subsection: string | undefined
  text.split('\n').forEach((raw, line) => {
    const s = SECTION.exec(raw)
    if (s) {
      const head = (s[1] as string).toLowerCase()
      const dot = head.indexOf('.')
      // Legacy `[section.sub]` spelling.
      section = dot === -1 ? head : head.slice(0, dot)
      subsection = s[2] !== undefined ? s[2].replace(/\\(.)/g, '$1') : dot === -1 ? undefined : head.slice(dot + 1)
      return
    }
    const m = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(?:=(.*))?$/.exec(raw)
    if (!m || !section) return
    out.push({
      section,
      ...(subsection !== undefined ? { subsection } : {}),
      name: (m[1] as string).toLowerCase(),
      value: m[2] === undefined ? 'true' : unquote(m[2]),
      line,
    })
  })
  return out
}

const matches = (e: ConfigEntry, k: Key): boolean => e.section === k.section && e.subsection === k.subsection && e.name === k.name

export const keyOf = (e: ConfigEntry): string =>
  e.subsection === undefined ? `${e.section}.${e.name}` : `${e.section}.${e.subsection}.${e.name}`

/** All values of `key`, in order. */
export function getAll(text: string, key: string): string[] {
  const k = parseKey(key)
  if (!k) return []
  return parseConfig(text)
    .filter((e) => matches(e, k))
    .map((e) => e.value)
}

/** The last value of `key` (git's "last one wins"). */
export function getValue(text: string, key: string): string | undefined {
  return getAll(text, key).at(-1)
}

const header = (k: Key): string => (k.subsection === undefined ? `[${k.section}]` : `[${k.section} "${k.subsection.replace(/["\\]/g, '\\$&')}"]`)

/** Sets `key` (replacing its last occurrence, or adding it to its section). */
export function setValue(text: string, key: string, value: string, opts: { add?: boolean } = {}): string {
  const k = parseKey(key)
  if (!k) throw new Error(`invalid key: ${key}`)
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n')
  const entries = parseConfig(text)
  const line = `\t${k.name} = ${quote(value)}`
  const existing = opts.add ? undefined : entries.filter((e) => matches(e, k)).at(-1)
  if (existing) {
    lines[existing.line] = line
    return `${lines.join('\n')}\n`
  }
  // Append after the last line of the section, or start the section at the end.
  let sectionEnd = -1
  let section = ''
  let subsection: string | undefined
  lines.forEach((raw, i) => {
    const s = SECTION.exec(raw)
    if (s) {
      section = (s[1] as string).toLowerCase()
      subsection = s[2]
      if (section === k.section && subsection === k.subsection) sectionEnd = i
      return
    }
    if (section === k.section && subsection === k.subsection && raw.trim() !== '') sectionEnd = i
  })
  if (sectionEnd === -1) lines.push(header(k), line)
  else lines.splice(sectionEnd + 1, 0, line)
  return `${lines.join('\n')}\n`
}

/** Removes every occurrence of `key`; `found` says whether there was one. */
export function unsetValue(text: string, key: string): { text: string; found: boolean } {
  const k = parseKey(key)
  if (!k) return { text, found: false }
  const drop = new Set(parseConfig(text).filter((e) => matches(e, k)).map((e) => e.line))
  if (drop.size === 0) return { text, found: false }
  return { text: text.split('\n').filter((_, i) => !drop.has(i)).join('\n'), found: true }
}

/** Removes a whole `[section "sub"]` block; `found` says whether it existed. */
export function removeSection(text: string, section: string, subsection?: string): { text: string; found: boolean } {
  const out: string[] = []
  let inside = false
  let found = false
  for (const raw of text.split('\n')) {
    const s = SECTION.exec(raw)
    if (s) {
      inside = (s[1] as string).toLowerCase() === section && s[2] === subsection
      if (inside) {
        found = true
        continue
      }
    }
    if (!inside) out.push(raw)
  }
  return { text: out.join('\n'), found }
}

/** Subsection names of `section` (`remote` → ['origin', …]) in order of appearance. */
export function subsections(text: string, section: string): string[] {
  const names: string[] = []
  for (const e of parseConfig(text)) {
    if (e.section === section && e.subsection !== undefined && !names.includes(e.subsection)) names.push(e.subsection)
  }
  return names
}

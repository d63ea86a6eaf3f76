/**
 * Minimal JSONC reader for wrangler.jsonc: line and block comments plus trailing commas, the
 * two extensions wrangler accepts. Comments are blanked in place so JSON.parse positions still
 * point at the right line and column.
 */
import { NimbusConfigError } from '../errors.js'

function blankComments(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (ch === '"') {
      const start = i++
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
      out += text.slice(start, ++i)
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') { out += ' '; i++ }
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      const stop = end === -1 ? text.length : end + 2
      out += text.slice(i, stop).replace(/[^\n]/g, ' ')
      i = stop
    } else {
      out += ch
      i++
    }
  }
  return out
}

/** Removes a comma that is followed (after blanks) by `}` or `]`, outside strings. */
function dropTrailingCommas(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (ch === '"') {
      const start = i++
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
      out += text.slice(start, ++i)
      continue
    }
    if (ch === ',') {
      let j = i + 1
      while (j < text.length && /\s/.test(text[j] ?? '')) j++
      if (text[j] === '}' || text[j] === ']') { out += ' '; i++; continue }
    }
    out += ch
    i++
  }
  return out
}

function lineCol(text: string, pos: number): string {
  const before = text.slice(0, pos).split('\n')
  return `line ${before.length} column ${(before.at(-1)?.length ?? 0) + 1}`
}

/** Parses JSONC text; throws `NimbusConfigError` with code `E_JSONC_SYNTAX` and a line/column. */
export function parseJsonc(text: string, source = 'wrangler.jsonc'): unknown {
  const json = dropTrailingCommas(blankComments(text.replace(/^\uFEFF/, '')))
  try {
    return JSON.parse(json)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const pos = /position (\d+)/.exec(message)
    const where = pos?.[1] ? `${lineCol(json, Number(pos[1]))}: ` : ''
    throw new NimbusConfigError('E_JSONC_SYNTAX', [{ path: '', message: `${where}${message}` }], `Cannot parse ${source}`)
  }
}

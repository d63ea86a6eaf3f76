/** jq's @formats: @text @json @html @uri @csv @tsv @sh @base64 @base64d. */
import { type Json, JqError, brief, dump, typeOf } from './json.js'

const csvQuote = (v: Json, sep: 'csv' | 'tsv'): string => {
  if (typeof v === 'number') return dump(v, { indent: 0 })
  if (typeof v === 'boolean') return String(v)
  if (v === null) return ''
  if (typeof v === 'string') return sep === 'csv' ? `"${v.replace(/"/g, '""')}"` : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
  throw new JqError(`${typeOf(v)} (${brief(v)}) is not valid in a csv row`)
}

export const applyFormat = (name: string, v: Json): Json => {
  const text = () => (typeof v === 'string' ? v : dump(v, { indent: 0 }))
  switch (name) {
    case 'text':
      return text()
    case 'json':
      return dump(v, { indent: 0 })
    case 'html':
      return text().replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c] as string)
    case 'uri':
      return Array.from(new TextEncoder().encode(text()), (b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('')
    case 'csv':
    case 'tsv':
      if (!Array.isArray(v)) throw new JqError(`${typeOf(v)} (${brief(v)}) cannot be ${name}-formatted, only an array can be`)
      return v.map((x) => csvQuote(x, name)).join(name === 'csv' ? ',' : '\t')
    case 'sh': {
      const one = (x: Json) => {
        if (typeof x === 'string') return `'${x.replace(/'/g, "'\\''")}'`
        if (x === null || typeof x === 'number' || typeof x === 'boolean') return dump(x, { indent: 0 })
        throw new JqError(`${typeOf(x)} (${brief(x)}) can not be escaped for shell`)
      }
      return Array.isArray(v) ? v.map(one).join(' ') : one(v)
    }
    case 'base64': {
      const bytes = new TextEncoder().encode(text())
      let bin = ''
      for (const b of bytes) bin += String.fromCharCode(b)
      return btoa(bin)
    }
    case 'base64d': {
      try {
        const bin = atob(text().replace(/=+$/, ''))
        return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)))
      } catch {
        throw new JqError(`${typeOf(v)} (${brief(v)}) is not valid base64 data`)
      }
    }
  }
  throw new JqError(`${name} is not a valid format`)
}

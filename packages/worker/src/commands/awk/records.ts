/** Splitting awk input into records by RS (newline or one character while streaming, paragraphs and regexes over the whole input), and fields by the default FS. */
import { translateRegex } from '../lib/regex.js'

/** Line-oriented reader over chunks, splitting records by RS each time it is asked. */
export class RecordReader {
  #buf = ''
  #done = false
  constructor(readonly src: { read(): Promise<string | null> }) {}
  async #fill(): Promise<boolean> {
    if (this.#done) return false
    const c = await this.src.read()
    if (c === null) {
      this.#done = true
      return false
    }
    this.#buf += c
    return true
  }
  /** The next record when it is already complete in the buffer (newline or one-character RS), else undefined. */
  nextBuffered(rs: string): string | undefined {
    if (rs !== '\n' && rs.length !== 1) return undefined
    const i = this.#buf.indexOf(rs)
    if (i === -1) return undefined
    const r = this.#buf.slice(0, i)
    this.#buf = this.#buf.slice(i + 1)
    return r
  }
  async next(rs: string): Promise<string | null> {
    if (rs === '\n' || rs.length === 1) {
      for (;;) {
        const i = this.#buf.indexOf(rs)
        if (i !== -1) {
          const r = this.#buf.slice(0, i)
          this.#buf = this.#buf.slice(i + 1)
          return r
        }
        if (!(await this.#fill())) break
      }
      if (this.#buf === '') return null
      const r = this.#buf
      this.#buf = ''
      return r
    }
    while (await this.#fill()) {
      // Whole input is needed for paragraph and regex separators.
    }
    if (rs === '') {
      this.#buf = this.#buf.replace(/^\n+/, '')
      if (this.#buf === '') return null
      const m = /\n\n+/.exec(this.#buf)
      if (!m) {
        const r = this.#buf.replace(/\n+$/, '')
        this.#buf = ''
        return r
      }
      const r = this.#buf.slice(0, m.index)
      this.#buf = this.#buf.slice(m.index + m[0].length)
      return r
    }
    if (this.#buf === '') return null
    const re = new RegExp(translateRegex(rs, { extended: true }))
    const m = re.exec(this.#buf)
    if (!m || m[0] === '') {
      const r = this.#buf
      this.#buf = ''
      return r
    }
    const r = this.#buf.slice(0, m.index)
    this.#buf = this.#buf.slice(m.index + m[0].length)
    return r
  }
}

/**
 * Fields under the default FS: runs of blanks, tabs and newlines separate fields, and leading and
 * trailing ones are ignored. A character loop, because this runs for every record and the two
 * regular expressions it replaces dominated simple programs.
 */
export const splitBlankFields = (s: string): string[] => {
  const fields: string[] = []
  const n = s.length
  let i = 0
  for (;;) {
    while (i < n && isBlank(s.charCodeAt(i))) i++
    if (i >= n) return fields
    const start = i
    while (i < n && !isBlank(s.charCodeAt(i))) i++
    fields.push(s.slice(start, i))
  }
}

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10

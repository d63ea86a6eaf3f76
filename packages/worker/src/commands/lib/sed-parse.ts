/** sed script parsing: addresses, commands, blocks and labels into a flat program. */
import { translateRegex } from './regex.js'

export type Address =
  | { kind: 'line'; n: number }
  | { kind: 'last' }
  | { kind: 'regex'; re: RegExp | null }
  | { kind: 'step'; first: number; step: number }
  | { kind: 'zero' }

export interface SedCommand {
  a1?: Address
  a2?: Address | { kind: 'plus'; n: number } | { kind: 'mult'; n: number }
  negate: boolean
  name: string
  /** s: pattern (null = last regex), replacement, flags. */
  re?: RegExp | null
  replacement?: string
  global?: boolean
  occurrence?: number
  print?: number
  wfile?: string
  text?: string
  label?: string
  /** Index of the matching `}` for `{`, or the jump target for b/t/T once resolved. */
  jump?: number
  y?: Map<string, string>
  /** Range state: active and the line where it ends for +N. */
  inRange?: boolean
  rangeEnd?: number
}

export class SedSyntaxError extends Error {
  override readonly name = 'SedSyntaxError'
}

export interface ParseOptions {
  extended: boolean
}

/** Parses a script (all -e pieces joined by newlines). */
export const parseSed = (script: string, opts: ParseOptions): SedCommand[] => {
  const cmds: SedCommand[] = []
  const blocks: number[] = []
  let i = 0
  const n = script.length
  const err = (msg: string): never => {
    throw new SedSyntaxError(`-e expression #1, char ${i}: ${msg}`)
  }
  const skipWs = () => {
    while (i < n && (script[i] === ' ' || script[i] === '\t')) i++
  }
  const makeRe = (src: string, flags: string): RegExp | null => {
    if (src === '') return null
    try {
      return new RegExp(translateRegex(src, { extended: opts.extended, icase: flags.includes('i') }), `g${flags.includes('i') ? 'i' : ''}${flags.includes('m') ? 'm' : ''}`)
    } catch (e) {
      return err(e instanceof Error ? e.message : 'invalid regex')
    }
  }
  /** Reads up to the unescaped delimiter; `\delim` becomes delim, `\n` a newline. */
  const readDelimited = (delim: string, isRegex: boolean): string => {
    let out = ''
    while (i < n && script[i] !== delim) {
      if (script[i] === '\\' && i + 1 < n) {
        const c = script[i + 1] as string
        if (c === delim) out += delim === '&' && !isRegex ? '\\&' : delim
        else if (c === 'n' && isRegex) out += '\\n'
        else if (c === '\n') out += '\n'
        else out += `\\${c}`
        i += 2
        continue
      }
      if (script[i] === '[' && isRegex) {
        // A bracket expression may contain the delimiter literally.
        let j = i + 1
        if (script[j] === '^') j++
        if (script[j] === ']') j++
        while (j < n && script[j] !== ']') {
          if (script[j] === '[' && (script[j + 1] === ':' || script[j + 1] === '.' || script[j + 1] === '=')) {
            const close = script.indexOf(`${script[j + 1]}]`, j + 2)
            j = close === -1 ? n : close + 2
          } else j++
        }
        out += script.slice(i, j + 1)
        i = j + 1
        continue
      }
      out += script[i]
      i++
    }
    if (i >= n) err(`unterminated \`s' command`)
    i++
    return out
  }
  const readAddress = (): Address | undefined => {
    const c = script[i]
    if (c === undefined) return undefined
    if (/\d/.test(c)) {
      const m = /^(\d+)(?:~(\d+))?/.exec(script.slice(i)) as RegExpExecArray
      i += m[0].length
      if (m[2] !== undefined) return { kind: 'step', first: Number(m[1]), step: Number(m[2]) }
      return Number(m[1]) === 0 ? { kind: 'zero' } : { kind: 'line', n: Number(m[1]) }
    }
    if (c === '$') {
      i++
      return { kind: 'last' }
    }
    if (c === '/' || c === '\\') {
      let delim = '/'
      if (c === '\\') {
        delim = script[i + 1] as string
        i++
      }
      i++
      const src = readDelimited(delim, true)
      let flags = ''
      while (script[i] === 'I' || script[i] === 'M') {
        flags += script[i] === 'I' ? 'i' : 'm'
        i++
      }
      return { kind: 'regex', re: makeRe(src, flags) }
    }
    return undefined
  }
  const readLabel = (): string => {
    skipWs()
    let s = ''
    while (i < n && script[i] !== '\n' && script[i] !== ';') s += script[i++]
    return s.trim()
  }
  /** Text argument of a, i, c: GNU one-liner form or backslash-newline form. */
  const readText = (): string => {
    skipWs()
    if (script[i] === '\\') {
      i++
      if (script[i] === '\n') i++
    }
    let s = ''
    while (i < n && script[i] !== '\n') {
      if (script[i] === '\\' && i + 1 < n) {
        s += script[i + 1] === '\n' ? '\n' : script[i + 1]
        i += 2
        continue
      }
      s += script[i++]
    }
    return s
  }
  const readFileName = (): string => {
    skipWs()
    let s = ''
    while (i < n && script[i] !== '\n') s += script[i++]
    return s
  }

  while (i < n) {
    while (i < n && /[\s;]/.test(script[i] as string)) i++
    if (i >= n) break
    if (script[i] === '#') {
      while (i < n && script[i] !== '\n') i++
      continue
    }
    const cmd: SedCommand = { negate: false, name: '' }
    const a1 = readAddress()
    if (a1) {
      cmd.a1 = a1
      if (script[i] === ',') {
        i++
        skipWs()
        const m = /^([+~])(\d+)/.exec(script.slice(i))
        if (m) {
          cmd.a2 = m[1] === '+' ? { kind: 'plus', n: Number(m[2]) } : { kind: 'mult', n: Number(m[2]) }
          i += m[0].length
        } else {
          const a2 = readAddress()
          if (!a2) err('unexpected `,\'')
          cmd.a2 = a2
        }
      }
    }
    skipWs()
    while (script[i] === '!') {
      cmd.negate = true
      i++
      skipWs()
    }
    const name = script[i]
    if (name === undefined) err('missing command')
    i++
    cmd.name = name as string
    switch (name) {
      case '{':
        blocks.push(cmds.length)
        break
      case '}':
        if (blocks.length === 0) err("unexpected `}'")
        ;(cmds[blocks.pop() as number] as SedCommand).jump = cmds.length
        break
      case 's': {
        const delim = script[i]
        if (delim === undefined || delim === '\n' || delim === '\\') err("unterminated `s' command")
        i++
        const pat = readDelimited(delim as string, true)
        const rep = readDelimited(delim as string, false)
        let flags = ''
        cmd.global = false
        for (;;) {
          const c = script[i]
          if (c === 'g') cmd.global = true
          else if (c === 'p') cmd.print = (cmd.print ?? 0) + 1
          else if (c === 'i' || c === 'I') flags += 'i'
          else if (c === 'm' || c === 'M') flags += 'm'
          else if (c === 'e') {
            // not supported: executing the pattern space as a command
            err("unknown option to `s'")
          } else if (c !== undefined && /\d/.test(c)) {
            const m = /^\d+/.exec(script.slice(i)) as RegExpExecArray
            cmd.occurrence = Number(m[0])
            i += m[0].length - 1
          } else if (c === 'w') {
            i++
            cmd.wfile = readFileName()
            break
          } else break
          i++
        }
        cmd.re = makeRe(pat, flags)
        cmd.replacement = rep
        break
      }
      case 'y': {
        const delim = script[i++] as string
        const src = readDelimited(delim, false).replace(/\\\\/g, '\\')
        const dst = readDelimited(delim, false).replace(/\\\\/g, '\\')
        const a = [...src]
        const b = [...dst]
        if (a.length !== b.length) err("strings for `y' command are different lengths")
        cmd.y = new Map(a.map((c, k) => [c, b[k] as string]))
        break
      }
      case 'a':
      case 'i':
      case 'c':
        cmd.text = readText()
        break
      case 'b':
      case 't':
      case 'T':
        cmd.label = readLabel()
        break
      case ':':
        if (a1) err(': doesn\'t want any addresses')
        cmd.label = readLabel()
        if (cmd.label === '') err('":" lacks a label')
        break
      case 'r':
      case 'R':
      case 'w':
      case 'W':
        cmd.wfile = readFileName()
        break
      case 'q':
      case 'Q':
      case 'l':
      case 'L': {
        skipWs()
        const m = /^\d+/.exec(script.slice(i))
        if (m) {
          cmd.print = Number(m[0])
          i += m[0].length
        }
        break
      }
      case '=':
      case 'd':
      case 'D':
      case 'p':
      case 'P':
      case 'n':
      case 'N':
      case 'g':
      case 'G':
      case 'h':
      case 'H':
      case 'x':
      case 'z':
      case 'F':
        break
      default:
        err(`unknown command: \`${name}'`)
    }
    cmds.push(cmd)
    skipWs()
    if (i < n && !/[\n;}#]/.test(script[i] as string) && name !== '}' && name !== '{') err(`extra characters after command`)
  }
  if (blocks.length > 0) err("unmatched `{'")
  // Resolve branch labels.
  const labels = new Map<string, number>()
  cmds.forEach((c, k) => {
    if (c.name === ':' && c.label) labels.set(c.label, k)
  })
  for (const c of cmds) {
    if (c.name === 'b' || c.name === 't' || c.name === 'T') {
      if (c.label === '' || c.label === undefined) c.jump = cmds.length
      else {
        const target = labels.get(c.label)
        if (target === undefined) throw new SedSyntaxError(`-e expression #1, char ${n}: can't find label for jump to \`${c.label}'`)
        c.jump = target
      }
    }
  }
  return cmds
}

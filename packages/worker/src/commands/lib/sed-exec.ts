/** sed execution: the cycle over input lines with pattern and hold spaces. */
import type { Address, SedCommand } from './sed-parse.js'

export interface SedInput {
  /** Lines without terminators; `lastNewline` false when the final line had none. */
  lines: string[]
  lastNewline: boolean
  name: string
}

export interface SedIo {
  write(s: string): void
  readFile(path: string): string | null
  appendFile(path: string, s: string): void
  aborted(): boolean
}

export interface SedResult {
  exitCode: number
  quit: boolean
}

/** Applies a sed replacement template to one match (GNU: & \1-\9 \n \L \U \l \u \E). */
export const expandReplacement = (tpl: string, m: RegExpExecArray): string => {
  let out = ''
  let caseMode: '' | 'L' | 'U' = ''
  let oneShot: '' | 'l' | 'u' = ''
  const emit = (s: string) => {
    for (const ch of s) {
      let c = caseMode === 'L' ? ch.toLowerCase() : caseMode === 'U' ? ch.toUpperCase() : ch
      if (oneShot) {
        c = oneShot === 'l' ? c.toLowerCase() : c.toUpperCase()
        oneShot = ''
      }
      out += c
    }
  }
  for (let i = 0; i < tpl.length; i++) {
    const c = tpl[i] as string
    if (c === '&') {
      emit(m[0])
      continue
    }
    if (c !== '\\' || i + 1 >= tpl.length) {
      emit(c)
      continue
    }
    const n = tpl[++i] as string
    if (/\d/.test(n)) emit(m[Number(n)] ?? '')
    else if (n === 'n') emit('\n')
    else if (n === 't') emit('\t')
    else if (n === 'r') emit('\r')
    else if (n === 'L' || n === 'U') caseMode = n
    else if (n === 'E') caseMode = ''
    else if (n === 'l' || n === 'u') oneShot = n
    else emit(n)
  }
  return out
}

/** Escapes a line the way `l` shows it, wrapped at `width`. */
const listLine = (s: string, width: number): string => {
  const esc: Record<string, string> = { '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' }
  let parts = ''
  for (const b of new TextEncoder().encode(s)) {
    const ch = String.fromCharCode(b)
    parts += esc[ch] ?? (b < 32 || b >= 127 ? `\\${b.toString(8).padStart(3, '0')}` : ch)
  }
  if (width <= 1) return `${parts}$\n`
  let out = ''
  while (parts.length > width - 1) {
    let cut = width - 1
    // Do not split an escape sequence.
    const tail = parts.slice(0, cut)
    const bs = tail.lastIndexOf('\\')
    if (bs !== -1 && bs >= cut - 3 && /^\\(\d{3}|.)/.exec(parts.slice(bs))?.[0].length! + bs > cut) cut = bs
    out += `${parts.slice(0, cut)}\\\n`
    parts = parts.slice(cut)
  }
  return `${out}${parts}$\n`
}

export class SedMachine {
  hold = ''
  lastRegex: RegExp | null = null
  lineNo = 0
  #pending: string[] = []
  #quit = false
  #exit = 0
  constructor(
    readonly cmds: SedCommand[],
    readonly io: SedIo,
    readonly opts: { quiet: boolean; eol: string; separate: boolean },
  ) {}

  #regex(re: RegExp | null | undefined): RegExp {
    const r = re ?? this.lastRegex
    if (!r) throw new Error('no previous regular expression')
    this.lastRegex = r
    return r
  }

  #matchAddr(a: Address, ps: string, isLast: boolean): boolean {
    switch (a.kind) {
      case 'line':
        return this.lineNo === a.n
      case 'last':
        return isLast
      case 'zero':
        return false
      case 'step':
        return a.step <= 0 ? this.lineNo === a.first : this.lineNo >= a.first && (this.lineNo - a.first) % a.step === 0
      case 'regex': {
        const r = this.#regex(a.re)
        r.lastIndex = 0
        return r.test(ps)
      }
    }
  }

  #selected(c: SedCommand, ps: string, isLast: boolean): boolean {
    if (!c.a1) return true
    if (!c.a2) return this.#matchAddr(c.a1, ps, isLast)
    const a2 = c.a2
    if (!c.inRange) {
      const starts = c.a1.kind === 'zero' ? this.lineNo === 1 || false : this.#matchAddr(c.a1, ps, isLast)
      if (!starts) return false
      if (c.a1.kind === 'zero') {
        // 0,/re/: the end regex may match on the very first line.
        if (a2.kind === 'regex' && this.#matchAddr(a2, ps, isLast)) return true
        c.inRange = true
        return true
      }
      c.inRange = true
      if (a2.kind === 'line' && a2.n <= this.lineNo) c.inRange = false
      else if (a2.kind === 'plus') {
        c.rangeEnd = this.lineNo + a2.n
        if (a2.n === 0) c.inRange = false
      } else if (a2.kind === 'mult' && (a2.n <= 0 || this.lineNo % a2.n === 0)) c.inRange = false
      else if (a2.kind === 'last' && isLast) c.inRange = false
      return true
    }
    let end = false
    if (a2.kind === 'line') end = this.lineNo >= a2.n
    else if (a2.kind === 'plus') end = this.lineNo >= (c.rangeEnd ?? 0)
    else if (a2.kind === 'mult') end = this.lineNo % a2.n === 0
    else if (a2.kind === 'last') end = isLast
    else if (a2.kind === 'regex') end = this.#matchAddr(a2, ps, isLast)
    else if (a2.kind === 'step') end = this.#matchAddr(a2, ps, isLast)
    if (a2.kind === 'line' && this.lineNo > a2.n) {
      c.inRange = false
      return false
    }
    if (end) c.inRange = false
    return true
  }

  #substitute(c: SedCommand, ps: string): string | null {
    const re = this.#regex(c.re)
    re.lastIndex = 0
    let out = ''
    let last = 0
    let count = 0
    let changed = false
    const want = c.occurrence ?? 1
    for (;;) {
      const m = re.exec(ps)
      if (!m) break
      count++
      if (count >= want) {
        out += ps.slice(last, m.index) + expandReplacement(c.replacement ?? '', m)
        last = m.index + m[0].length
        changed = true
        if (!c.global) break
      }
      if (m[0] === '') {
        // Step past an empty match, keeping the character.
        if (re.lastIndex >= ps.length) break
        re.lastIndex++
      }
    }
    if (!changed) return null
    return out + ps.slice(last)
  }

  /** Runs the script over `input`; `nextInputs` lets `$` and `n` see past file ends (unless -s/-i). */
  run(inputs: SedInput[]): SedResult {
    const all: Array<{ line: string; file: number; idx: number }> = []
    inputs.forEach((inp, f) => inp.lines.forEach((line, idx) => all.push({ line, file: f, idx })))
    let pos = 0
    const eol = this.opts.eol
    const isLastAt = (p: number) => p >= all.length - 1
    const lastHasNewline = (p: number) => {
      const e = all[p]
      if (!e) return true
      const inp = inputs[e.file] as SedInput
      return e.idx < inp.lines.length - 1 || inp.lastNewline
    }
    const out = (s: string) => this.io.write(s)
    let ps = ''
    let cur = -1
    const next = (): boolean => {
      if (pos >= all.length) return false
      cur = pos++
      ps = (all[cur] as { line: string }).line
      this.lineNo++
      return true
    }
    const printPs = (text = ps) => out(text + (lastHasNewline(cur) || cur < all.length - 1 ? eol : ''))
    let tFlag = false
    let restartWithoutRead = false
    while (!this.#quit) {
      if (!restartWithoutRead) {
        if (!next()) break
        tFlag = false
      }
      restartWithoutRead = false
      if (this.io.aborted()) return { exitCode: 130, quit: true }
      let deleted = false
      let pc = 0
      const cmds = this.cmds
      cycle: while (pc < cmds.length) {
        const c = cmds[pc] as SedCommand
        const sel = this.#selected(c, ps, isLastAt(cur)) !== c.negate
        if (!sel) {
          pc = c.name === '{' ? (c.jump as number) + 1 : pc + 1
          continue
        }
        switch (c.name) {
          case '{':
          case '}':
          case ':':
            break
          case 's': {
            const r = this.#substitute(c, ps)
            if (r !== null) {
              ps = r
              tFlag = true
              if (c.print) for (let k = 0; k < c.print; k++) printPs()
              if (c.wfile) this.io.appendFile(c.wfile, ps + eol)
            }
            break
          }
          case 'p':
            printPs()
            break
          case 'P':
            out(`${ps.split('\n')[0]}${eol}`)
            break
          case 'd':
            deleted = true
            break cycle
          case 'D':
            if (!ps.includes('\n')) {
              deleted = true
              break cycle
            }
            ps = ps.slice(ps.indexOf('\n') + 1)
            this.#flushPending()
            restartWithoutRead = true
            deleted = true
            break cycle
          case 'n':
            if (pos >= all.length) {
              this.#quit = true
              break cycle
            }
            if (!this.opts.quiet) printPs()
            this.#flushPending()
            next()
            break
          case 'N':
            if (pos >= all.length) {
              this.#quit = true
              break cycle
            }
            this.#flushPending()
            {
              const prev = ps
              next()
              ps = `${prev}\n${ps}`
            }
            break
          case 'a':
            this.#pending.push(`${c.text ?? ''}\n`)
            break
          case 'i':
            out(`${c.text ?? ''}\n`)
            break
          case 'c':
            if (!c.a2 || !c.inRange || c.negate) out(`${c.text ?? ''}\n`)
            deleted = true
            break cycle
          case '=':
            out(`${this.lineNo}\n`)
            break
          case 'l':
            out(listLine(ps, c.print ?? 70))
            break
          case 'q':
            this.#exit = c.print ?? 0
            this.#quit = true
            break cycle
          case 'Q':
            this.#exit = c.print ?? 0
            this.#quit = true
            deleted = true
            break cycle
          case 'h':
            this.hold = ps
            break
          case 'H':
            this.hold = `${this.hold}\n${ps}`
            break
          case 'g':
            ps = this.hold
            break
          case 'G':
            ps = `${ps}\n${this.hold}`
            break
          case 'x':
            ;[ps, this.hold] = [this.hold, ps]
            break
          case 'y':
            ps = [...ps].map((ch) => c.y?.get(ch) ?? ch).join('')
            break
          case 'z':
            ps = ''
            break
          case 'F':
            out(`${inputs[(all[cur] as { file: number }).file]?.name ?? '-'}\n`)
            break
          case 'b':
            pc = c.jump as number
            continue
          case 't':
            if (tFlag) {
              tFlag = false
              pc = c.jump as number
              continue
            }
            break
          case 'T':
            if (!tFlag) {
              pc = c.jump as number
              continue
            }
            tFlag = false
            break
          case 'r': {
            const t = this.io.readFile(c.wfile ?? '')
            if (t !== null) this.#pending.push(t.endsWith('\n') || t === '' ? t : `${t}\n`)
            break
          }
          case 'w':
          case 'W':
            this.io.appendFile(c.wfile ?? '', `${c.name === 'W' ? ps.split('\n')[0] : ps}${eol}`)
            break
        }
        pc++
      }
      if (!deleted && !this.opts.quiet) printPs()
      this.#flushPending()
    }
    return { exitCode: this.#exit, quit: this.#quit }
  }

  #flushPending() {
    for (const p of this.#pending) this.io.write(p)
    this.#pending = []
  }
}

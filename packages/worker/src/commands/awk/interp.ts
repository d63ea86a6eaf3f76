/** awk interpreter: records and fields, rules, statements, expressions and built-in functions. */
import type { Expr, FuncDef, Program, Stmt } from './ast.js'
import { translateRegex } from '../lib/regex.js'
import { AwkArray, type Cell, awkSprintf, compareCells, fromInput, numToStr, toBool, toNum, toStr } from './values.js'
import { NeedsAsync, arrayUses, needsAsync } from './analysis.js'
import { callBuiltin } from './builtins.js'
import { AwkRuntimeError } from './errors.js'
import { arith, mulberry, processEscapes } from './ops.js'
import { RecordReader } from './records.js'

export { AwkRuntimeError, processEscapes }

class NextSignal {}
class NextFileSignal {}
class ExitSignal {
  constructor(readonly code: number) {}
}
class ReturnSignal {
  constructor(readonly value: Cell) {}
}
class BreakSignal {}
class ContinueSignal {}

/** What the interpreter needs from the outside world. */
export interface AwkHost {
  write(s: string): Promise<void>
  writeErr(s: string): Promise<void>
  /** Next chunk of main input for operand `name` ('-' is stdin); null at end. */
  openInput(name: string): Promise<{ read(): Promise<string | null> } | null>
  readFile(name: string): string | null
  writeFile(name: string, data: string, append: boolean): void
  runCommand(cmd: string, stdin?: string): Promise<{ status: number; stdout: string }>
  aborted(): boolean
}

type Frame = Map<string, Cell | AwkArray>

export class Interpreter {
  globals: Frame = new Map()
  frames: Frame[] = []
  record = ''
  fields: string[] | null = null
  nf = 0
  regexCache = new Map<string, RegExp>()
  outFiles = new Map<string, { kind: '>' | '>>' | '|'; buf: string }>()
  inFiles = new Map<string, { lines: string[]; pos: number }>()
  out = ''
  rangeActive: boolean[] = []
  arrayParams = new Map<string, Set<string>>()
  seed = 0
  prevSeed = 0
  rng = mulberry(0)
  mainReader: RecordReader | null = null
  argIndex = 1
  exitCode = 0
  inEnd = false

  constructor(
    readonly prog: Program,
    readonly host: AwkHost,
  ) {
    for (const [name, f] of prog.funcs) this.arrayParams.set(name, arrayUses(f))
    const g = this.globals
    g.set('FS', ' ')
    g.set('OFS', ' ')
    g.set('ORS', '\n')
    g.set('RS', '\n')
    g.set('NR', 0)
    g.set('FNR', 0)
    g.set('SUBSEP', '\x1c')
    g.set('CONVFMT', '%.6g')
    g.set('OFMT', '%.6g')
    g.set('RSTART', 0)
    g.set('RLENGTH', -1)
    g.set('FILENAME', '')
  }

  get convfmt(): string {
    return toStr(this.globals.get('CONVFMT') as Cell, '%.6g')
  }
  str(v: Cell): string {
    return toStr(v, this.convfmt)
  }

  // ---- fields ----
  setRecord(s: string) {
    this.record = s
    this.fields = null
  }
  splitRecord(): string[] {
    if (this.fields) return this.fields
    this.fields = this.splitWith(this.record, this.str(this.globals.get('FS') as Cell), this.str(this.globals.get('RS') as Cell) === '')
    this.nf = this.fields.length
    return this.fields
  }
  splitWith(s: string, fs: string, paragraph = false): string[] {
    if (s === '') return []
    if (fs === ' ') {
      const t = s.replace(/^[ \t\n]+|[ \t\n]+$/g, '')
      return t === '' ? [] : t.split(/[ \t\n]+/)
    }
    let parts: string[]
    if (fs === '') parts = [...s]
    else if (fs.length === 1 && fs !== '\\') parts = s.split(fs)
    else parts = s.split(this.regex(fs))
    if (paragraph) parts = parts.flatMap((p) => p.split('\n'))
    return parts
  }
  getField(i: number): Cell {
    if (i < 0) throw new AwkRuntimeError(`attempt to access field ${i}`)
    if (i === 0) return fromInput(this.record)
    const f = this.splitRecord()
    const v = f[i - 1]
    return v === undefined ? undefined : fromInput(v)
  }
  setField(i: number, v: string) {
    if (i === 0) {
      this.setRecord(v)
      return
    }
    const f = [...this.splitRecord()]
    while (f.length < i) f.push('')
    f[i - 1] = v
    this.fields = f
    this.nf = f.length
    this.rebuild()
  }
  rebuild() {
    const f = this.fields ?? []
    this.record = f.join(this.str(this.globals.get('OFS') as Cell))
  }
  setNF(n: number) {
    const f = [...this.splitRecord()]
    f.length = Math.max(0, Math.trunc(n))
    for (let k = 0; k < f.length; k++) if (f[k] === undefined) f[k] = ''
    this.fields = f
    this.nf = f.length
    this.rebuild()
  }

  regex(src: string): RegExp {
    let re = this.regexCache.get(src)
    if (!re) {
      re = new RegExp(translateRegex(src, { extended: true }), 'g')
      this.regexCache.set(src, re)
    }
    re.lastIndex = 0
    return re
  }
  regexOf(e: Expr): RegExp {
    return this.regex(e.t === 'regex' ? e.src : this.str(this.evalSync(e)))
  }

  // ---- variables ----
  frameFor(name: string): Frame {
    const top = this.frames[this.frames.length - 1]
    return top && top.has(name) ? top : this.globals
  }
  getVar(name: string): Cell {
    if (name === 'NF') {
      this.splitRecord()
      return this.nf
    }
    const v = this.frameFor(name).get(name)
    if (v instanceof AwkArray) throw new AwkRuntimeError(`attempt to use array \`${name}' in a scalar context`)
    return v
  }
  setVar(name: string, v: Cell) {
    if (name === 'NF') {
      this.setNF(toNum(v))
      return
    }
    const frame = this.frameFor(name)
    if (frame.get(name) instanceof AwkArray) throw new AwkRuntimeError(`attempt to use array \`${name}' in a scalar context`)
    frame.set(name, v)
  }
  getArray(name: string): AwkArray {
    const frame = this.frameFor(name)
    let a = frame.get(name)
    if (a === undefined) {
      a = new AwkArray()
      frame.set(name, a)
    }
    if (!(a instanceof AwkArray)) throw new AwkRuntimeError(`attempt to use scalar \`${name}' as an array`)
    return a
  }
  subscript(subs: Expr[]): string {
    if (subs.length === 1) return this.str(this.evalSync(subs[0] as Expr))
    return subs.map((s) => this.str(this.evalSync(s))).join(this.str(this.globals.get('SUBSEP') as Cell))
  }

  assignTo(target: Expr, v: Cell) {
    if (target.t === 'var') this.setVar(target.name, v)
    else if (target.t === 'field') this.setField(Math.trunc(toNum(this.evalSync(target.index))), this.str(v))
    else if (target.t === 'index') this.getArray(target.name).set(this.subscript(target.subs), v)
    else if (target.t === 'group') this.assignTo(target.expr, v)
  }

  // ---- expressions (sync; getline and user functions with I/O go through evalAsync) ----
  evalSync(e: Expr): Cell {
    switch (e.t) {
      case 'num':
        return e.v
      case 'str':
        return e.v
      case 'regex':
        return this.regex(e.src).test(this.record) ? 1 : 0
      case 'group':
        return this.evalSync(e.expr)
      case 'var':
        return this.getVar(e.name)
      case 'field':
        return this.getField(Math.trunc(toNum(this.evalSync(e.index))))
      case 'index': {
        const a = this.getArray(e.name)
        const k = this.subscript(e.subs)
        if (!a.has(k)) a.set(k, undefined)
        return a.get(k)
      }
      case 'in':
        return this.getArray(e.name).has(this.subscript(e.subs)) ? 1 : 0
      case 'assign': {
        let v: Cell
        if (e.op === '=') {
          v = this.evalSync(e.value)
          if (v instanceof AwkArray) throw new AwkRuntimeError('attempt to use array in a scalar context')
        } else {
          const cur = toNum(this.evalSync(e.target))
          const r = toNum(this.evalSync(e.value))
          v = arith(e.op.slice(0, -1), cur, r)
        }
        this.assignTo(e.target, v)
        return v
      }
      case 'cond':
        return toBool(this.evalSync(e.test)) ? this.evalSync(e.yes) : this.evalSync(e.no)
      case 'and':
        return toBool(this.evalSync(e.left)) && toBool(this.evalSync(e.right)) ? 1 : 0
      case 'or':
        return toBool(this.evalSync(e.left)) || toBool(this.evalSync(e.right)) ? 1 : 0
      case 'match': {
        const s = this.str(this.evalSync(e.left))
        const r = this.regexOf(e.re).test(s)
        return r !== e.neg ? 1 : 0
      }
      case 'binary': {
        const l = this.evalSync(e.left)
        const r = this.evalSync(e.right)
        switch (e.op) {
          case '<':
            return compareCells(l, r, this.convfmt) < 0 ? 1 : 0
          case '<=':
            return compareCells(l, r, this.convfmt) <= 0 ? 1 : 0
          case '>':
            return compareCells(l, r, this.convfmt) > 0 ? 1 : 0
          case '>=':
            return compareCells(l, r, this.convfmt) >= 0 ? 1 : 0
          case '==':
            return compareCells(l, r, this.convfmt) === 0 ? 1 : 0
          case '!=':
            return compareCells(l, r, this.convfmt) !== 0 ? 1 : 0
        }
        return arith(e.op, toNum(l), toNum(r))
      }
      case 'concat':
        return this.str(this.evalSync(e.left)) + this.str(this.evalSync(e.right))
      case 'unary': {
        const v = this.evalSync(e.expr)
        if (e.op === '!') return toBool(v) ? 0 : 1
        return e.op === '-' ? -toNum(v) : toNum(v)
      }
      case 'incdec': {
        const old = toNum(this.evalSync(e.target))
        const nv = e.op === '++' ? old + 1 : old - 1
        this.assignTo(e.target, nv)
        return e.prefix ? nv : old
      }
      case 'builtin':
        return this.builtin(e.name, e.args)
      case 'value':
        return e.cell as Cell
      case 'call':
      case 'getline':
        throw new NeedsAsync()
    }
  }

  /** Full evaluation, allowing user functions and getline (which may do I/O). */
  async eval(e: Expr): Promise<Cell> {
    if (!needsAsync(e)) return this.evalSync(e)
    switch (e.t) {
      case 'call':
        return this.call(e.name, e.args)
      case 'getline':
        return this.getline(e)
      case 'group':
        return this.eval(e.expr)
      case 'builtin':
        if (e.name === 'system' || e.name === 'close' || e.name === 'fflush') return this.ioBuiltin(e.name, e.args)
        return this.evalSync(await this.resolveChildren(e))
      case 'assign': {
        let v: Cell
        if (e.op === '=') v = await this.eval(e.value)
        else v = arith(e.op.slice(0, -1), toNum(await this.eval(e.target)), toNum(await this.eval(e.value)))
        await this.assignAsync(e.target, v)
        return v
      }
      case 'cond':
        return toBool(await this.eval(e.test)) ? this.eval(e.yes) : this.eval(e.no)
      case 'and':
        return toBool(await this.eval(e.left)) && toBool(await this.eval(e.right)) ? 1 : 0
      case 'or':
        return toBool(await this.eval(e.left)) || toBool(await this.eval(e.right)) ? 1 : 0
      default: {
        // Evaluate async children first, then substitute their values as constants.
        return this.evalSync(await this.resolveChildren(e))
      }
    }
  }

  async assignAsync(target: Expr, v: Cell) {
    if (target.t === 'field') this.setField(Math.trunc(toNum(await this.eval(target.index))), this.str(v))
    else if (target.t === 'index') {
      const subs = await Promise.all(target.subs.map(async (s) => ({ t: 'str' as const, v: this.str(await this.eval(s)) })))
      this.getArray(target.name).set(this.subscript(subs), v)
    } else this.assignTo(target, v)
  }

  /** Replaces sub-expressions that need async evaluation with their values, left to right. */
  async resolveChildren(e: Expr): Promise<Expr> {
    const r = async (x: Expr): Promise<Expr> => (needsAsync(x) ? { t: 'value', cell: await this.eval(x) } : x)
    switch (e.t) {
      case 'binary':
        return { ...e, left: await r(e.left), right: await r(e.right) }
      case 'concat':
        return { ...e, left: await r(e.left), right: await r(e.right) }
      case 'match':
        return { ...e, left: await r(e.left), re: await r(e.re) }
      case 'unary':
        return { ...e, expr: await r(e.expr) }
      case 'field':
        return { ...e, index: await r(e.index) }
      case 'index':
        return { ...e, subs: await Promise.all(e.subs.map(r)) }
      case 'in':
        return { ...e, subs: await Promise.all(e.subs.map(r)) }
      case 'builtin': {
        const args: Expr[] = []
        for (const a of e.args) args.push(await r(a))
        return { ...e, args }
      }
      case 'incdec':
        return { ...e, target: await r(e.target) }
      default:
        return e
    }
  }

  builtin(name: string, args: Expr[]): Cell {
    return callBuiltin(this, name, args)
  }
  async call(name: string, argExprs: Expr[]): Promise<Cell> {
    const f: FuncDef | undefined = this.prog.funcs.get(name)
    if (!f) {
      if (name === 'system' || name === 'close' || name === 'fflush') return this.ioBuiltin(name, argExprs)
      throw new AwkRuntimeError(`function \`${name}' not defined`)
    }
    if (this.frames.length > 1000) throw new AwkRuntimeError('function call nesting too deep')
    const frame: Frame = new Map()
    const arrays = this.arrayParams.get(name) ?? new Set()
    for (let k = 0; k < f.params.length; k++) {
      const p = f.params[k] as string
      const a = argExprs[k]
      if (a === undefined) {
        frame.set(p, undefined)
        continue
      }
      if (a.t === 'var') {
        const holder = this.frameFor(a.name)
        const cur = holder.get(a.name)
        if (cur instanceof AwkArray) {
          frame.set(p, cur)
          continue
        }
        if (cur === undefined && arrays.has(p)) {
          const arr = new AwkArray()
          holder.set(a.name, arr)
          frame.set(p, arr)
          continue
        }
      }
      frame.set(p, await this.eval(a))
    }
    this.frames.push(frame)
    try {
      await this.execBlock(f.body)
      return undefined
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value
      throw e
    } finally {
      this.frames.pop()
    }
  }

  async ioBuiltin(name: string, args: Expr[]): Promise<Cell> {
    if (name === 'fflush') {
      await this.flush()
      return 0
    }
    const arg = this.str(await this.eval(args[0] as Expr))
    if (name === 'system') {
      await this.flush()
      const r = await this.host.runCommand(arg)
      if (r.stdout) await this.host.write(r.stdout)
      return r.status
    }
    // close
    const f = this.outFiles.get(arg)
    if (f) {
      await this.closeOut(arg, f)
      this.outFiles.delete(arg)
      return 0
    }
    if (this.inFiles.delete(arg)) return 0
    return -1
  }

  async closeOut(name: string, f: { kind: '>' | '>>' | '|'; buf: string }) {
    if (f.kind === '|') {
      await this.flush()
      const r = await this.host.runCommand(name, f.buf)
      if (r.stdout) await this.host.write(r.stdout)
    } else {
      this.host.writeFile(name, f.buf, true)
    }
    f.buf = ''
  }

  async getline(e: Extract<Expr, { t: 'getline' }>): Promise<Cell> {
    let line: string | null
    if (e.kind === 'plain') {
      line = await this.nextMainRecord()
      if (line === null) return 0
      this.globals.set('NR', toNum(this.globals.get('NR') as Cell) + 1)
      this.globals.set('FNR', toNum(this.globals.get('FNR') as Cell) + 1)
    } else {
      const src = this.str(await this.eval(e.src as Expr))
      let f = this.inFiles.get(src)
      if (!f) {
        let text: string | null
        if (e.kind === 'cmd') {
          await this.flush()
          text = (await this.host.runCommand(src)).stdout
        } else text = this.host.readFile(src)
        if (text === null) return -1
        const lines = text.split(this.str(this.globals.get('RS') as Cell) || '\n')
        if (lines[lines.length - 1] === '') lines.pop()
        f = { lines, pos: 0 }
        this.inFiles.set(src, f)
      }
      if (f.pos >= f.lines.length) return 0
      line = f.lines[f.pos++] as string
      this.globals.set('NR', toNum(this.globals.get('NR') as Cell) + 1)
      if (e.kind === 'cmd' && !e.target) this.globals.set('FNR', toNum(this.globals.get('FNR') as Cell) + 1)
    }
    if (e.target) await this.assignAsync(e.target, fromInput(line))
    else this.setRecord(line)
    return 1
  }

  // ---- statements ----
  async execBlock(body: Stmt[]) {
    for (const s of body) await this.exec(s)
  }

  async exec(s: Stmt): Promise<void> {
    if (this.host.aborted()) throw new ExitSignal(130)
    switch (s.t) {
      case 'expr':
        await this.eval(s.expr)
        return
      case 'print':
      case 'printf': {
        let text: string
        if (s.t === 'print') {
          const ofs = this.str(this.globals.get('OFS') as Cell)
          const ofmt = this.str(this.globals.get('OFMT') as Cell)
          const parts: string[] = []
          if (s.args.length === 0) parts.push(this.record)
          for (const a of s.args) {
            const v = await this.eval(a)
            parts.push(typeof v === 'number' ? numToStr(v, ofmt) : this.str(v))
          }
          text = parts.join(ofs) + this.str(this.globals.get('ORS') as Cell)
        } else {
          if (s.args.length === 0) throw new AwkRuntimeError('printf: no format')
          const vals: Cell[] = []
          for (const a of s.args) vals.push(await this.eval(a))
          text = awkSprintf(this.str(vals[0]), vals.slice(1), this.convfmt)
        }
        if (!s.redirect) {
          this.out += text
          if (this.out.length > 32768) await this.flush()
          return
        }
        const dest = this.str(await this.eval(s.redirect.dest))
        if (dest === '/dev/stdout' || dest === '-') {
          this.out += text
          return
        }
        if (dest === '/dev/stderr') {
          await this.flush()
          await this.host.writeErr(text)
          return
        }
        let f = this.outFiles.get(dest)
        if (!f) {
          f = { kind: s.redirect.op, buf: '' }
          this.outFiles.set(dest, f)
          if (s.redirect.op === '>') this.host.writeFile(dest, '', false)
        }
        f.buf += text
        if (f.kind !== '|' && f.buf.length > 32768) {
          this.host.writeFile(dest, f.buf, true)
          f.buf = ''
        }
        return
      }
      case 'if':
        if (toBool(await this.eval(s.test))) await this.exec(s.yes)
        else if (s.no) await this.exec(s.no)
        return
      case 'while':
        while (toBool(await this.eval(s.test))) {
          try {
            await this.exec(s.body)
          } catch (e) {
            if (e instanceof BreakSignal) break
            if (!(e instanceof ContinueSignal)) throw e
          }
        }
        return
      case 'do':
        do {
          try {
            await this.exec(s.body)
          } catch (e) {
            if (e instanceof BreakSignal) break
            if (!(e instanceof ContinueSignal)) throw e
          }
        } while (toBool(await this.eval(s.test)))
        return
      case 'for':
        if (s.init) await this.exec(s.init)
        while (!s.test || toBool(await this.eval(s.test))) {
          try {
            await this.exec(s.body)
          } catch (e) {
            if (e instanceof BreakSignal) break
            if (!(e instanceof ContinueSignal)) throw e
          }
          if (s.step) await this.exec(s.step)
        }
        return
      case 'forin': {
        const a = this.getArray(s.arr)
        for (const k of [...a.keys()]) {
          if (!a.has(k)) continue
          this.setVar(s.key, fromInput(k))
          try {
            await this.exec(s.body)
          } catch (e) {
            if (e instanceof BreakSignal) break
            if (!(e instanceof ContinueSignal)) throw e
          }
        }
        return
      }
      case 'block':
        await this.execBlock(s.body)
        return
      case 'next':
        if (this.inEnd) throw new AwkRuntimeError('`next\' used in END action')
        throw new NextSignal()
      case 'nextfile':
        throw new NextFileSignal()
      case 'break':
        throw new BreakSignal()
      case 'continue':
        throw new ContinueSignal()
      case 'exit':
        throw new ExitSignal(s.value ? Math.trunc(toNum(await this.eval(s.value))) : this.exitCode)
      case 'return':
        throw new ReturnSignal(s.value ? await this.eval(s.value) : undefined)
      case 'delete': {
        const a = this.getArray(s.name)
        if (!s.subs) a.clear()
        else {
          const subs = await Promise.all(s.subs.map(async (x) => ({ t: 'str' as const, v: this.str(await this.eval(x)) })))
          a.delete(this.subscript(subs))
        }
        return
      }
      case 'getline':
        await this.eval(s.expr)
        return
    }
  }

  async flush() {
    if (this.out) {
      const o = this.out
      this.out = ''
      await this.host.write(o)
    }
  }

  // ---- main loop ----
  async nextMainRecord(): Promise<string | null> {
    for (;;) {
      if (!this.mainReader) {
        const argv = this.getArray('ARGV')
        const argc = Math.trunc(toNum(this.globals.get('ARGC') as Cell))
        let name: string | undefined
        while (this.argIndex < argc) {
          const a = this.str(argv.get(String(this.argIndex++)))
          if (a === '') continue
          const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a)
          if (assign) {
            this.setVar(assign[1] as string, fromInput(processEscapes(assign[2] as string)))
            continue
          }
          name = a
          break
        }
        if (name === undefined) {
          if (this.usedFile) return null
          name = '-'
        }
        this.usedFile = true
        const src = await this.host.openInput(name)
        if (!src) {
          this.exitCode = 2
          continue
        }
        this.mainReader = new RecordReader(src)
        this.globals.set('FILENAME', name === '-' ? '' : name)
        this.globals.set('FNR', 0)
      }
      const rec = await this.mainReader.next(this.str(this.globals.get('RS') as Cell))
      if (rec !== null) return rec
      this.mainReader = null
    }
  }
  usedFile = false

  async run(): Promise<number> {
    const begins = this.prog.rules.filter((r) => r.kind === 'begin')
    const mains = this.prog.rules.filter((r) => r.kind === 'main')
    const ends = this.prog.rules.filter((r) => r.kind === 'end')
    let exiting: ExitSignal | null = null
    try {
      for (const r of begins) await this.execBlock(r.action ?? [])
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e
      exiting = e
    }
    if (!exiting && (mains.length > 0 || ends.length > 0)) {
      try {
        for (;;) {
          const rec = await this.nextMainRecord()
          if (rec === null) break
          this.globals.set('NR', toNum(this.globals.get('NR') as Cell) + 1)
          this.globals.set('FNR', toNum(this.globals.get('FNR') as Cell) + 1)
          this.setRecord(rec)
          try {
            for (let k = 0; k < mains.length; k++) {
              const r = mains[k] as (typeof mains)[number]
              let matched: boolean
              if (r.pattern2) {
                if (!this.rangeActive[k]) {
                  matched = toBool(await this.eval(r.pattern as Expr))
                  if (matched) this.rangeActive[k] = !toBool(await this.eval(r.pattern2))
                } else {
                  matched = true
                  if (toBool(await this.eval(r.pattern2))) this.rangeActive[k] = false
                }
              } else matched = r.pattern ? toBool(await this.eval(r.pattern)) : true
              if (!matched) continue
              if (r.action) await this.execBlock(r.action)
              else {
                this.out += this.record + this.str(this.globals.get('ORS') as Cell)
                if (this.out.length > 32768) await this.flush()
              }
            }
          } catch (e) {
            if (e instanceof NextSignal) continue
            if (e instanceof NextFileSignal) {
              this.mainReader = null
              continue
            }
            throw e
          }
        }
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e
        exiting = e
      }
    }
    // END rules run after `exit` in BEGIN or main, unless exit is called again inside END.
    if (!(exiting && exiting.code === 130 && this.host.aborted())) {
      this.inEnd = true
      try {
        for (const r of ends) await this.execBlock(r.action ?? [])
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e
        exiting = e
      }
    }
    await this.flush()
    for (const [name, f] of this.outFiles) await this.closeOut(name, f)
    return exiting ? exiting.code : this.exitCode
  }
}

/** awk's state: variables and call frames, the current record and its fields, compiled regexes. */
import type { Expr, Program } from './ast.js'
import { translateRegex } from '../lib/regex.js'
import { AwkArray, type Cell, fromInput, toNum, toStr } from './values.js'
import { AwkRuntimeError } from './errors.js'
import { splitBlankFields } from './records.js'

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

export type Frame = Map<string, Cell | AwkArray>

export abstract class AwkState {
  globals: Frame = new Map()
  frames: Frame[] = []
  record = ''
  fields: string[] | null = null
  nf = 0
  regexCache = new Map<string, RegExp>()

  constructor(
    readonly prog: Program,
    readonly host: AwkHost,
  ) {
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

  /** Evaluates an expression that needs no I/O (field indexes, subscripts, regex operands). */
  abstract evalSync(e: Expr): Cell

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
    if (fs === ' ') return splitBlankFields(s)
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
}

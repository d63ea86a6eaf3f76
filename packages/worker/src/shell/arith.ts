/**
 * Shell arithmetic (`$(( ))`, `(( ))`, `let`, array indexes): C-like integer expressions
 * over shell variables. Parsed trees are cached by source text, so a loop body that
 * evaluates the same expression ten thousand times parses it once.
 */
import { ShellError } from './errors.js'

export interface ArithScope {
  get(name: string, index?: number): string | undefined
  set(name: string, value: string, index?: number): void
}

type Node =
  | { t: 'num'; v: bigint }
  | { t: 'var'; name: string; index?: Node }
  | { t: 'un'; op: string; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'assign'; op: string; name: string; index?: Node; b: Node }
  | { t: 'incdec'; op: '++' | '--'; prefix: boolean; name: string; index?: Node }
  | { t: 'cond'; c: Node; a: Node; b: Node }
  | { t: 'comma'; a: Node; b: Node }

const cache = new Map<string, Node | null>()

const err = (expr: string, msg: string): ShellError =>
  new ShellError('arith', `${expr.replace(/^\s+/, '')}: ${msg}`)

const BIN_PREC: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6,
  '<': 7, '>': 7, '<=': 7, '>=': 7, '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11,
}
const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^='])
const TOKEN_RE = /\s*(0[xX][0-9a-fA-F]+|\d+#[0-9A-Za-z@_]+|\d+|[A-Za-z_][A-Za-z0-9_]*|<<=|>>=|\*\*|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%]=|[&|^]=|[-+*/%<>=!~&|^?:(),\[\]])/y

function tokenize(src: string): { toks: string[]; starts: number[] } {
  const toks: string[] = []
  const starts: number[] = []
  let pos = 0
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break
    TOKEN_RE.lastIndex = pos
    const m = TOKEN_RE.exec(src)
    if (!m) {
      const rest = src.slice(pos).replace(/^\s+/, '')
      throw err(src, `syntax error: invalid arithmetic operator (error token is "${rest}")`)
    }
    toks.push(m[1]!)
    starts.push(TOKEN_RE.lastIndex - m[1]!.length)
    pos = TOKEN_RE.lastIndex
  }
  return { toks, starts }
}

function parseNumber(tok: string, src: string): bigint {
  if (/^0[xX]/.test(tok)) return BigInt.asIntN(64, BigInt(tok))
  const based = /^(\d+)#(.+)$/.exec(tok)
  if (based) {
    const base = Number(based[1])
    const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@_'
    let v = 0n
    for (const ch of based[2]!) {
      const d = base <= 36 ? digits.indexOf(ch.toLowerCase()) : digits.indexOf(ch)
      if (d < 0 || d >= base) throw err(src, `value too great for base (error token is "${tok}")`)
      v = v * BigInt(base) + BigInt(d)
    }
    return BigInt.asIntN(64, v)
  }
  if (tok.length > 1 && tok.startsWith('0')) {
    if (!/^[0-7]+$/.test(tok)) throw err(src, `value too great for base (error token is "${tok}")`)
    return BigInt.asIntN(64, BigInt('0o' + tok.slice(1)))
  }
  return BigInt.asIntN(64, BigInt(tok))
}

class ArithParser {
  private i = 0
  private readonly toks: string[]
  private readonly starts: number[]
  constructor(
    lexed: { toks: string[]; starts: number[] },
    private readonly src: string,
  ) {
    this.toks = lexed.toks
    this.starts = lexed.starts
  }

  /** bash reports the rest of the expression from the failing token (the last one at the end). */
  private rest(): string {
    const at = this.i < this.toks.length ? this.starts[this.i]! : this.starts[this.starts.length - 1] ?? this.src.length
    return this.src.slice(at)
  }

  parse(): Node | null {
    if (this.toks.length === 0) return null
    const n = this.comma()
    if (this.i < this.toks.length) throw err(this.src, `syntax error in expression (error token is "${this.rest()}")`)
    return n
  }

  private peek(): string | undefined {
    return this.toks[this.i]
  }

  private comma(): Node {
    let a = this.assign()
    while (this.peek() === ',') {
      this.i++
      a = { t: 'comma', a, b: this.assign() }
    }
    return a
  }

  private assign(): Node {
    const start = this.i
    const tok = this.peek()
    if (tok && /^[A-Za-z_]/.test(tok)) {
      this.i++
      let index: Node | undefined
      if (this.peek() === '[') {
        this.i++
        index = this.comma()
        this.expect(']')
      }
      const op = this.peek()
      if (op && ASSIGN_OPS.has(op)) {
        this.i++
        const b = this.assign()
        return index ? { t: 'assign', op, name: tok, index, b } : { t: 'assign', op, name: tok, b }
      }
      this.i = start
    }
    return this.ternary()
  }

  private ternary(): Node {
    const c = this.binary(1)
    if (this.peek() === '?') {
      this.i++
      const a = this.assign()
      this.expect(':')
      const b = this.assign()
      return { t: 'cond', c, a, b }
    }
    return c
  }

  private binary(minPrec: number): Node {
    let a = this.unary()
    for (;;) {
      const op = this.peek()
      const prec = op ? BIN_PREC[op] : undefined
      if (op === undefined || prec === undefined || prec < minPrec) break
      this.i++
      // `**` is right-associative.
      const b = this.binary(op === '**' ? prec : prec + 1)
      a = { t: 'bin', op, a, b }
    }
    return a
  }

  private unary(): Node {
    const tok = this.peek()
    if (tok === '+' || tok === '-' || tok === '!' || tok === '~') {
      this.i++
      return { t: 'un', op: tok, a: this.unary() }
    }
    if (tok === '++' || tok === '--') {
      this.i++
      const name = this.peek()
      if (!name || !/^[A-Za-z_]/.test(name)) throw err(this.src, `syntax error: operand expected (error token is "${tok}")`)
      this.i++
      const index = this.maybeIndex()
      return index ? { t: 'incdec', op: tok, prefix: true, name, index } : { t: 'incdec', op: tok, prefix: true, name }
    }
    return this.postfix()
  }

  private maybeIndex(): Node | undefined {
    if (this.peek() !== '[') return undefined
    this.i++
    const n = this.comma()
    this.expect(']')
    return n
  }

  private postfix(): Node {
    const tok = this.peek()
    if (tok === undefined) throw err(this.src, `syntax error: operand expected (error token is "${this.rest()}")`)
    if (tok === '(') {
      this.i++
      const n = this.comma()
      this.expect(')')
      return n
    }
    if (/^[0-9]/.test(tok)) {
      this.i++
      return { t: 'num', v: parseNumber(tok, this.src) }
    }
    if (/^[A-Za-z_]/.test(tok)) {
      this.i++
      const index = this.maybeIndex()
      const op = this.peek()
      if (op === '++' || op === '--') {
        this.i++
        return index ? { t: 'incdec', op, prefix: false, name: tok, index } : { t: 'incdec', op, prefix: false, name: tok }
      }
      return index ? { t: 'var', name: tok, index } : { t: 'var', name: tok }
    }
    throw err(this.src, `syntax error: operand expected (error token is "${this.rest()}")`)
  }

  private expect(tok: string): void {
    if (this.peek() !== tok) throw err(this.src, `syntax error: \`${tok}' expected (error token is "${this.rest()}")`)
    this.i++
  }
}

export function parseArith(src: string): Node | null {
  let n = cache.get(src)
  if (n !== undefined) return n
  n = new ArithParser(tokenize(src), src).parse()
  if (cache.size > 5000) cache.clear()
  cache.set(src, n)
  return n
}

export function evaluateArith(src: string, scope: ArithScope, depth = 0): bigint {
  const node = parseArith(src)
  if (!node) return 0n
  return new Evaluator(scope, src, depth).eval(node)
}

const I64 = (v: bigint): bigint => BigInt.asIntN(64, v)
const bool = (b: boolean): bigint => (b ? 1n : 0n)

class Evaluator {
  constructor(
    private readonly scope: ArithScope,
    private readonly src: string,
    private readonly depth: number,
  ) {}

  private index(n: Node | undefined): number | undefined {
    return n ? Number(this.eval(n)) : undefined
  }

  private readVar(name: string, index?: number): bigint {
    const raw = this.scope.get(name, index)
    if (raw === undefined || raw === '') return 0n
    const s = raw.trim()
    if (/^-?\d+$/.test(s) && !/^-?0\d/.test(s)) return I64(BigInt(s))
    if (this.depth > 64) throw err(this.src, 'expression recursion level exceeded')
    return evaluateArith(s, this.scope, this.depth + 1)
  }

  eval(n: Node): bigint {
    switch (n.t) {
      case 'num': return n.v
      case 'var': return this.readVar(n.name, this.index(n.index))
      case 'comma': this.eval(n.a); return this.eval(n.b)
      case 'cond': return this.eval(n.c) !== 0n ? this.eval(n.a) : this.eval(n.b)
      case 'un': {
        const a = this.eval(n.a)
        switch (n.op) {
          case '-': return I64(-a)
          case '+': return a
          case '!': return bool(a === 0n)
          default: return I64(~a)
        }
      }
      case 'incdec': {
        const idx = this.index(n.index)
        const old = this.readVar(n.name, idx)
        const v = I64(n.op === '++' ? old + 1n : old - 1n)
        this.scope.set(n.name, String(v), idx)
        return n.prefix ? v : old
      }
      case 'assign': {
        const idx = this.index(n.index)
        let v = this.eval(n.b)
        if (n.op !== '=') v = this.binop(n.op.slice(0, -1), this.readVar(n.name, idx), v)
        this.scope.set(n.name, String(v), idx)
        return v
      }
      case 'bin': {
        if (n.op === '&&') return bool(this.eval(n.a) !== 0n && this.eval(n.b) !== 0n)
        if (n.op === '||') return bool(this.eval(n.a) !== 0n || this.eval(n.b) !== 0n)
        return this.binop(n.op, this.eval(n.a), this.eval(n.b))
      }
    }
  }

  private binop(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '+': return I64(a + b)
      case '-': return I64(a - b)
      case '*': return I64(a * b)
      case '/':
        if (b === 0n) throw err(this.src, `division by 0 (error token is "${this.src.split('/').pop()!.replace(/^\s+/, '')}")`)
        return I64(a / b)
      case '%':
        if (b === 0n) throw err(this.src, `division by 0 (error token is "${this.src.split('%').pop()!.replace(/^\s+/, '')}")`)
        return I64(a % b)
      case '**':
        if (b < 0n) throw err(this.src, `exponent less than 0 (error token is "${String(b)}")`)
        return I64(a ** b)
      case '<<': return I64(a << (b & 63n))
      case '>>': return I64(a >> (b & 63n))
      case '&': return I64(a & b)
      case '|': return I64(a | b)
      case '^': return I64(a ^ b)
      case '==': return bool(a === b)
      case '!=': return bool(a !== b)
      case '<': return bool(a < b)
      case '>': return bool(a > b)
      case '<=': return bool(a <= b)
      case '>=': return bool(a >= b)
      default: throw err(this.src, `syntax error: invalid arithmetic operator (error token is "${op}")`)
    }
  }
}

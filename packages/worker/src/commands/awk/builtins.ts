/** awk's built-in functions (length, substr, split, sub/gsub/gensub, match, sprintf, math, time). */
import { strftime } from '../lib/strftime.js'
import { NeedsAsync } from './analysis.js'
import type { Expr } from './ast.js'
import { AwkRuntimeError } from './errors.js'
import type { AwkEvaluator } from './expressions.js'
import { expandAwkRepl, mulberry } from './ops.js'
import { AwkArray, type Cell, awkSprintf, fromInput, toNum } from './values.js'

export const callBuiltin = (it: AwkEvaluator, name: string, args: Expr[]): Cell => {
  const arg = (i: number): Cell => it.evalSync(args[i] as Expr)
  const s = (i: number): string => it.str(arg(i))
  const n = (i: number): number => toNum(arg(i))
  switch (name) {
    case 'length': {
      if (args.length === 0) return [...it.record].length
      const a0 = args[0] as Expr
      if (a0.t === 'var') {
        const v = it.frameFor(a0.name).get(a0.name)
        if (v instanceof AwkArray) return v.size
      }
      return [...s(0)].length
    }
    case 'substr': {
      // gawk: start and length are truncated; a start below 1 becomes 1 without shortening.
      const str = [...s(0)]
      const m = n(1)
      const start = Number.isNaN(m) || m < 1 ? 1 : Math.trunc(m)
      let end = str.length + 1
      if (args.length > 2) {
        const len = n(2)
        end = Number.isNaN(len) || len <= 0 ? start : start + Math.min(Math.trunc(len), str.length + 1)
      }
      end = Math.min(end, str.length + 1)
      return end > start ? str.slice(start - 1, end - 1).join('') : ''
    }
    case 'index': {
      const i = s(0).indexOf(s(1))
      return i === -1 ? 0 : [...s(0).slice(0, i)].length + 1
    }
    case 'split': {
      const target = args[1] as Expr
      if (target.t !== 'var') throw new AwkRuntimeError('split: second argument is not an array')
      const a = it.getArray(target.name)
      a.clear()
      const text = s(0)
      let parts: string[]
      if (args.length > 2) {
        const sep = args[2] as Expr
        if (sep.t === 'regex') parts = text === '' ? [] : text.split(it.regex(sep.src))
        else parts = it.splitWith(text, it.str(it.evalSync(sep)))
      } else parts = it.splitWith(text, it.str(it.globals.get('FS') as Cell))
      parts.forEach((p, k) => a.set(String(k + 1), fromInput(p)))
      return parts.length
    }
    case 'sub':
    case 'gsub':
    case 'gensub':
      return substitute(it, name, args)
    case 'match': {
      const str = s(0)
      const re = it.regexOf(args[1] as Expr)
      const m = re.exec(str)
      const start = m ? [...str.slice(0, m.index)].length + 1 : 0
      const len = m ? [...m[0]].length : -1
      it.globals.set('RSTART', start)
      it.globals.set('RLENGTH', len)
      const arrArg = args[2]
      if (arrArg && arrArg.t === 'var') {
        const a = it.getArray(arrArg.name)
        a.clear()
        if (m) m.forEach((g, k) => g !== undefined && a.set(String(k), fromInput(g)))
      }
      return start
    }
    case 'sprintf':
      return args.length === 0 ? '' : awkSprintf(s(0), args.slice(1).map((a) => it.evalSync(a)), it.convfmt)
    case 'sin':
      return Math.sin(n(0))
    case 'cos':
      return Math.cos(n(0))
    case 'atan2':
      return Math.atan2(n(0), n(1))
    case 'exp':
      return Math.exp(n(0))
    case 'log':
      return Math.log(n(0))
    case 'sqrt':
      return Math.sqrt(n(0))
    case 'int':
      return Math.trunc(n(0))
    case 'rand':
      return it.rng()
    case 'srand': {
      const prev = it.seed
      it.seed = args.length > 0 ? n(0) : Math.floor(Date.now() / 1000)
      it.rng = mulberry(it.seed)
      return prev
    }
    case 'tolower':
      return s(0).toLowerCase()
    case 'toupper':
      return s(0).toUpperCase()
    case 'systime':
      return Math.floor(Date.now() / 1000)
    case 'strftime':
      return strftime(args.length > 0 ? s(0) : '%a %b %e %H:%M:%S %Z %Y', args.length > 1 ? n(1) * 1000 : Date.now())
    case 'system':
    case 'close':
    case 'fflush':
      throw new NeedsAsync()
  }
  throw new AwkRuntimeError(`function \`${name}' not defined`)
}

export const substitute = (it: AwkEvaluator, name: string, args: Expr[]): Cell => {
  const re = it.regexOf(args[0] as Expr)
  const repl = it.str(it.evalSync(args[1] as Expr))
  if (name === 'gensub') {
    const how = it.str(it.evalSync(args[2] as Expr))
    const target = args.length > 3 ? it.str(it.evalSync(args[3] as Expr)) : it.record
    const global = /^[gG]/.test(how)
    const which = global ? 0 : Math.max(1, Math.trunc(toNum(how)))
    let count = 0
    return target.replace(re, (...m) => {
      count++
      if (!global && count !== which) return m[0] as string
      const groups = m.slice(0, -2) as string[]
      return repl.replace(/\\(\d)|\\\\|&/g, (x, d: string | undefined) => (x === '&' ? (groups[0] ?? '') : x === '\\\\' ? '\\' : (groups[Number(d)] ?? '')))
    })
  }
  const targetExpr = (args[2] ?? { t: 'field', index: { t: 'num', v: 0 } }) as Expr
  const target = it.str(it.evalSync(targetExpr))
  let count = 0
  const global = name === 'gsub'
  let out = ''
  let last = 0
  re.lastIndex = 0
  for (;;) {
    const m = re.exec(target)
    if (!m) break
    count++
    out += target.slice(last, m.index) + expandAwkRepl(repl, m[0])
    last = m.index + m[0].length
    if (!global) break
    if (m[0] === '') {
      if (m.index >= target.length) break
      out += target[m.index]
      last = m.index + 1
      re.lastIndex = m.index + 1
    }
  }
  if (count > 0) it.assignTo(targetExpr, out + target.slice(last))
  return count
}

/**
 * The inside of `${…}`: names, special parameters, array subscripts and every operator
 * (`:-`, `#`, `%%`, `//`, `:o:l`, `^^`, `!`…). Split from the lexer because it is its own
 * small grammar; it reads through the lexer's position and word reader.
 */
import type { ParamOp, ParamPart, Word } from './ast.js'
import { ShellSyntaxError } from './errors.js'
import { isNameChar, isNameStart, type Lexer, SPECIAL_PARAMS } from './lexer.js'

export function readBraceParam(lx: Lexer): ParamPart {
  const s = lx.src
  const fail = (): never => {
    // Report the whole ${…} text like bash does.
    let depth = 1
    let i = lx.pos
    while (i < s.length && depth > 0) {
      if (s[i] === '{') depth++
      else if (s[i] === '}') depth--
      i++
    }
    const text = s.slice(start - 2, i)
    throw new ShellSyntaxError(`${text}: bad substitution`, text, false, 'badsubst')
  }
  const start = lx.pos
  let prefix: '' | '#' | '!' = ''
  if (s[lx.pos] === '#' && s[lx.pos + 1] !== '}' && !(s[lx.pos + 1] && /[-=?+:%/}]/.test(s[lx.pos + 1]!) && s[lx.pos + 2] === '}')) {
    prefix = '#'
    lx.pos++
  } else if (s[lx.pos] === '!' && s[lx.pos + 1] !== '}') {
    prefix = '!'
    lx.pos++
  }
  let name = ''
  if (isNameStart(s[lx.pos])) {
    let i = lx.pos
    while (isNameChar(s[i])) i++
    name = s.slice(lx.pos, i)
    lx.pos = i
  } else if (/[0-9]/.test(s[lx.pos] ?? '')) {
    let i = lx.pos
    while (/[0-9]/.test(s[i] ?? '')) i++
    name = s.slice(lx.pos, i)
    lx.pos = i
  } else if (SPECIAL_PARAMS.has(s[lx.pos] ?? '')) {
    name = s[lx.pos]!
    lx.pos++
  } else fail()
  const part: ParamPart = { type: 'param', name }
  if (s[lx.pos] === '[') {
    let depth = 0
    let i = lx.pos
    for (; i < s.length; i++) {
      if (s[i] === '[') depth++
      else if (s[i] === ']' && --depth === 0) break
    }
    part.index = s.slice(lx.pos + 1, i)
    lx.pos = i + 1
  }
  if (prefix === '#') {
    if (s[lx.pos] !== '}') fail()
    lx.pos++
    part.op = { kind: 'length' }
    return part
  }
  if (prefix === '!') {
    if (s[lx.pos] === '}' && (part.index === '@' || part.index === '*')) {
      lx.pos++
      part.op = { kind: 'keys' }
      delete part.index
      return part
    }
    if ((s[lx.pos] === '*' || s[lx.pos] === '@') && s[lx.pos + 1] === '}') {
      part.op = { kind: 'prefixNames', star: s[lx.pos] === '*' }
      lx.pos += 2
      return part
    }
    if (s[lx.pos] === '}') {
      lx.pos++
      part.op = { kind: 'indirect' }
      return part
    }
    fail()
  }
  const c = s[lx.pos]
  if (c === '}') {
    lx.pos++
    return part
  }
  const argWord = (): Word => {
    const parts = lx.readParts((x) => x === '}', 'param')
    return { parts }
  }
  const close = (): void => {
    if (s[lx.pos] !== '}') throw new ShellSyntaxError("unexpected EOF while looking for matching `}'", 'eof', true)
    lx.pos++
  }
  let op: ParamOp | undefined
  const colon = c === ':'
  const k = colon ? s[lx.pos + 1] : c
  if (k === '-' || k === '=' || k === '+' || k === '?') {
    lx.pos += colon ? 2 : 1
    const w = argWord()
    const kind = k === '-' ? 'default' : k === '=' ? 'assign' : k === '+' ? 'alt' : 'error'
    op = { kind, colon, word: w }
  } else if (colon) {
    lx.pos++
    let depth = 0
    let i = lx.pos
    for (; i < s.length; i++) {
      const ch = s[i]
      if (ch === '(' || ch === '{') depth++
      else if ((ch === ')' || ch === '}') && depth > 0) depth--
      else if ((ch === ':' || ch === '}') && depth === 0) break
    }
    const offset = s.slice(lx.pos, i)
    if (offset.trim() === '') fail()
    lx.pos = i
    let length: string | undefined
    if (s[lx.pos] === ':') {
      let j = ++lx.pos
      for (; j < s.length && s[j] !== '}'; j++);
      length = s.slice(lx.pos, j)
      lx.pos = j
    }
    op = length === undefined ? { kind: 'substring', offset } : { kind: 'substring', offset, length }
  } else if (c === '#' || c === '%') {
    const longest = s[lx.pos + 1] === c
    lx.pos += longest ? 2 : 1
    const w = argWord()
    op = c === '#' ? { kind: 'trimPrefix', longest, word: w } : { kind: 'trimSuffix', longest, word: w }
  } else if (c === '/') {
    lx.pos++
    let all = false
    let anchor: '' | '#' | '%' = ''
    if (s[lx.pos] === '/') {
      all = true
      lx.pos++
    } else if (s[lx.pos] === '#' || s[lx.pos] === '%') {
      anchor = s[lx.pos] as '#' | '%'
      lx.pos++
    }
    const pattern = { parts: lx.readParts((x) => x === '/' || x === '}', 'param') }
    let replacement: Word = { parts: [] }
    if (s[lx.pos] === '/') {
      lx.pos++
      replacement = argWord()
    }
    op = { kind: 'replace', all, anchor, pattern, replacement }
  } else if (c === '^' || c === ',') {
    const all = s[lx.pos + 1] === c
    lx.pos += all ? 2 : 1
    op = { kind: 'case', upper: c === '^', all }
  } else fail()
  close()
  if (op) part.op = op
  return part
}

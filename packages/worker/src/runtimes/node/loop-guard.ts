/**
 * Loop guards for user code. Production isolates have a CPU limit (`limits.cpuMs`), but
 * a local workerd enforces none, and a spinning isolate there stalls every other Worker
 * in the process. So each `for`/`while`/`do…while` condition in the program's own files
 * (not node_modules) gets a call to `__nimbusTick()`, which counts iterations and stops
 * the program past a budget. A small lexer skips strings, templates, comments and regex
 * literals; loops whose head it cannot parse are left alone.
 */

const REGEX_AFTER = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^'])
const REGEX_KEYWORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await', 'instanceof'])
const isIdent = (c: string | undefined) => c !== undefined && /[\w$]/.test(c)

interface Lexer {
  /** Index just past a string/template/comment/regex starting at i, or -1 if none starts there. */
  skip(i: number, prev: string): number
}

function lexer(src: string): Lexer {
  const skipTemplate = (i: number): number => {
    // i is just past the opening backtick.
    while (i < src.length) {
      const c = src[i]
      if (c === '\\') i += 2
      else if (c === '`') return i + 1
      else if (c === '$' && src[i + 1] === '{') {
        i = skipBalanced(i + 2, '}')
        if (i < 0) return -1
      } else i++
    }
    return -1
  }
  const skipBalanced = (i: number, close: string): number => {
    let depth = 0
    let prev = '('
    while (i < src.length) {
      const s = api.skip(i, prev)
      if (s > 0) {
        i = s
        prev = 'x'
        continue
      }
      if (s === -2) return -1
      const c = src[i] as string
      if (c === '{' || c === '(' || c === '[') depth++
      else if (c === '}' || c === ')' || c === ']') {
        if (depth === 0 && c === close) return i + 1
        depth--
      }
      if (!/\s/.test(c)) prev = isIdent(c) ? 'x' : c
      i++
    }
    return -1
  }
  const api: Lexer = {
    skip(i, prev) {
      const c = src[i]
      const n = src[i + 1]
      if (c === '"' || c === "'") {
        for (let j = i + 1; j < src.length; j++) {
          if (src[j] === '\\') j++
          else if (src[j] === c) return j + 1
          else if (src[j] === '\n') return -2
        }
        return -2
      }
      if (c === '`') {
        const end = skipTemplate(i + 1)
        return end < 0 ? -2 : end
      }
      if (c === '/' && n === '/') {
        const end = src.indexOf('\n', i)
        return end < 0 ? src.length : end
      }
      if (c === '/' && n === '*') {
        const end = src.indexOf('*/', i + 2)
        return end < 0 ? -2 : end + 2
      }
      if (c === '/' && (REGEX_AFTER.has(prev) || REGEX_KEYWORDS.has(prev))) {
        let inClass = false
        for (let j = i + 1; j < src.length; j++) {
          const d = src[j]
          if (d === '\\') j++
          else if (d === '[') inClass = true
          else if (d === ']') inClass = false
          else if (d === '/' && !inClass) {
            while (isIdent(src[j + 1])) j++
            return j + 1
          } else if (d === '\n') return -2
        }
        return -2
      }
      return -1
    },
  }
  return api
}

/** Returns `src` with a tick call in each loop condition; unchanged if the lexer gets lost. */
export function guardLoops(src: string, tick = '__nimbusTick()'): string {
  const lex = lexer(src)
  const edits: Array<[number, number, string]> = []
  let prev = ''
  let i = 0
  while (i < src.length) {
    const s = lex.skip(i, prev)
    if (s === -2) return src
    if (s > 0) {
      i = s
      prev = 'x'
      continue
    }
    const c = src[i] as string
    if (isIdent(c)) {
      let j = i
      while (isIdent(src[j])) j++
      const word = src.slice(i, j)
      if ((word === 'for' || word === 'while') && !isIdent(src[i - 1]) && src[i - 1] !== '.') {
        let k = j
        while (/\s/.test(src[k] ?? '')) k++
        if (word === 'for' && src.startsWith('await', k)) {
          i = j
          prev = word
          continue
        }
        if (src[k] === '(') {
          const head = parseHead(src, lex, k + 1)
          if (head === null) return src
          if (word === 'while') edits.push([k + 1, head.end, `${tick} && (${src.slice(k + 1, head.end)})`])
          else if (head.semis.length === 2) {
            const [a, b] = head.semis as [number, number]
            const cond = src.slice(a + 1, b)
            edits.push([a + 1, b, cond.trim() === '' ? ` ${tick}` : ` ${tick} && (${cond})`])
          }
        }
      }
      prev = word
      i = j
      continue
    }
    if (!/\s/.test(c)) prev = c
    i++
  }
  let out = src
  for (const [from, to, text] of edits.sort((x, y) => y[0] - x[0])) out = out.slice(0, from) + text + out.slice(to)
  return out
}

/** The loop head from just after `(` to its `)`: its end and its top-level semicolons. */
function parseHead(src: string, lex: Lexer, start: number): { end: number; semis: number[] } | null {
  let depth = 0
  let prev = '('
  const semis: number[] = []
  for (let i = start; i < src.length; ) {
    const s = lex.skip(i, prev)
    if (s === -2) return null
    if (s > 0) {
      i = s
      prev = 'x'
      continue
    }
    const c = src[i] as string
    if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return c === ')' ? { end: i, semis } : null
      depth--
    } else if (c === ';' && depth === 0) semis.push(i)
    if (isIdent(c)) {
      let j = i
      while (isIdent(src[j])) j++
      prev = src.slice(i, j)
      i = j
      continue
    }
    if (!/\s/.test(c)) prev = c
    i++
  }
  return null
}

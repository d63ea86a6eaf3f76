/** find's expression language: parsing `-name x -o ( -type d ! -empty )` into a tree. */

export type FindNode =
  | { op: 'and' | 'or'; left: FindNode; right: FindNode }
  | { op: 'not'; expr: FindNode }
  | { op: 'test'; name: string; args: string[] }

export class FindSyntaxError extends Error {
  override readonly name = 'FindSyntaxError'
}

/** Primaries and how many arguments each takes (`-exec` is special: up to `;` or `+`). */
const ARITY: Record<string, number> = {
  '-name': 1,
  '-iname': 1,
  '-path': 1,
  '-ipath': 1,
  '-wholename': 1,
  '-iwholename': 1,
  '-regex': 1,
  '-iregex': 1,
  '-type': 1,
  '-xtype': 1,
  '-maxdepth': 1,
  '-mindepth': 1,
  '-mtime': 1,
  '-mmin': 1,
  '-atime': 1,
  '-amin': 1,
  '-ctime': 1,
  '-cmin': 1,
  '-newer': 1,
  '-size': 1,
  '-perm': 1,
  '-user': 1,
  '-group': 1,
  '-uid': 1,
  '-gid': 1,
  '-links': 1,
  '-inum': 1,
  '-printf': 1,
  '-fprint': 1,
  '-empty': 0,
  '-print': 0,
  '-print0': 0,
  '-delete': 0,
  '-prune': 0,
  '-quit': 0,
  '-true': 0,
  '-false': 0,
  '-depth': 0,
  '-d': 0,
  '-xdev': 0,
  '-mount': 0,
  '-follow': 0,
  '-readable': 0,
  '-writable': 0,
  '-executable': 0,
  '-nouser': 0,
  '-nogroup': 0,
  '-ls': 0,
  '-noleaf': 0,
}

export const ACTIONS = new Set(['-print', '-print0', '-delete', '-exec', '-execdir', '-ok', '-printf', '-fprint', '-quit', '-ls'])

export interface ParsedFind {
  expr: FindNode | undefined
  hasAction: boolean
  maxDepth: number
  minDepth: number
  depthFirst: boolean
}

export const parseFind = (tokens: string[]): ParsedFind => {
  let pos = 0
  let hasAction = false
  let maxDepth = Infinity
  let minDepth = 0
  let depthFirst = false
  const primary = (): FindNode => {
    const t = tokens[pos]
    if (t === undefined) throw new FindSyntaxError('expected an expression')
    if (t === '(') {
      pos++
      const e = orExpr()
      if (tokens[pos] !== ')') throw new FindSyntaxError("invalid expression; I was expecting to find a ')' somewhere but did not see one.")
      pos++
      return e
    }
    if (t === '!' || t === '-not') {
      pos++
      return { op: 'not', expr: primary() }
    }
    pos++
    if (t === '-exec' || t === '-execdir' || t === '-ok' || t === '-okdir') {
      hasAction = true
      const args: string[] = []
      while (pos < tokens.length && tokens[pos] !== ';' && !(tokens[pos] === '+' && args[args.length - 1] === '{}')) args.push(tokens[pos++] as string)
      if (pos >= tokens.length) throw new FindSyntaxError(`missing argument to \`${t}'`)
      args.push(tokens[pos++] as string)
      return { op: 'test', name: t, args }
    }
    const arity = ARITY[t]
    if (arity === undefined) {
      if (t.startsWith('-')) throw new FindSyntaxError(`unknown predicate \`${t}'`)
      throw new FindSyntaxError(`paths must precede expression: \`${t}'`)
    }
    const args = tokens.slice(pos, pos + arity)
    if (args.length < arity) throw new FindSyntaxError(`missing argument to \`${t}'`)
    pos += arity
    if (ACTIONS.has(t)) hasAction = true
    if (t === '-maxdepth' || t === '-mindepth') {
      const n = Number(args[0])
      if (!/^\d+$/.test(args[0] as string)) throw new FindSyntaxError(`Expected a positive decimal integer argument to ${t}, but got \u2018${args[0]}\u2019`)
      if (t === '-maxdepth') maxDepth = n
      else minDepth = n
      return { op: 'test', name: '-true', args: [] }
    }
    if (t === '-depth' || t === '-d' || t === '-delete') depthFirst = true
    return { op: 'test', name: t, args }
  }
  const andExpr = (): FindNode => {
    let left = primary()
    for (;;) {
      const t = tokens[pos]
      if (t === undefined || t === ')' || t === '-o' || t === '-or' || t === ',') return left
      if (t === '-a' || t === '-and') pos++
      left = { op: 'and', left, right: primary() }
    }
  }
  const orExpr = (): FindNode => {
    let left = andExpr()
    while (tokens[pos] === '-o' || tokens[pos] === '-or' || tokens[pos] === ',') {
      pos++
      left = { op: 'or', left, right: andExpr() }
    }
    return left
  }
  if (tokens.length === 0) return { expr: undefined, hasAction, maxDepth, minDepth, depthFirst }
  const expr = orExpr()
  if (pos < tokens.length) throw new FindSyntaxError(tokens[pos] === ')' ? "invalid expression; you have too many ')'" : `unexpected \`${tokens[pos]}'`)
  return { expr, hasAction, maxDepth, minDepth, depthFirst }
}

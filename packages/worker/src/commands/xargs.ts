/** xargs: build and run command lines from standard input (-n, -I, -0, -d, -L, -r, -t). */
import { defineCommand } from './define-command.js'
import { emptyInput } from './io.js'

/** Splits xargs input: blanks separate items; quotes and backslashes escape (GNU default mode). */
const splitItems = (text: string): string[] | string => {
  const items: string[] = []
  let cur = ''
  let has = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1)
      const nl = text.indexOf('\n', i + 1)
      if (end === -1 || (nl !== -1 && nl < end)) return `unmatched ${c === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option`
      cur += text.slice(i + 1, end)
      has = true
      i = end
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i]
      has = true
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (has) items.push(cur)
      cur = ''
      has = false
    } else {
      cur += c
      has = true
    }
  }
  if (has) items.push(cur)
  return items
}

export default defineCommand({
  name: 'xargs',
  usage: 'xargs [OPTION]... COMMAND [INITIAL-ARGS]...',
  description: 'Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.',
  stopAtOperand: true,
  flags: {
    n: { type: 'number', long: 'max-args', arg: 'MAX-ARGS', description: 'use at most MAX-ARGS arguments per command line' },
    L: { type: 'number', long: 'max-lines', arg: 'MAX-LINES', description: 'use at most MAX-LINES non-blank input lines per command line' },
    I: { type: 'string', arg: 'R', description: 'replace R in INITIAL-ARGS with names read from standard input; implies -L 1' },
    i: { type: 'string', long: 'replace', optionalValue: true, arg: 'R', description: 'same as -I R (default {})' },
    d: { type: 'string', long: 'delimiter', arg: 'CHARACTER', description: 'items in input stream are separated by CHARACTER' },
    '0': { type: 'boolean', long: 'null', description: 'items are separated by a null, not whitespace' },
    r: { type: 'boolean', long: 'no-run-if-empty', description: 'if there are no arguments, then do not run COMMAND' },
    t: { type: 'boolean', long: 'verbose', description: 'print commands before executing them' },
    P: { type: 'number', long: 'max-procs', arg: 'MAX-PROCS', description: 'run at most MAX-PROCS processes at a time (runs one at a time here)' },
    s: { type: 'number', long: 'max-chars', arg: 'MAX-CHARS', description: 'limit length of command line to MAX-CHARS' },
    a: { type: 'string', long: 'arg-file', arg: 'FILE', description: 'read arguments from FILE, not standard input' },
    x: { type: 'boolean', long: 'exit', description: 'exit if the size (see -s) is exceeded' },
  },
  async run(ctx) {
    const f = ctx.flags
    const command = ctx.args.length > 0 ? ctx.args : ['echo']
    let text: string
    if (f.a !== undefined) {
      try {
        text = ctx.fs.readText(ctx.resolve(f.a))
      } catch {
        await ctx.stderr.write(`xargs: ${f.a}: No such file or directory\n`)
        return 1
      }
    } else text = await ctx.stdin.readText()
    const replace = f.I ?? (ctx.order.includes('i') ? f.i || '{}' : undefined)
    let items: string[]
    let groups: string[][]
    if (f['0'] || f.d !== undefined) {
      const sep = f['0'] ? '\0' : f.d === '\\n' ? '\n' : f.d === '\\t' ? '\t' : (f.d as string)
      items = text.split(sep)
      if (items[items.length - 1] === '' || (sep !== '\n' && f.d !== undefined && items[items.length - 1] === '\n')) items.pop()
      groups = items.map((x) => [x])
    } else if (replace !== undefined || f.L !== undefined) {
      const lines = text.split('\n').filter((l) => l.trim() !== '')
      groups = []
      for (const line of lines) {
        if (replace !== undefined) groups.push([line.replace(/^[ \t]+/, '')])
        else {
          const parts = splitItems(line)
          if (typeof parts === 'string') {
            await ctx.stderr.write(`xargs: ${parts}\n`)
            return 1
          }
          groups.push(parts)
        }
      }
      items = groups.flat()
    } else {
      const parts = splitItems(text)
      if (typeof parts === 'string') {
        await ctx.stderr.write(`xargs: ${parts}\n`)
        return 1
      }
      items = parts
      groups = parts.map((x) => [x])
    }
    // Build the invocations.
    const runs: string[][] = []
    if (replace !== undefined) {
      for (const g of groups) runs.push(command.map((a) => a.split(replace).join(g[0] ?? '')))
    } else if (f.L !== undefined) {
      for (let k = 0; k < groups.length; k += f.L) runs.push([...command, ...groups.slice(k, k + f.L).flat()])
    } else if (f.n !== undefined) {
      if (f.n < 1) {
        await ctx.stderr.write(`xargs: value ${f.n} for -n option should be >= 1\n`)
        return 1
      }
      for (let k = 0; k < items.length; k += f.n) runs.push([...command, ...items.slice(k, k + f.n)])
    } else if (items.length > 0) {
      const max = f.s ?? 128 * 1024
      let cur: string[] = []
      let len = command.join(' ').length
      for (const it of items) {
        if (cur.length > 0 && len + it.length + 1 > max) {
          runs.push([...command, ...cur])
          cur = []
          len = command.join(' ').length
        }
        cur.push(it)
        len += it.length + 1
      }
      runs.push([...command, ...cur])
    }
    if (runs.length === 0 && !f.r && replace === undefined) runs.push([...command])
    let status = 0
    for (const argv of runs) {
      if (ctx.signal.aborted) return 130
      if (f.t) await ctx.stderr.write(`${argv.join(' ')}\n`)
      const code = await ctx.shell.runArgv(argv, { stdin: emptyInput(), signal: ctx.signal })
      if (code === 255) {
        await ctx.stderr.write(`xargs: ${argv[0]}: exited with status 255; aborting\n`)
        return 124
      }
      if (code === 127 || code === 126) return code
      if (code !== 0) status = 123
    }
    return status
  },
})

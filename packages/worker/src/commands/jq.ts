/** jq: command-line JSON processor (jq 1.6 language and output format). */
import { defineCommand } from './define-command.js'
import { HaltSignal, baseEnv, isTruthy, nativePaths, natives } from './jq/builtins.js'
import { Env, type EvalCtx, evaluate } from './jq/eval.js'
import { type Json, JqError, JsonStream, dump } from './jq/json.js'
import { JqSyntaxError, parseJq } from './jq/parser.js'
import { describeError } from './lib/errors.js'

const USAGE = 'jq [OPTIONS] FILTER [FILES...]'

export default defineCommand({
  name: 'jq',
  usage: USAGE,
  description: 'Process JSON inputs with a jq filter and print the results.',
  rawArgs: true,
  helpFooter:
    'Options:\n  -c  compact output\n  -r  raw string output\n  -j  raw output without newlines\n  -a  ASCII output\n  -n  null input\n  -s  slurp inputs into an array\n  -R  raw string input\n  -e  exit status from the last output\n  -S  sort object keys\n  --tab, --indent N\n  --arg NAME VALUE, --argjson NAME JSON, --slurpfile NAME FILE, --rawfile NAME FILE',
  async run(ctx) {
    const opts = { c: false, r: false, j: false, a: false, n: false, s: false, R: false, e: false, S: false, tab: false, indent: 2 }
    const named: Record<string, Json> = {}
    const positional: string[] = []
    const args = ctx.args
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string
      const need = async (n: number): Promise<string[] | null> => {
        const vals = args.slice(i + 1, i + 1 + n)
        if (vals.length < n) {
          await ctx.stderr.write(`jq: error: ${a} takes ${n === 1 ? 'one parameter' : 'two parameters'} (e.g. ${a} name value)\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n`)
          return null
        }
        i += n
        return vals
      }
      if (a === '--arg' || a === '--argjson' || a === '--slurpfile' || a === '--rawfile') {
        const v = await need(2)
        if (!v) return 2
        const [name, value] = v as [string, string]
        if (a === '--arg') named[name] = value
        else if (a === '--argjson') {
          try {
            named[name] = new JsonStream(value).next()
          } catch {
            await ctx.stderr.write(`jq: Invalid JSON text passed to --argjson\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n`)
            return 2
          }
        } else {
          try {
            const text = ctx.fs.readText(ctx.resolve(value))
            if (a === '--rawfile') named[name] = text
            else {
              const s = new JsonStream(text)
              const all: Json[] = []
              while (!s.done()) all.push(s.next())
              named[name] = all
            }
          } catch (e) {
            await ctx.stderr.write(`jq: error: Could not open ${value}: ${describeError(e)}\n`)
            return 2
          }
        }
        continue
      }
      if (a === '--indent') {
        const v = await need(1)
        if (!v) return 2
        opts.indent = Math.min(7, Math.max(0, Number(v[0])))
        continue
      }
      const longs: Record<string, keyof typeof opts> = {
        '--compact-output': 'c',
        '--raw-output': 'r',
        '--join-output': 'j',
        '--ascii-output': 'a',
        '--null-input': 'n',
        '--slurp': 's',
        '--raw-input': 'R',
        '--exit-status': 'e',
        '--sort-keys': 'S',
        '--tab': 'tab',
      }
      if (longs[a]) {
        ;(opts as Record<string, boolean | number>)[longs[a] as string] = true
        continue
      }
      if (a === '--color-output' || a === '-C' || a === '--monochrome-output' || a === '-M' || a === '--unbuffered') continue
      if (/^-[crjanRseSMC]+$/.test(a)) {
        for (const ch of a.slice(1)) if (ch in opts) (opts as Record<string, boolean | number>)[ch] = true
        continue
      }
      if (a.startsWith('-') && a !== '-' && positional.length === 0) {
        await ctx.stderr.write(`jq: Unknown option: ${a}\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n`)
        return 2
      }
      positional.push(a)
    }
    const filter = positional.shift()
    if (filter === undefined) {
      await ctx.stderr.write(`Usage:\t${USAGE}\n`)
      return 2
    }
    let ast
    try {
      ast = parseJq(filter)
    } catch (e) {
      if (!(e instanceof JqSyntaxError)) throw e
      await ctx.stderr.write(`jq: error: ${e.message}\njq: 1 compile error\n`)
      return 3
    }
    // Inputs: files or stdin.
    let text = ''
    if (positional.length === 0) text = await ctx.stdin.readText()
    else {
      for (const f of positional) {
        try {
          text += ctx.fs.readText(ctx.resolve(f))
        } catch (e) {
          await ctx.stderr.write(`jq: error: Could not open ${f}: ${describeError(e)}\n`)
          return 2
        }
      }
    }
    const stream = new JsonStream(text)
    const rawLines = opts.R ? text.split('\n') : []
    if (opts.R && rawLines[rawLines.length - 1] === '') rawLines.pop()
    let inputError: string | null = null
    const nextInput = (): Json | undefined => {
      if (opts.R) return rawLines.length > 0 ? (rawLines.shift() as string) : undefined
      if (inputError !== null) return undefined
      try {
        if (stream.done()) return undefined
        return stream.next()
      } catch (e) {
        inputError = e instanceof Error ? e.message : String(e)
        return undefined
      }
    }
    let errOut = ''
    const evalCtx: EvalCtx = { natives, nativePaths, nextInput, stderr: (s) => (errOut += s) }
    const env = new Env(baseEnv())
    for (const [k, v] of Object.entries(named)) env.vars.set(k, v)
    const envObj: { [k: string]: Json } = {}
    for (const [k, v] of ctx.env.entries()) envObj[k] = v
    env.vars.set('ENV', envObj)
    env.vars.set('__prog_args', { positional: [], named } as Json)
    const dumpOpts = { indent: opts.tab ? '\t' : opts.c ? 0 : opts.indent, sortKeys: opts.S, ascii: opts.a }
    let out = ''
    let last: Json | undefined
    let status = 0
    const emit = async (v: Json) => {
      last = v
      if ((opts.r || opts.j) && typeof v === 'string') out += v
      else out += dump(v, dumpOpts)
      if (!opts.j) out += '\n'
      if (out.length > 32768) {
        await ctx.stdout.write(out)
        out = ''
      }
    }
    const runOne = async (input: Json): Promise<boolean> => {
      try {
        for (const v of evaluate(evalCtx, ast, input, env)) {
          if (ctx.signal.aborted) return false
          await emit(v)
        }
      } catch (e) {
        if (e instanceof HaltSignal) {
          if (e.value !== undefined) await ctx.stderr.write(typeof e.value === 'string' ? e.value : `${dump(e.value, { indent: 0 })}\n`)
          status = e.code
          return false
        }
        if (!(e instanceof JqError)) throw e
        await ctx.stdout.write(out)
        out = ''
        const msg = typeof e.value === 'string' ? e.value : `${dump(e.value, { indent: 0 })} (not a string)`
        await ctx.stderr.write(`jq: error (at <stdin>:${newlinesBefore(text, stream.pos)}): ${msg}\n`)
        status = 5
      }
      return true
    }
    if (opts.n) await runOne(null)
    else if (opts.s) {
      if (opts.R) await runOne(text)
      else {
        const all: Json[] = []
        for (let v = nextInput(); v !== undefined; v = nextInput()) all.push(v)
        if (inputError === null) await runOne(all)
      }
    } else {
      for (let v = nextInput(); v !== undefined; v = nextInput()) if (!(await runOne(v))) break
    }
    await ctx.stdout.write(out)
    if (errOut) await ctx.stderr.write(errOut)
    if (inputError !== null) {
      await ctx.stderr.write(`parse error: ${inputError}\n`)
      return 2
    }
    if (status !== 0) return status
    if (opts.e) return last === undefined ? 4 : isTruthy(last) ? 0 : 1
    return 0
  },
})

const newlinesBefore = (text: string, pos: number): number => {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) n++
  return n
}

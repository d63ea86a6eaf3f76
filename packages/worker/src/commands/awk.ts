/** awk: pattern scanning and processing (POSIX awk with common gawk extensions). */
import { defineCommand } from './define-command.js'
import { collectOutput, stringInput } from './io.js'
import { AwkSyntaxError } from './awk/lexer.js'
import { AwkRuntimeError, Interpreter, processEscapes } from './awk/interp.js'
import { parseAwk } from './awk/parser.js'
import { AwkArray, fromInput } from './awk/values.js'
import { describeError } from './lib/errors.js'

const USAGE = 'awk [-F fs] [-v var=value] [-f progfile | program] [file ...]'

export default defineCommand({
  name: 'awk',
  aliases: ['gawk'],
  usage: USAGE,
  description: 'Scan and process patterns in each file (or standard input).',
  rawArgs: true,
  helpFooter: 'Options:\n  -F fs            use fs for the input field separator\n  -v var=value     assign value to var before the program runs\n  -f progfile      read the program from progfile',
  async run(ctx) {
    const name = ctx.name
    const args = [...ctx.args]
    let fs: string | undefined
    const assigns: string[] = []
    const progFiles: string[] = []
    let i = 0
    const takeValue = (opt: string): string | undefined => {
      const a = args[i] as string
      if (a.length > 2) return a.slice(2)
      i++
      return args[i]
    }
    for (; i < args.length; i++) {
      const a = args[i] as string
      if (a === '--') {
        i++
        break
      }
      if (!a.startsWith('-') || a === '-') break
      const opt = a.slice(0, 2)
      if (opt === '-F' || opt === '-v' || opt === '-f') {
        const v = takeValue(opt)
        if (v === undefined) {
          await ctx.stderr.write(`${name}: option requires an argument -- ${opt[1]}\nUsage: ${USAGE}\n`)
          return 2
        }
        if (opt === '-F') fs = v
        else if (opt === '-v') assigns.push(v)
        else progFiles.push(v)
      } else if (a === '--posix' || a === '--traditional') continue
      else {
        await ctx.stderr.write(`${name}: invalid option -- '${a.slice(1, 2)}'\nUsage: ${USAGE}\n`)
        return 2
      }
    }
    let source: string
    if (progFiles.length > 0) {
      const parts: string[] = []
      for (const f of progFiles) {
        try {
          parts.push(ctx.fs.readText(ctx.resolve(f)))
        } catch (e) {
          await ctx.stderr.write(`${name}: fatal: can't open source file \`${f}' for reading: ${describeError(e)}\n`)
          return 2
        }
      }
      source = parts.join('\n')
    } else {
      const prog = args[i++]
      if (prog === undefined) {
        await ctx.stderr.write(`Usage: ${USAGE}\n`)
        return 2
      }
      source = prog
    }
    let program
    try {
      program = parseAwk(source)
    } catch (e) {
      if (!(e instanceof AwkSyntaxError)) throw e
      await ctx.stderr.write(`${name}: cmd. line:1: ${e.message}\n`)
      return 1
    }
    const operands = args.slice(i)
    let stdinUsed = false
    const interp = new Interpreter(program, {
      write: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      openInput: async (op) => {
        if (op === '-' || op === '/dev/stdin') {
          if (stdinUsed) return { read: async () => null }
          stdinUsed = true
          const decoder = new TextDecoder()
          return {
            read: async () => {
              const c = await ctx.stdin.read()
              if (c === null) {
                const tail = decoder.decode()
                return tail === '' ? null : tail
              }
              return decoder.decode(c, { stream: true })
            },
          }
        }
        try {
          const path = ctx.resolve(op)
          if (ctx.fs.stat(path).type === 'dir') {
            await ctx.stderr.write(`${name}: warning: command line argument \`${op}' is a directory: skipped\n`)
            return { read: async () => null }
          }
          let text: string | null = ctx.fs.readText(path)
          return {
            read: async () => {
              const t = text
              text = null
              return t
            },
          }
        } catch (e) {
          throw new AwkRuntimeError(`cannot open file \`${op}' for reading: ${describeError(e)}`)
        }
      },
      readFile: (p) => {
        if (p === '-' || p === '/dev/stdin') return null
        try {
          return ctx.fs.readText(ctx.resolve(p))
        } catch {
          return null
        }
      },
      writeFile: (p, data, append) => {
        ctx.fs.writeFile(ctx.resolve(p), data, { append })
      },
      runCommand: async (cmd, stdin) => {
        const out = collectOutput()
        const status = await ctx.shell.runScript(cmd, { stdout: out, stderr: ctx.stderr, ...(stdin !== undefined ? { stdin: stringInput(stdin) } : {}) })
        return { status, stdout: out.text() }
      },
      aborted: () => ctx.signal.aborted,
    })
    const g = interp.globals
    if (fs !== undefined) g.set('FS', fs === 't' ? '\t' : processEscapes(fs))
    const argv = new AwkArray()
    argv.set('0', name)
    operands.forEach((op, k) => argv.set(String(k + 1), fromInput(op)))
    g.set('ARGV', argv)
    g.set('ARGC', operands.length + 1)
    const environ = new AwkArray()
    for (const [k, v] of ctx.env.entries()) environ.set(k, fromInput(v))
    g.set('ENVIRON', environ)
    for (const a of assigns) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a)
      if (!m) {
        await ctx.stderr.write(`${name}: fatal: \`${a}' is not a legal variable name\n`)
        return 2
      }
      g.set(m[1] as string, fromInput(processEscapes(m[2] as string)))
    }
    try {
      return await interp.run()
    } catch (e) {
      await interp.flush().catch(() => {})
      if (e instanceof AwkRuntimeError) {
        const division = e.message.startsWith('division by zero')
        await ctx.stderr.write(e.message.startsWith('cannot open file') ? `${name}: fatal: ${e.message}\n` : `${name}: cmd. line:1: ${division ? 'error' : 'fatal'}: ${e.message}\n`)
        return division ? 1 : 2
      }
      throw e
    }
  },
})

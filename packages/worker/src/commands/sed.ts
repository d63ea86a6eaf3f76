/** sed: stream editor (GNU syntax: s///, addresses and ranges, hold space, branches, -i, -E, -n). */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { SedMachine, type SedInput } from './lib/sed-exec.js'
import { SedSyntaxError, parseSed } from './lib/sed-parse.js'

export default defineCommand({
  name: 'sed',
  usage: 'sed [OPTION]... {script-only-if-no-other-script} [input-file]...',
  description: 'Stream editor for filtering and transforming text.',
  flags: {
    n: { type: 'boolean', long: 'quiet', alias: ['silent'], description: 'suppress automatic printing of pattern space' },
    e: { type: 'string', long: 'expression', repeatable: true, arg: 'script', description: 'add the script to the commands to be executed' },
    f: { type: 'string', long: 'file', repeatable: true, arg: 'script-file', description: 'add the contents of script-file to the commands to be executed' },
    i: { type: 'string', long: 'in-place', optionalValue: true, arg: 'SUFFIX', description: 'edit files in place (makes backup if SUFFIX supplied)' },
    E: { type: 'boolean', long: 'regexp-extended', alias: ['r'], description: 'use extended regular expressions in the script' },
    r: { type: 'boolean', description: 'same as -E' },
    s: { type: 'boolean', long: 'separate', description: 'consider files as separate rather than as a single continuous long stream' },
    z: { type: 'boolean', long: 'null-data', description: 'separate lines by NUL characters' },
    posix: { type: 'boolean', description: 'disable all GNU extensions' },
    u: { type: 'boolean', long: 'unbuffered', description: 'flush output often' },
  },
  async run(ctx) {
    const f = ctx.flags
    // `-i` takes its suffix only when attached (`-i.bak`); GNU never consumes the next word.
    const inPlace = ctx.order.includes('i')
    let suffix = f.i ?? ''
    const operands = [...ctx.args]
    if (inPlace && suffix !== '' && !ctx.rawArgs.some((a) => a === `-i${suffix}` || a === `--in-place=${suffix}`)) {
      operands.unshift(suffix)
      suffix = ''
    }
    const pieces: string[] = [...f.e]
    for (const file of f.f) {
      try {
        pieces.push((file === '-' ? await ctx.stdin.readText() : ctx.fs.readText(ctx.resolve(file))).replace(/\n$/, ''))
      } catch (e) {
        await ctx.stderr.write(`sed: couldn't open file ${file}: ${describeError(e)}\n`)
        return 1
      }
    }
    if (pieces.length === 0) {
      const script = operands.shift()
      if (script === undefined) {
        await ctx.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n')
        return 1
      }
      pieces.push(script)
    }
    const script = pieces.join('\n')
    let cmds
    try {
      cmds = parseSed(script, { extended: f.E || f.r })
    } catch (e) {
      if (!(e instanceof SedSyntaxError)) throw e
      await ctx.stderr.write(`sed: ${e.message}\n`)
      return 1
    }
    const quiet = f.n || script.startsWith('#n\n') || script === '#n'
    const eol = f.z ? '\0' : '\n'
    let out = ''
    const wfiles = new Map<string, string>()
    const io = {
      write: (s: string) => {
        out += s
      },
      readFile: (p: string) => {
        try {
          return ctx.fs.readText(ctx.resolve(p))
        } catch {
          return null
        }
      },
      appendFile: (p: string, s: string) => {
        if (p === '/dev/stdout') out += s
        else wfiles.set(p, (wfiles.get(p) ?? '') + s)
      },
      aborted: () => ctx.signal.aborted,
    }
    let status = 0
    const load = async (op: string): Promise<SedInput | null> => {
      let text: string
      if (op === '-') text = await ctx.stdin.readText()
      else {
        try {
          const path = ctx.resolve(op)
          if (ctx.fs.stat(path).type === 'dir') {
            await ctx.stderr.write(inPlace ? `sed: couldn't edit ${op}: not a regular file\n` : `sed: couldn't read ${op}: Is a directory\n`)
            status = inPlace ? 4 : 2
            return null
          }
          text = ctx.fs.readText(path)
        } catch (e) {
          await ctx.stderr.write(`sed: can't read ${op}: ${describeError(e)}\n`)
          status = 2
          return null
        }
      }
      const lines = text.split(eol)
      const lastNewline = text.endsWith(eol) || text === ''
      if (lastNewline) lines.pop()
      return { lines, lastNewline, name: op }
    }
    const operandsOr = operands.length === 0 ? ['-'] : operands
    if (inPlace || f.s) {
      const machine = new SedMachine(cmds, io, { quiet, eol, separate: true })
      for (const op of operandsOr) {
        const input = await load(op)
        if (!input) continue
        machine.lineNo = 0
        for (const c of cmds) c.inRange = false
        out = ''
        const r = machine.run([input])
        if (inPlace && op !== '-') {
          const path = ctx.resolve(op)
          if (suffix) ctx.fs.writeFile(ctx.resolve(suffix.includes('*') ? suffix.replace('*', op) : op + suffix), ctx.fs.readFile(path))
          ctx.fs.writeFile(path, out)
        } else await ctx.stdout.write(out)
        if (r.quit) {
          status = r.exitCode || status
          break
        }
      }
    } else {
      const inputs: SedInput[] = []
      for (const op of operandsOr) {
        const input = await load(op)
        if (input) inputs.push(input)
      }
      let r
      try {
        r = new SedMachine(cmds, io, { quiet, eol, separate: false }).run(inputs)
      } catch (e) {
        await ctx.stdout.write(out)
        await ctx.stderr.write(`sed: ${e instanceof Error ? e.message : String(e)}\n`)
        return 4
      }
      await ctx.stdout.write(out)
      if (r.exitCode) status = r.exitCode
    }
    for (const [p, s] of wfiles) {
      try {
        ctx.fs.writeFile(ctx.resolve(p), s)
      } catch (e) {
        await ctx.stderr.write(`sed: couldn't open file ${p}: ${describeError(e)}\n`)
        status = 4
      }
    }
    return status
  },
})

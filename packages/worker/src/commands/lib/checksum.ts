/** Shared body of md5sum / sha1sum / sha256sum / sha512sum: print sums, or verify them with -c. */
import type { Command } from '../types.js'
import { defineCommand } from '../define-command.js'
import { describeError } from './errors.js'
import { Md5, hex } from './md5.js'
import { operandsOrStdin } from './input.js'

type Algo = 'md5' | 'SHA-1' | 'SHA-256' | 'SHA-512'

const digest = async (algo: Algo, data: Uint8Array): Promise<string> => {
  if (algo === 'md5') return hex(new Md5().update(data).digest())
  return hex(new Uint8Array(await crypto.subtle.digest(algo, data)))
}

export const checksumCommand = (name: string, algo: Algo, label: string): Command =>
  defineCommand({
    name,
    usage: `${name} [OPTION]... [FILE]...`,
    description: `Print or check ${label} checksums.`,
    flags: {
      b: { type: 'boolean', long: 'binary', description: 'read in binary mode' },
      c: { type: 'boolean', long: 'check', description: `read ${label} sums from the FILEs and check them` },
      t: { type: 'boolean', long: 'text', description: 'read in text mode (default)' },
      quiet: { type: 'boolean', description: "don't print OK for each successfully verified file" },
      status: { type: 'boolean', description: "don't output anything, status code shows success" },
      w: { type: 'boolean', long: 'warn', description: 'warn about improperly formatted checksum lines' },
      z: { type: 'boolean', long: 'zero', description: 'end each output line with NUL, not newline' },
    },
    async run(ctx) {
      const f = ctx.flags
      const read = async (op: string): Promise<Uint8Array | string> => {
        if (op === '-') return ctx.stdin.readAll()
        try {
          const p = ctx.resolve(op)
          if (ctx.fs.stat(p).type === 'dir') return 'Is a directory'
          return ctx.fs.readFile(p)
        } catch (e) {
          return describeError(e)
        }
      }
      let status = 0
      if (!f.c) {
        let out = ''
        for (const op of operandsOrStdin(ctx.args)) {
          const data = await read(op)
          if (typeof data === 'string') {
            await ctx.stdout.write(out)
            out = ''
            await ctx.stderr.write(`${name}: ${op}: ${data}\n`)
            status = 1
            continue
          }
          out += `${await digest(algo, data)} ${f.b ? '*' : ' '}${op}${f.z ? '\0' : '\n'}`
        }
        await ctx.stdout.write(out)
        return status
      }
      let bad = 0
      let unreadable = 0
      let malformed = 0
      for (const op of operandsOrStdin(ctx.args)) {
        const list = await read(op)
        if (typeof list === 'string') {
          await ctx.stderr.write(`${name}: ${op}: ${list}\n`)
          status = 1
          continue
        }
        let anyValid = false
        for (const line of new TextDecoder().decode(list).split('\n')) {
          if (line.trim() === '') continue
          const m = /^([0-9a-fA-F]+) [ *](.+)$/.exec(line)
          if (!m) {
            malformed++
            continue
          }
          anyValid = true
          const file = m[2] as string
          const data = await read(file)
          if (typeof data === 'string') {
            await ctx.stderr.write(`${name}: ${file}: ${data}\n`)
            if (!f.status) await ctx.stdout.write(`${file}: FAILED open or read\n`)
            unreadable++
            continue
          }
          const ok = (await digest(algo, data)) === (m[1] as string).toLowerCase()
          if (!ok) bad++
          if (!f.status && (!ok || !f.quiet)) await ctx.stdout.write(`${file}: ${ok ? 'OK' : 'FAILED'}\n`)
        }
        if (!anyValid) {
          await ctx.stderr.write(`${name}: ${op === '-' ? 'standard input' : op}: no properly formatted checksum lines found\n`)
          status = 1
        }
      }
      if (!f.status) {
        if (malformed > 0 && bad + unreadable > -1 && malformed > 0) await ctx.stderr.write(`${name}: WARNING: ${malformed} line${malformed === 1 ? ' is' : 's are'} improperly formatted\n`)
        if (unreadable > 0) await ctx.stderr.write(`${name}: WARNING: ${unreadable} listed file${unreadable === 1 ? '' : 's'} could not be read\n`)
        if (bad > 0) await ctx.stderr.write(`${name}: WARNING: ${bad} computed checksum${bad === 1 ? ' did' : 's did'} NOT match\n`)
      }
      return bad > 0 || unreadable > 0 || status ? 1 : 0
    },
  })

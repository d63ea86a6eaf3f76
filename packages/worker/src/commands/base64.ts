/** base64: encode or decode base64 data (wrapping at 76 columns by default). */
import { defineCommand } from './define-command.js'
import { q } from './lib/errors.js'
import { readOperand } from './lib/input.js'

const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export const encodeBase64 = (b: Uint8Array): string => {
  let out = ''
  for (let i = 0; i < b.length; i += 3) {
    const n = ((b[i] as number) << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0)
    out += ALPHA[(n >> 18) & 63]! + ALPHA[(n >> 12) & 63]! + (i + 1 < b.length ? ALPHA[(n >> 6) & 63] : '=') + (i + 2 < b.length ? ALPHA[n & 63] : '=')
  }
  return out
}

/** Decodes base64; null when the input is invalid (unless `ignoreGarbage`). */
export const decodeBase64 = (s: string, ignoreGarbage = false): Uint8Array | null => {
  const clean = s.replace(/[\n\r]/g, '')
  const chars = ignoreGarbage ? clean.replace(/[^A-Za-z0-9+/=]/g, '') : clean
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(chars)) return null
  const body = chars.replace(/=+$/, '')
  const out = new Uint8Array(Math.floor((body.length * 3) / 4))
  let bits = 0
  let acc = 0
  let n = 0
  for (const c of body) {
    acc = (acc << 6) | ALPHA.indexOf(c)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[n++] = (acc >> bits) & 0xff
    }
  }
  if (body.length % 4 === 1) return null
  return out.subarray(0, n)
}

export default defineCommand({
  name: 'base64',
  usage: 'base64 [OPTION]... [FILE]',
  description: 'Base64 encode or decode FILE, or standard input, to standard output.',
  flags: {
    d: { type: 'boolean', long: 'decode', description: 'decode data' },
    i: { type: 'boolean', long: 'ignore-garbage', description: 'when decoding, ignore non-alphabet characters' },
    w: { type: 'string', long: 'wrap', arg: 'COLS', description: 'wrap encoded lines after COLS character (default 76); 0 disables wrapping' },
  },
  async run(ctx) {
    if (ctx.args.length > 1) {
      await ctx.stderr.write(`base64: extra operand ${q(ctx.args[1] as string)}\nTry 'base64 --help' for more information.\n`)
      return 1
    }
    const data = await readOperand(ctx, ctx.args[0] ?? '-', 'base64')
    if (data === null) return 1
    if (ctx.flags.d) {
      const out = decodeBase64(new TextDecoder().decode(data), ctx.flags.i)
      if (out === null) {
        await ctx.stderr.write('base64: invalid input\n')
        return 1
      }
      await ctx.stdout.write(out)
      return 0
    }
    const wrap = ctx.flags.w === undefined ? 76 : Number(ctx.flags.w)
    if (!Number.isInteger(wrap) || wrap < 0) {
      await ctx.stderr.write(`base64: invalid wrap size: ${q(ctx.flags.w as string)}\n`)
      return 1
    }
    const enc = encodeBase64(data)
    let out = ''
    if (wrap === 0) out = enc
    else for (let i = 0; i < enc.length; i += wrap) out += `${enc.slice(i, i + wrap)}\n`
    if (wrap === 0 || enc === '') out += wrap === 0 && enc !== '' ? '' : ''
    await ctx.stdout.write(wrap === 0 ? enc : out)
    return 0
  },
})

/** xxd: hex dump (default, -p plain, -i C include, -b bits) and its reverse (-r). */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'

export default defineCommand({
  name: 'xxd',
  usage: 'xxd [options] [infile [outfile]]',
  description: 'Make a hex dump of a file or standard input, or convert a hex dump back to binary.',
  flags: {
    c: { type: 'number', long: 'cols', arg: 'COLS', description: 'format COLS octets per line (default 16, -p 30, -i 12)' },
    g: { type: 'number', long: 'groupsize', arg: 'BYTES', description: 'number of octets per group (default 2)' },
    l: { type: 'number', long: 'len', arg: 'LEN', description: 'stop after LEN octets' },
    s: { type: 'number', long: 'seek', arg: 'OFFSET', description: 'start at OFFSET bytes' },
    p: { type: 'boolean', long: 'plain', alias: ['ps', 'postscript'], description: 'output in plain hexdump style' },
    r: { type: 'boolean', long: 'revert', description: 'convert hexdump into binary' },
    i: { type: 'boolean', long: 'include', description: 'output in C include file style' },
    u: { type: 'boolean', long: 'uppercase', description: 'use upper case hex letters' },
    b: { type: 'boolean', long: 'bits', description: 'binary digit dump' },
  },
  async run(ctx) {
    const f = ctx.flags
    const [inName, outName] = ctx.args
    let data: Uint8Array
    try {
      data = inName === undefined || inName === '-' ? await ctx.stdin.readAll() : ctx.fs.readFile(ctx.resolve(inName))
    } catch (e) {
      await ctx.stderr.write(`xxd: ${inName}: ${describeError(e)}\n`)
      return 2
    }
    const emit = async (b: Uint8Array | string) => {
      if (outName !== undefined && outName !== '-') ctx.fs.writeFile(ctx.resolve(outName), b)
      else await ctx.stdout.write(b)
    }
    if (f.r) {
      const text = new TextDecoder().decode(data)
      const bytes: number[] = []
      if (f.p) {
        const hex = text.replace(/[^0-9a-fA-F]/g, '')
        for (let i = 0; i + 1 < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16))
      } else {
        for (const line of text.split('\n')) {
          const m = /^\s*([0-9a-fA-F]+):\s?(.*)$/.exec(line)
          if (!m) continue
          const offset = parseInt(m[1] as string, 16)
          // The hex column ends at the two-space gap before the text column.
          const hexPart = (m[2] as string).split(/ {2,}/)[0] ?? ''
          const hex = hexPart.replace(/[^0-9a-fA-F]/g, '')
          while (bytes.length < offset) bytes.push(0)
          for (let i = 0; i + 1 < hex.length; i += 2) bytes[offset + i / 2] = parseInt(hex.slice(i, i + 2), 16)
        }
      }
      await emit(Uint8Array.from(bytes))
      return 0
    }
    const seek = f.s ?? 0
    data = data.subarray(seek < 0 ? Math.max(0, data.length + seek) : seek, f.l !== undefined ? (seek < 0 ? data.length + seek : seek) + f.l : undefined)
    const hx = (b: number) => {
      const s = b.toString(16).padStart(2, '0')
      return f.u ? s.toUpperCase() : s
    }
    let out = ''
    if (f.p) {
      const cols = f.c ?? 30
      for (let i = 0; i < data.length; i += cols) out += `${Array.from(data.subarray(i, i + cols), hx).join('')}\n`
      await emit(out)
      return 0
    }
    if (f.i) {
      const cols = f.c ?? 12
      const name = inName && inName !== '-' ? inName.replace(/[^A-Za-z0-9]/g, '_').replace(/^(\d)/, '__$1') : undefined
      if (name) out += `unsigned char ${name}[] = {\n`
      const lines: string[] = []
      for (let i = 0; i < data.length; i += cols) lines.push(`  ${Array.from(data.subarray(i, i + cols), (b) => `0x${hx(b)}`).join(', ')}`)
      out += lines.join(',\n') + (lines.length > 0 ? '\n' : '')
      if (name) out += `};\nunsigned int ${name}_len = ${data.length};\n`
      await emit(out)
      return 0
    }
    const cols = f.c ?? (f.b ? 6 : 16)
    const group = f.b ? (f.g ?? 1) : (f.g ?? 2)
    const cell = (b: number) => (f.b ? b.toString(2).padStart(8, '0') : hx(b))
    const cellWidth = f.b ? 8 : 2
    const groups = group > 0 ? Math.ceil(cols / group) : 1
    const hexWidth = cols * cellWidth + (group > 0 ? groups - 1 : 0)
    for (let i = 0; i < data.length; i += cols) {
      const line = data.subarray(i, i + cols)
      let hex = ''
      line.forEach((b, k) => {
        if (k > 0 && group > 0 && k % group === 0) hex += ' '
        hex += cell(b)
      })
      const text = Array.from(line, (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('')
      out += `${(seek + i).toString(16).padStart(8, '0')}: ${hex.padEnd(hexWidth)}  ${text}\n`
    }
    await emit(out)
    return 0
  },
})

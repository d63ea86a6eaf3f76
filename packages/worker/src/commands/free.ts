/**
 * free: the sandbox's memory as far as it can be known. The total is the isolate's memory
 * limit (a Durable Object runs in one isolate with 128 MiB); the amount in use is shown only
 * where the runtime reports it. workerd reports zeros, and a made-up figure would mislead,
 * so there the used, free and available columns print `-`. There is no swap.
 */
import { defineCommand } from './define-command.js'
import { q } from './lib/errors.js'
import { waitOrAbort } from './lib/wait.js'

/** The memory limit of one Workers isolate, which a Durable Object's sandbox lives in. */
export const ISOLATE_MEMORY_LIMIT_BYTES = 128 * 1024 * 1024

interface MemoryReading {
  total: number
  /** Bytes in use (JS heap + buffers), or undefined when the runtime does not say. */
  used: number | undefined
}

type MemoryUsage = () => { heapUsed: number; external: number }

/** Reads what the runtime reports; workerd's `process.memoryUsage()` is all zeros. */
export function readMemory(): MemoryReading {
  const probe = (globalThis as { process?: { memoryUsage?: MemoryUsage } }).process?.memoryUsage
  let used: number | undefined
  try {
    const m = probe?.()
    const bytes = m ? m.heapUsed + m.external : 0
    if (bytes > 0) used = Math.min(bytes, ISOLATE_MEMORY_LIMIT_BYTES)
  } catch {
    used = undefined
  }
  return { total: ISOLATE_MEMORY_LIMIT_BYTES, used }
}

const BINARY_UNITS = ['B', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi']
const SI_UNITS = ['B', 'K', 'M', 'G', 'T', 'P']

/** procps `-h`: one decimal below 10, whole units above (truncated), `0B` for nothing. */
function human(bytes: number, si: boolean): string {
  const base = si ? 1000 : 1024
  const units = si ? SI_UNITS : BINARY_UNITS
  let v = bytes
  let u = 0
  while (v >= base && u < units.length - 1) {
    v /= base
    u++
  }
  if (u === 0) return `${bytes}B`
  return v < 10 ? `${v.toFixed(1)}${units[u]}` : `${Math.floor(v)}${units[u]}`
}

interface Unit {
  divisor: number
  human: boolean
}

function pickUnit(order: readonly string[], si: boolean): Unit {
  const power = si ? 1000 : 1024
  let unit: Unit = { divisor: 1024, human: false }
  for (const flag of order) {
    if (flag === 'h') unit = { divisor: 1, human: true }
    else if (flag === 'b') unit = { divisor: 1, human: false }
    else if (flag === 'k' || flag === 'kilo') unit = { divisor: flag === 'kilo' ? 1000 : power, human: false }
    else if (flag === 'm' || flag === 'mega') unit = { divisor: (flag === 'mega' ? 1000 : power) ** 2, human: false }
    else if (flag === 'g' || flag === 'giga') unit = { divisor: (flag === 'giga' ? 1000 : power) ** 3, human: false }
  }
  return unit
}

function table(reading: MemoryReading, unit: Unit, opts: { si: boolean; wide: boolean; total: boolean }): string {
  const cell = (bytes: number | undefined): string => {
    if (bytes === undefined) return '-'
    return unit.human ? human(bytes, opts.si) : String(Math.floor(bytes / unit.divisor))
  }
  const { total, used } = reading
  const free = used === undefined ? undefined : total - used
  const cache = opts.wide ? [0, 0] : [0]
  const header = ['total', 'used', 'free', 'shared', ...(opts.wide ? ['buffers', 'cache'] : ['buff/cache']), 'available']
  const rows: Array<[string, Array<number | undefined>]> = [
    ['Mem:', [total, used, free, 0, ...cache, free]],
    ['Swap:', [0, 0, 0]],
  ]
  if (opts.total) rows.push(['Total:', [total, used, free]])
  const line = (label: string, cells: string[]) =>
    (label.padEnd(8) + cells.map((c, i) => (i === 0 ? c.padStart(12) : ` ${c.padStart(11)}`)).join('')).trimEnd()
  return [line('', header), ...rows.map(([label, values]) => line(label, values.map(cell)))].join('\n') + '\n'
}

export default defineCommand({
  name: 'free',
  usage: 'free [options]',
  description:
    "Display the amount of memory of the sandbox's isolate: the total is its 128 MiB limit; used, free and available print '-' where the runtime does not report its use.",
  flags: {
    b: { type: 'boolean', long: 'bytes', description: 'show output in bytes' },
    kilo: { type: 'boolean', description: 'show output in kilobytes' },
    mega: { type: 'boolean', description: 'show output in megabytes' },
    giga: { type: 'boolean', description: 'show output in gigabytes' },
    k: { type: 'boolean', long: 'kibi', description: 'show output in kibibytes' },
    m: { type: 'boolean', long: 'mebi', description: 'show output in mebibytes' },
    g: { type: 'boolean', long: 'gibi', description: 'show output in gibibytes' },
    h: { type: 'boolean', long: 'human', description: 'show human-readable output' },
    si: { type: 'boolean', description: 'use powers of 1000 not 1024' },
    t: { type: 'boolean', long: 'total', description: 'show total for RAM + swap' },
    w: { type: 'boolean', long: 'wide', description: 'wide output' },
    s: { type: 'string', long: 'seconds', arg: 'N', description: 'repeat printing every N seconds' },
    c: { type: 'string', long: 'count', arg: 'N', description: 'repeat printing N times, then exit' },
  },
  async run(ctx) {
    if (ctx.args.length > 0) {
      await ctx.stderr.write(`free: extra operand ${q(ctx.args[0] as string)}\nTry 'free --help' for more information.\n`)
      return 1
    }
    const f = ctx.flags
    const seconds = f.s === undefined ? undefined : Number(f.s)
    if (seconds !== undefined && !(seconds > 0 && Number.isFinite(seconds))) {
      const why = Number.isNaN(seconds) ? `seconds argument failed: '${f.s}': Invalid argument` : `seconds argument \`${f.s}' is not positive number`
      await ctx.stderr.write(`free: ${why}\n`)
      return 1
    }
    const count = f.c === undefined ? undefined : Number(f.c)
    if (count !== undefined && !(Number.isInteger(count) && count >= 1)) {
      const why = Number.isInteger(count) ? ': Numerical result out of range' : ''
      await ctx.stderr.write(`free: failed to parse count argument: '${f.c}'${why}\n`)
      return 1
    }
    const unit = pickUnit(ctx.order, f.si)
    const opts = { si: f.si, wide: f.w, total: f.t }
    const repeats = count ?? (seconds === undefined ? 1 : Infinity)
    for (let i = 0; i < repeats; i++) {
      if (i > 0) {
        if (await waitOrAbort((seconds ?? 1) * 1000, ctx.signal)) return 130
        await ctx.stdout.write('\n')
      }
      await ctx.stdout.write(table(readMemory(), unit, opts))
    }
    return 0
  },
})

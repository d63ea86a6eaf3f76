import { describe, expect, it } from 'vitest'
import { UsageError, defineCommand, helpText, parseFlags } from './define-command.js'
import { collectOutput, emptyInput } from './io.js'
import { MapEnvironment } from './lib/env.js'
import type { CommandContext } from './types.js'

const flags = {
  l: { type: 'boolean', description: 'long' },
  a: { type: 'boolean', long: 'all', description: 'all' },
  lines: { type: 'number', short: 'n', default: 10, description: 'lines' },
  e: { type: 'string', long: 'regexp', repeatable: true, description: 'pattern' },
  verbose: { type: 'boolean', short: 'v', repeatable: true, description: 'more' },
} as const

describe('parseFlags', () => {
  it('handles combined short flags, attached and separate values', () => {
    const p = parseFlags(['-la', 'x', '-n5', '-e', 'p', '-eq', '-vv'], flags)
    expect(p.values).toMatchObject({ l: true, a: true, lines: 5, e: ['p', 'q'], verbose: 2 })
    expect(p.operands).toEqual(['x'])
  })
  it('handles long options with = and separate value, and unique prefixes', () => {
    expect(parseFlags(['--lines=3'], flags).values['lines']).toBe(3)
    expect(parseFlags(['--lines', '4'], flags).values['lines']).toBe(4)
    expect(parseFlags(['--li', '4'], flags).values['lines']).toBe(4)
    expect(parseFlags(['--al'], flags).values['a']).toBe(true)
  })
  it('stops at -- and treats - as an operand', () => {
    expect(parseFlags(['-l', '--', '-a', '-'], flags).operands).toEqual(['-a', '-'])
    expect(parseFlags(['-'], flags).operands).toEqual(['-'])
  })
  it('supports numeric shorthand only when asked', () => {
    expect(parseFlags(['-5'], flags, { numericFlag: 'lines' }).values['lines']).toBe(5)
    expect(() => parseFlags(['-5'], flags)).toThrow("invalid option -- '5'")
  })
  it('stops at the first operand when asked', () => {
    expect(parseFlags(['x', '-l'], flags, { stopAtOperand: true }).operands).toEqual(['x', '-l'])
  })
  it('reports GNU-style errors', () => {
    expect(() => parseFlags(['-x'], flags)).toThrow(new UsageError("invalid option -- 'x'"))
    expect(() => parseFlags(['--nope'], flags)).toThrow("unrecognized option '--nope'")
    expect(() => parseFlags(['-n'], flags)).toThrow("option requires an argument -- 'n'")
    expect(() => parseFlags(['--lines'], flags)).toThrow("option '--lines' requires an argument")
    expect(() => parseFlags(['--all=1'], flags)).toThrow("option '--all' doesn't allow an argument")
  })
})

const ctxFor = (args: string[]) => {
  const stdout = collectOutput()
  const stderr = collectOutput()
  const ctx = {
    name: 'demo',
    args,
    cwd: '/',
    env: new MapEnvironment(),
    stdin: emptyInput(),
    stdout,
    stderr,
    signal: new AbortController().signal,
    resolve: (p: string) => p,
  } as unknown as CommandContext
  return { ctx, stdout, stderr }
}

describe('defineCommand', () => {
  const demo = defineCommand({
    name: 'demo',
    usage: 'demo [-la] [FILE]...',
    description: 'A demonstration.',
    flags,
    usageStatus: 2,
    async run(ctx) {
      await ctx.stdout.write(`${ctx.flags.lines} ${ctx.flags.l} ${ctx.args.join(',')}\n`)
      return 0
    },
  })
  it('passes typed flags and operands', async () => {
    const { ctx, stdout } = ctxFor(['a', '-l', '-n', '2', 'b'])
    expect(await demo.run(ctx)).toBe(0)
    expect(stdout.text()).toBe('2 true a,b\n')
  })
  it('prints help and exits 0', async () => {
    const { ctx, stdout } = ctxFor(['--help'])
    expect(await demo.run(ctx)).toBe(0)
    expect(stdout.text()).toContain('Usage: demo [-la] [FILE]...\nA demonstration.\n')
    expect(stdout.text()).toContain('-n, --lines=N')
  })
  it('rejects unknown options with the usage status', async () => {
    const { ctx, stderr } = ctxFor(['-z'])
    expect(await demo.run(ctx)).toBe(2)
    expect(stderr.text()).toBe("demo: invalid option -- 'z'\nTry 'demo --help' for more information.\n")
  })
  it('help text lists every flag', () => {
    expect(helpText({ name: 'x', usage: 'x', description: 'd', flags: {}, run: async () => 0 })).toContain('--help')
  })
})

/** `command [-vV] name`, `builtin name`, `type [-tpa] name`: lookup without functions, and describing names. */
import { BASH_BUILTIN_COMMANDS } from './names.js'
import { defineBuiltin, fail, out, shellQuote, type BuiltinContext } from './types.js'

type Kind = 'alias' | 'keyword' | 'function' | 'builtin' | 'file'

function resolve(ctx: BuiltinContext, name: string): { kind: Kind; detail?: string } | undefined {
  const d = ctx.interp.describe(name)
  if (!d) return undefined
  if (d.kind === 'command') return BASH_BUILTIN_COMMANDS.has(name) ? { kind: 'builtin' } : { kind: 'file', detail: d.detail ?? `/usr/bin/${name}` }
  return d.kind === 'file' ? { kind: 'file', detail: d.detail ?? name } : { kind: d.kind, ...(d.detail !== undefined ? { detail: d.detail } : {}) }
}

export const command = defineBuiltin({
  name: 'command',
  usage: 'command [-pVv] command [arg ...]',
  async run(ctx) {
    const args = ctx.args.slice()
    let mode: '' | 'v' | 'V' = ''
    while (args[0]?.startsWith('-') && args[0].length > 1) {
      const a = args.shift()!
      if (a === '--') break
      if (a.includes('v')) mode = 'v'
      if (a.includes('V')) mode = 'V'
    }
    if (args.length === 0) return 0
    if (mode) {
      let status = 0
      for (const name of args) {
        const r = resolve(ctx, name)
        if (!r) {
          if (mode === 'V') await fail(ctx, `${name}: not found`)
          status = 1
          continue
        }
        if (mode === 'v') await out(ctx, r.kind === 'alias' ? `alias ${name}=${shellQuote(r.detail ?? '')}\n` : r.kind === 'file' ? `${r.detail}\n` : `${name}\n`)
        else await out(ctx, describe(name, r) + '\n')
      }
      return status
    }
    return ctx.interp.invoke(args, ctx.env, ctx.extraEnv, { skipFunctions: true })
  },
})

export const builtin = defineBuiltin({
  name: 'builtin',
  usage: 'builtin [shell-builtin [arg ...]]',
  async run(ctx) {
    const name = ctx.args[0]
    if (name === undefined) return 0
    if (BASH_BUILTIN_COMMANDS.has(name) && ctx.interp.rt.commands.has(name)) {
      return ctx.interp.runCommandObject(ctx.interp.rt.commands.get(name)!, ctx.args, ctx.env, ctx.extraEnv)
    }
    return ctx.interp.invoke(ctx.args, ctx.env, ctx.extraEnv, { onlyBuiltins: true })
  },
})

function describe(name: string, r: { kind: Kind; detail?: string }): string {
  switch (r.kind) {
    case 'alias': return `${name} is aliased to \`${r.detail}'`
    case 'keyword': return `${name} is a shell keyword`
    case 'function': return `${name} is a function`
    case 'builtin': return `${name} is a shell builtin`
    default: return `${name} is ${r.detail}`
  }
}

export const type = defineBuiltin({
  name: 'type',
  usage: 'type [-afptP] name [name ...]',
  async run(ctx) {
    let mode: '' | 't' | 'p' = ''
    const names: string[] = []
    for (const a of ctx.args) {
      if (/^-[afptP]+$/.test(a)) {
        if (a.includes('t')) mode = 't'
        else if (a.includes('p') || a.includes('P')) mode = 'p'
      } else names.push(a)
    }
    let status = 0
    for (const name of names) {
      const r = resolve(ctx, name)
      if (!r) {
        if (mode === '') await fail(ctx, `${name}: not found`)
        status = 1
        continue
      }
      if (mode === 't') await out(ctx, `${r.kind}\n`)
      else if (mode === 'p') {
        if (r.kind === 'file') await out(ctx, `${r.detail}\n`)
      } else await out(ctx, describe(name, r) + '\n')
    }
    return status
  },
})

/**
 * `declare`/`typeset`, `local` and `readonly`: variable attributes (-a -i -x -r), printing
 * (-p) and function listing (-f -F). Inside a function, declare and local make locals.
 */
import { declareQuote, defineBuiltin, fail, isName, out, state, type BuiltinContext } from './types.js'

async function declareLike(ctx: BuiltinContext, mode: 'declare' | 'local' | 'readonly'): Promise<number> {
  const st = state(ctx)
  const flags = new Set<string>()
  const off = new Set<string>()
  const args: string[] = []
  for (const a of ctx.args) {
    if (args.length === 0 && /^[-+][a-zA-Z]+$/.test(a)) {
      for (const c of a.slice(1)) (a[0] === '-' ? flags : off).add(c)
    } else if (a !== '--') args.push(a)
  }
  if (mode === 'local' && st.locals.length === 0) return fail(ctx, 'can only be used in a function')
  if (mode === 'readonly') flags.add('r')
  if (flags.has('A')) return fail(ctx, '-A: associative arrays are not supported', 2)
  if (flags.has('f') || flags.has('F')) {
    const names = args.length ? args : [...st.functions.keys()].sort()
    let text = ''
    let status = 0
    for (const n of names) {
      if (!st.functions.has(n)) {
        status = 1
        continue
      }
      text += flags.has('F') ? `declare -f ${n}\n` : `${n} ()\n`
    }
    await out(ctx, text)
    return status
  }
  if (args.length === 0 || (flags.has('p') && args.length === 0)) {
    let text = ''
    for (const name of st.names()) {
      const v = st.lookup(name)!
      if (mode === 'readonly' && !v.readonly) continue
      if (flags.has('x') && !v.exported) continue
      text += describeVar(name, v) + '\n'
    }
    await out(ctx, text)
    return 0
  }
  if (flags.has('p')) {
    let status = 0
    let text = ''
    for (const n of args) {
      const v = st.lookup(n)
      if (!v) status = await fail(ctx, `${n}: not found`)
      else text += describeVar(n, v) + '\n'
    }
    await out(ctx, text)
    return status
  }
  const makeLocal = mode === 'local' || (mode === 'declare' && st.locals.length > 0 && !flags.has('g'))
  let status = 0
  for (const a of args) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\+?=)?([\s\S]*)$/.exec(a)
    if (!m || !isName(m[1]!)) {
      status = await fail(ctx, `\`${a}': not a valid identifier`)
      continue
    }
    const name = m[1]!
    const existing = st.lookup(name)
    if (existing?.readonly && m[3]) {
      status = await fail(ctx, `${name}: readonly variable`)
      continue
    }
    const v = makeLocal ? st.declareLocal(name) : existing ?? (st.set(name, ''), st.lookup(name)!)
    if (makeLocal && !m[3] && existing && v !== existing) {
      // `local x` shadows with an empty value; keep arrays as arrays.
      v.value = flags.has('a') ? [] : ''
    }
    if (flags.has('a') && !Array.isArray(v.value)) v.value = v.value === '' ? [] : [v.value]
    if (flags.has('i')) v.integer = true
    if (off.has('i')) v.integer = false
    if (flags.has('x')) v.exported = true
    if (off.has('x')) v.exported = false
    const arrayValues = ctx.arrays?.get(name)
    if (m[3] && arrayValues) {
      v.value = m[3] === '+=' && Array.isArray(v.value) ? [...v.value, ...arrayValues] : arrayValues.slice()
    } else if (m[3]) {
      let value = m[4]!
      const arr = /^\((.*)\)$/s.exec(value)
      if (arr && (flags.has('a') || Array.isArray(v.value))) {
        const words = await ctx.interp.expander.expandWords(
          arr[1]!.trim() === '' ? [] : arr[1]!.trim().split(/\s+/).map((w) => ({ parts: [{ type: 'lit' as const, value: w.replace(/^["']|["']$/g, '') }] })),
        )
        v.value = m[3] === '+=' && Array.isArray(v.value) ? [...v.value, ...words] : words
      } else {
        if (v.integer) value = String(await ctx.interp.expander.arithBig(m[3] === '+=' ? `${Array.isArray(v.value) ? v.value[0] ?? 0 : v.value || 0}+(${value})` : value))
        else if (m[3] === '+=') value = (Array.isArray(v.value) ? v.value[0] ?? '' : v.value) + value
        if (m[2]) {
          const idx = await ctx.interp.expander.arith(m[2].slice(1, -1))
          if (!Array.isArray(v.value)) v.value = [v.value]
          v.value[idx] = value
        } else if (Array.isArray(v.value)) v.value[0] = value
        else v.value = value
      }
    }
    if (flags.has('r')) v.readonly = true
  }
  return status
}

function describeVar(name: string, v: { value: string | string[]; exported: boolean; readonly: boolean; integer: boolean }): string {
  let f = ''
  if (Array.isArray(v.value)) f += 'a'
  if (v.integer) f += 'i'
  if (v.readonly) f += 'r'
  if (v.exported) f += 'x'
  const flags = f ? `-${f}` : '--'
  if (Array.isArray(v.value)) {
    const items: string[] = []
    v.value.forEach((x, i) => items.push(`[${i}]=${declareQuote(x)}`))
    return `declare ${flags} ${name}=(${items.join(' ')})`
  }
  return `declare ${flags} ${name}=${declareQuote(v.value)}`
}

export const declare = defineBuiltin({ name: 'declare', usage: 'declare [-aixrgpfF] [name[=value] ...]', run: (ctx) => declareLike(ctx, 'declare') })
export const typeset = defineBuiltin({ name: 'typeset', usage: 'typeset [-aixrgpfF] [name[=value] ...]', run: (ctx) => declareLike(ctx, 'declare') })
export const local = defineBuiltin({ name: 'local', usage: 'local [option] name[=value] ...', run: (ctx) => declareLike(ctx, 'local') })
export const readonly = defineBuiltin({ name: 'readonly', usage: 'readonly [-ap] [name[=value] ...]', run: (ctx) => declareLike(ctx, 'readonly') })

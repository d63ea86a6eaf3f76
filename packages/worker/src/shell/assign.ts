/**
 * Variable assignment: `name=value`, `name+=value`, `a[i]=v`, `a=(x y [5]=z)`, with
 * integer attributes evaluated arithmetically.
 */
import type { Assignment } from './ast.js'
import type { Interpreter } from './interpreter.js'

export async function assignVariable(interp: Interpreter, a: Assignment, opts: { export?: boolean; local?: boolean } = {}): Promise<string> {
  const st = interp.state
  if (opts.local) st.declareLocal(a.name)
  if (a.array) {
    const values: string[] = []
    const explicit: Array<[number, string]> = []
    for (const w of a.array) {
      const first = w.parts[0]
      const firstText = first?.type === 'lit' ? first.value : ''
      const m = /^\[([^\]]*)\]=/.exec(firstText)
      if (m) {
        const rest = { parts: [{ type: 'lit' as const, value: firstText.slice(m[0].length) }, ...w.parts.slice(1)] }
        explicit.push([await interp.expander.arith(m[1]!), await interp.expander.expandString(rest)])
        continue
      }
      values.push(...(await interp.expander.expandWords([w])))
    }
    if (explicit.length) {
      if (!a.append) st.setArray(a.name, [])
      let next = 0
      const v = st.lookup(a.name)
      if (a.append && v && Array.isArray(v.value)) next = v.value.length
      for (const [i, val] of explicit) st.setElement(a.name, i, val)
      for (const val of values) st.setElement(a.name, next++, val)
    } else st.setArray(a.name, values, a.append)
    if (opts.export) st.lookup(a.name)!.exported = true
    return ''
  }
  const value = a.value ? await interp.expander.expandString(a.value) : ''
  let final = value
  const v = st.lookup(a.name)
  if (v?.integer) final = String(await interp.expander.arithBig(a.append ? `${st.get(a.name) ?? 0}+(${value})` : value))
  if (a.index !== undefined) {
    const idx = a.index === '@' || a.index === '*' ? 0 : await interp.expander.arith(a.index)
    st.setElement(a.name, idx, final, a.append && !v?.integer)
  } else st.set(a.name, final, { append: a.append && !v?.integer, export: !!opts.export })
  return final
}

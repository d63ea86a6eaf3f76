/** `mapfile`/`readarray [-t] [array]`: reads stdin lines into an indexed array. */
import { defineBuiltin, fail, isName, state, type BuiltinContext } from './types.js'

async function run(ctx: BuiltinContext): Promise<number> {
  let trim = false
  let name = 'MAPFILE'
  for (const a of ctx.args) {
    if (a === '-t') trim = true
    else if (isName(a)) name = a
    else return fail(ctx, `${a}: invalid option`, 2)
  }
  const lines: string[] = []
  for (;;) {
    const r = await ctx.env.io.stdin.readLine()
    if (r === null) break
    lines.push(trim || !r.complete ? r.line : r.line + '\n')
  }
  state(ctx).setArray(name, lines)
  return 0
}

export const mapfile = defineBuiltin({ name: 'mapfile', usage: 'mapfile [-t] [array]', run })
export const readarray = defineBuiltin({ name: 'readarray', usage: 'readarray [-t] [array]', run })

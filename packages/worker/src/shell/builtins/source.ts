/** `source file [args]` and `. file`: runs a file in the current shell. */
import { resolvePath } from '../../commands/lib/path.js'
import { ReturnSignal } from '../errors.js'
import { lookupPath } from '../scripts.js'
import { defineBuiltin, fail, state } from './types.js'

const make = (name: string) =>
  defineBuiltin({
    name,
    usage: `${name} filename [arguments]`,
    async run(ctx) {
      const st = state(ctx)
      const file = ctx.args[0]
      if (file === undefined) return fail(ctx, 'filename argument required', 2)
      let path = resolvePath(st.cwd, file)
      if (!file.includes('/')) {
        const found = lookupPath(ctx.interp, file)
        if (found.path) path = found.path
      }
      let source: string
      try {
        if (ctx.interp.fs.stat(path).type === 'dir') return fail(ctx, `${file}: is a directory`)
        source = ctx.interp.fs.readText(path)
      } catch {
        await ctx.interp.report(ctx.env.io.stderr, `${file}: No such file or directory`)
        return 1
      }
      const savedPos = st.positional
      if (ctx.args.length > 1) st.positional = ctx.args.slice(1)
      st.sourcing++
      try {
        return await ctx.interp.evalString(source, ctx.env)
      } catch (e) {
        if (e instanceof ReturnSignal) return e.status
        throw e
      } finally {
        st.sourcing--
        if (ctx.args.length > 1) st.positional = savedPos
      }
    },
  })

export const source = make('source')
export const dot = make('.')

/** `cd [dir|-]`: changes the working directory (logical paths) and keeps PWD/OLDPWD. */
import { resolvePath } from '../../commands/lib/path.js'
import { isVfsError } from '../../vfs/types.js'
import { defineBuiltin, fail, out, state } from './types.js'

export default defineBuiltin({
  name: 'cd',
  usage: 'cd [-L|-P] [dir]',
  async run(ctx) {
    const st = state(ctx)
    const args = ctx.args.filter((a) => a !== '-L' && a !== '-P')
    if (args[0] === '--') args.shift()
    if (args.length > 1) return fail(ctx, 'too many arguments')
    let target = args[0]
    let print = false
    if (target === undefined || target === '') {
      target = st.get('HOME')
      if (target === undefined) return fail(ctx, 'HOME not set')
    } else if (target === '-') {
      target = st.get('OLDPWD')
      if (target === undefined) return fail(ctx, 'OLDPWD not set')
      print = true
    }
    const abs = resolvePath(st.cwd, target)
    try {
      const s = ctx.interp.fs.stat(abs)
      if (s.type !== 'dir') return fail(ctx, `${target}: Not a directory`)
    } catch (e) {
      return fail(ctx, `${target}: ${isVfsError(e) ? e.description : 'No such file or directory'}`)
    }
    st.set('OLDPWD', st.cwd)
    st.cwd = abs
    st.set('PWD', abs)
    if (print) await out(ctx, abs + '\n')
    return 0
  },
})

/**
 * Compound commands: if, loops, case, groups, subshells, `(( ))` and `[[ ]]`. Loops
 * catch the break/continue signals addressed to them and check the abort signal on
 * every turn, so `while true; do :; done` stops on Ctrl-C or a timeout.
 */
import type { Compound, Script } from './ast.js'
import { evalCond } from './cond.js'
import { BreakSignal, ContinueSignal, ShellError } from './errors.js'
import type { ExecEnv, Interpreter } from './interpreter.js'
import { matchPattern } from './pattern.js'

type Body = Compound['body']

async function condition(interp: Interpreter, script: Script, env: ExecEnv): Promise<number> {
  interp.state.errexitSuppressed++
  try {
    return await interp.runScript(script, env)
  } finally {
    interp.state.errexitSuppressed--
  }
}

/** Runs a loop body; returns 'break' or 'continue' when a signal for this loop arrived. */
async function loopBody(interp: Interpreter, body: Script, env: ExecEnv): Promise<{ status: number; flow?: 'break' | 'continue' }> {
  try {
    return { status: await interp.runScript(body, env) }
  } catch (e) {
    if (e instanceof BreakSignal) {
      if (e.levels > 1) {
        e.levels--
        throw e
      }
      return { status: 0, flow: 'break' }
    }
    if (e instanceof ContinueSignal) {
      if (e.levels > 1) {
        e.levels--
        throw e
      }
      return { status: 0, flow: 'continue' }
    }
    throw e
  }
}

export async function runCompound(interp: Interpreter, c: Body, env: ExecEnv): Promise<number> {
  const st = interp.state
  switch (c.type) {
    case 'group':
      return interp.runScript(c.body, env)
    case 'subshell':
      return interp.fork().runSubshellBody(c.body, env)
    case 'if': {
      for (const clause of c.clauses) {
        if ((await condition(interp, clause.cond, env)) === 0) return interp.runScript(clause.body, env)
      }
      return c.elseBody ? interp.runScript(c.elseBody, env) : 0
    }
    case 'while': {
      let status = 0
      st.loops++
      try {
        for (;;) {
          await interp.checkpoint(env.signal)
          const s = await condition(interp, c.cond, env)
          if (c.until ? s === 0 : s !== 0) break
          const r = await loopBody(interp, c.body, env)
          status = r.status
          if (r.flow === 'break') break
        }
      } finally {
        st.loops--
      }
      return status
    }
    case 'for': {
      const items = c.words ? await interp.expander.expandWords(c.words) : st.positional.slice()
      let status = 0
      st.loops++
      try {
        for (const item of items) {
          await interp.checkpoint(env.signal)
          st.set(c.name, item)
          const r = await loopBody(interp, c.body, env)
          status = r.status
          if (r.flow === 'break') break
        }
      } finally {
        st.loops--
      }
      return status
    }
    case 'arithfor': {
      const x = interp.expander
      let status = 0
      st.loops++
      try {
        if (c.init) await x.arith(c.init)
        for (;;) {
          await interp.checkpoint(env.signal)
          if (c.cond && (await x.arithBig(c.cond)) === 0n) break
          const r = await loopBody(interp, c.body, env)
          status = r.status
          if (r.flow === 'break') break
          if (c.step) await x.arith(c.step)
        }
      } catch (e) {
        if (e instanceof ShellError && e.code === 'arith') throw new ShellError('arith', `((: ${e.message}`)
        throw e
      } finally {
        st.loops--
      }
      return status
    }
    case 'case': {
      const value = await interp.expander.expandString(c.word)
      let fallthrough = false
      let status = 0
      for (const item of c.items) {
        let matched = fallthrough
        if (!matched) {
          for (const p of item.patterns) {
            if (matchPattern(await interp.expander.expandPattern(p), value)) {
              matched = true
              break
            }
          }
        }
        if (!matched) continue
        status = await interp.runScript(item.body, env)
        if (item.terminator === ';;') return status
        fallthrough = item.terminator === ';&'
      }
      return status
    }
    case 'arithcmd': {
      try {
        return (await interp.expander.arithBig(c.expr)) !== 0n ? 0 : 1
      } catch (e) {
        if (e instanceof ShellError && e.code === 'arith') throw new ShellError('arith', `((: ${e.message}`)
        throw e
      }
    }
    case 'cond': {
      try {
        return (await evalCond(interp, c.expr)) ? 0 : 1
      } catch (e) {
        if (e instanceof ShellError && !e.fatal) {
          await interp.report(env.io.stderr, e.message)
          return 2
        }
        throw e
      }
    }
  }
}

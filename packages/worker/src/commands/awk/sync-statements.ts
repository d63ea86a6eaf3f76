/**
 * The synchronous twin of statements.ts, for main rules that never need the host (see
 * `ruleRunsSync` in analysis.ts): awaiting once per statement and record dominated the cost of
 * simple programs over large inputs. It must behave exactly like the async executor; the only
 * difference is that stdout is flushed by the record loop between records rather than inside a
 * print, which is why rules with a print inside a loop stay asynchronous.
 */
import type { Stmt } from './ast.js'
import { type Cell, awkSprintf, fromInput, numToStr, toBool, toNum } from './values.js'
import { AwkRuntimeError } from './errors.js'
import { AwkStatements } from './statements.js'
import { BreakSignal, ContinueSignal, ExitSignal, NextFileSignal, NextSignal, ReturnSignal } from './signals.js'

export abstract class AwkSyncStatements extends AwkStatements {
  execBlockSync(body: Stmt[]): void {
    for (const s of body) this.execSync(s)
  }

  execSync(s: Stmt): void {
    if (this.host.aborted()) throw new ExitSignal(130)
    switch (s.t) {
      case 'expr':
        this.evalSync(s.expr)
        return
      case 'print':
      case 'printf': {
        // Formatting is interleaved with evaluation as in exec(): an argument may change CONVFMT or OFS.
        if (s.redirect) throw new AwkRuntimeError('internal: redirected output in a synchronous rule')
        if (s.t === 'print') {
          const ofs = this.str(this.globals.get('OFS') as Cell)
          const ofmt = this.str(this.globals.get('OFMT') as Cell)
          const parts: string[] = []
          if (s.args.length === 0) parts.push(this.record)
          for (const a of s.args) {
            const v = this.evalSync(a)
            parts.push(typeof v === 'number' ? numToStr(v, ofmt) : this.str(v))
          }
          this.out += parts.join(ofs) + this.str(this.globals.get('ORS') as Cell)
        } else {
          if (s.args.length === 0) throw new AwkRuntimeError('printf: no format')
          const vals: Cell[] = []
          for (const a of s.args) vals.push(this.evalSync(a))
          this.out += awkSprintf(this.str(vals[0]), vals.slice(1), this.convfmt)
        }
        return
      }
      case 'if':
        if (toBool(this.evalSync(s.test))) this.execSync(s.yes)
        else if (s.no) this.execSync(s.no)
        return
      case 'while':
        while (toBool(this.evalSync(s.test))) {
          try {
            this.execSync(s.body)
          } catch (e) {
            if (e instanceof BreakSignal) break
            if (!(e instanceof ContinueSignal)) throw e
          }
        }
        return
      case 'do':
        do {
          try {
            this.execSync(s.body)
          } catch (e) {
            if (e instanceof BreakSignal) break
            if (!(e instanceof ContinueSignal)) throw e
          }
        } while (toBool(this.evalSync(s.test)))
        return
      case 'for':
        if (s.init) this.execSync(s.init)
        while (!s.test || toBool(this.evalSync(s.test))) {
          try {
            this.execSync(s.body)
          } catch (e) {
            if (e instanceof BreakSignal) break
            if (!(e instanceof ContinueSignal)) throw e
          }
          if (s.step) this.execSync(s.step)
        }
        return
      case 'forin': {
        const a = this.getArray(s.arr)
        for (const k of [...a.keys()]) {
          if (!a.has(k)) continue
          this.setVar(s.key, fromInput(k))
          try {
            this.execSync(s.body)
          } catch (e) {
            if (e instanceof BreakSignal) break
            if (!(e instanceof ContinueSignal)) throw e
          }
        }
        return
      }
      case 'block':
        this.execBlockSync(s.body)
        return
      case 'next':
        if (this.inEnd) throw new AwkRuntimeError('`next\' used in END action')
        throw new NextSignal()
      case 'nextfile':
        throw new NextFileSignal()
      case 'break':
        throw new BreakSignal()
      case 'continue':
        throw new ContinueSignal()
      case 'exit':
        throw new ExitSignal(s.value ? Math.trunc(toNum(this.evalSync(s.value))) : this.exitCode)
      case 'return':
        throw new ReturnSignal(s.value ? this.evalSync(s.value) : undefined)
      case 'delete': {
        const a = this.getArray(s.name)
        if (!s.subs) a.clear()
        else a.delete(this.subscript(s.subs.map((x) => ({ t: 'str' as const, v: this.str(this.evalSync(x)) }))))
        return
      }
      case 'getline':
        this.evalSync(s.expr)
        return
    }
  }
}

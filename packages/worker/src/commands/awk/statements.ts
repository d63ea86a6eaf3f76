/** awk statements, run asynchronously so getline, user functions, redirections and pipes can await the host. */
import type { Stmt } from './ast.js'
import { type Cell, awkSprintf, fromInput, numToStr, toBool, toNum } from './values.js'
import { AwkRuntimeError } from './errors.js'
import { AwkEvaluator } from './expressions.js'
import { BreakSignal, ContinueSignal, ExitSignal, NextFileSignal, NextSignal, ReturnSignal } from './signals.js'

export abstract class AwkStatements extends AwkEvaluator {
  inEnd = false

  async execBlock(body: Stmt[]) {
    for (const s of body) await this.exec(s)
  }

  async exec(s: Stmt): Promise<void> {
    if (this.host.aborted()) throw new ExitSignal(130)
    switch (s.t) {
      case 'expr':
        await this.eval(s.expr)
        return
      case 'print':
      case 'printf': {
        let text: string
        if (s.t === 'print') {
          const ofs = this.str(this.globals.get('OFS') as Cell)
          const ofmt = this.str(this.globals.get('OFMT') as Cell)
          const parts: string[] = []
          if (s.args.length === 0) parts.push(this.record)
          for (const a of s.args) {
            const v = await this.eval(a)
            parts.push(typeof v === 'number' ? numToStr(v, ofmt) : this.str(v))
          }
          text = parts.join(ofs) + this.str(this.globals.get('ORS') as Cell)
        } else {
          if (s.args.length === 0) throw new AwkRuntimeError('printf: no format')
          const vals: Cell[] = []
          for (const a of s.args) vals.push(await this.eval(a))
          text = awkSprintf(this.str(vals[0]), vals.slice(1), this.convfmt)
        }
        if (!s.redirect) {
          this.out += text
          if (this.out.length > 32768) await this.flush()
          return
        }
        const dest = this.str(await this.eval(s.redirect.dest))
        if (dest === '/dev/stdout' || dest === '-') {
          this.out += text
          return
        }
        if (dest === '/dev/stderr') {
          await this.flush()
          await this.host.writeErr(text)
          return
        }
        let f = this.outFiles.get(dest)
        if (!f) {
          f = { kind: s.redirect.op, buf: '' }
          this.outFiles.set(dest, f)
          if (s.redirect.op === '>') this.host.writeFile(dest, '', false)
        }
        f.buf += text
        if (f.kind !== '|' && f.buf.length > 32768) {
          this.host.writeFile(dest, f.buf, true)
          f.buf = ''
        }
        return
      }
      case 'if':
        if (toBool(await this.eval(s.test))) await this.exec(s.yes)
        else if (s.no) await this.exec(s.no)
        return
      case 'while':
        while (toBool(await this.eval(s.test))) {
          try {
            await this.exec(s.body)
          } catch (e) {
            if (e instanceof BreakSignal) break
            if (!(e instanceof ContinueSignal)) throw e
          }
        }
        return
      case 'do':
        do {
          try {
            await this.exec(s.body)
          } catch (e) {
            if (e instanceof BreakSignal) break
            if (!(e instanceof ContinueSignal)) throw e
          }
        } while (toBool(await this.eval(s.test)))
        return
      case 'for':
        if (s.init) await this.exec(s.init)
        while (!s.test || toBool(await this.eval(s.test))) {
          try {
            await this.exec(s.body)
          } catch (e) {
            if (e instanceof BreakSignal) break
            if (!(e instanceof ContinueSignal)) throw e
          }
          if (s.step) await this.exec(s.step)
        }
        return
      case 'forin': {
        const a = this.getArray(s.arr)
        for (const k of [...a.keys()]) {
          if (!a.has(k)) continue
          this.setVar(s.key, fromInput(k))
          try {
            await this.exec(s.body)
          } catch (e) {
            if (e instanceof BreakSignal) break
            if (!(e instanceof ContinueSignal)) throw e
          }
        }
        return
      }
      case 'block':
        await this.execBlock(s.body)
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
        throw new ExitSignal(s.value ? Math.trunc(toNum(await this.eval(s.value))) : this.exitCode)
      case 'return':
        throw new ReturnSignal(s.value ? await this.eval(s.value) : undefined)
      case 'delete': {
        const a = this.getArray(s.name)
        if (!s.subs) a.clear()
        else {
          const subs = await Promise.all(s.subs.map(async (x) => ({ t: 'str' as const, v: this.str(await this.eval(x)) })))
          a.delete(this.subscript(subs))
        }
        return
      }
      case 'getline':
        await this.eval(s.expr)
        return
    }
  }
}

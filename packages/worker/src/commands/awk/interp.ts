/** awk interpreter: BEGIN, the record loop over the main rules, and END (statements and expressions in their own modules). */
import type { Expr, Rule } from './ast.js'
import { type Cell, toBool, toNum } from './values.js'
import { ruleRunsSync } from './analysis.js'
import { AwkRuntimeError } from './errors.js'
import { processEscapes } from './ops.js'
import { ExitSignal, NextFileSignal, NextSignal } from './signals.js'
import { AwkSyncStatements } from './sync-statements.js'

export { AwkRuntimeError, processEscapes }
export type { AwkHost } from './state.js'

export class Interpreter extends AwkSyncStatements {
  rangeActive: boolean[] = []

  /** Applies the main rules to the current record, awaiting only the async parts. */
  async applyRules(mains: Rule[]): Promise<void> {
    for (let k = 0; k < mains.length; k++) {
      const r = mains[k] as Rule
      let matched: boolean
      if (r.pattern2) {
        if (!this.rangeActive[k]) {
          matched = toBool(await this.eval(r.pattern as Expr))
          if (matched) this.rangeActive[k] = !toBool(await this.eval(r.pattern2))
        } else {
          matched = true
          if (toBool(await this.eval(r.pattern2))) this.rangeActive[k] = false
        }
      } else matched = r.pattern ? toBool(await this.eval(r.pattern)) : true
      if (!matched) continue
      if (r.action) await this.execBlock(r.action)
      else {
        this.out += this.record + this.str(this.globals.get('ORS') as Cell)
        if (this.out.length > 32768) await this.flush()
      }
    }
  }

  /** `applyRules` for rules that passed `ruleRunsSync`; the record loop flushes stdout. */
  applyRulesSync(mains: Rule[]): void {
    for (let k = 0; k < mains.length; k++) {
      const r = mains[k] as Rule
      let matched: boolean
      if (r.pattern2) {
        if (!this.rangeActive[k]) {
          matched = toBool(this.evalSync(r.pattern as Expr))
          if (matched) this.rangeActive[k] = !toBool(this.evalSync(r.pattern2))
        } else {
          matched = true
          if (toBool(this.evalSync(r.pattern2))) this.rangeActive[k] = false
        }
      } else matched = r.pattern ? toBool(this.evalSync(r.pattern)) : true
      if (!matched) continue
      if (r.action) this.execBlockSync(r.action)
      else this.out += this.record + this.str(this.globals.get('ORS') as Cell)
    }
  }

  async run(): Promise<number> {
    const begins = this.prog.rules.filter((r) => r.kind === 'begin')
    const mains = this.prog.rules.filter((r) => r.kind === 'main')
    const ends = this.prog.rules.filter((r) => r.kind === 'end')
    const mainsRunSync = mains.every(ruleRunsSync)
    let exiting: ExitSignal | null = null
    try {
      for (const r of begins) await this.execBlock(r.action ?? [])
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e
      exiting = e
    }
    if (!exiting && (mains.length > 0 || ends.length > 0)) {
      try {
        for (;;) {
          // Synchronous rules leave stdout to be flushed here, also after `next`.
          if (mainsRunSync && this.out.length > 32768) await this.flush()
          // A record already buffered is taken without awaiting; reading more input goes through the host.
          const rec = this.mainReader?.nextBuffered(this.str(this.globals.get('RS') as Cell)) ?? (await this.nextMainRecord())
          if (rec === null) break
          this.globals.set('NR', toNum(this.globals.get('NR') as Cell) + 1)
          this.globals.set('FNR', toNum(this.globals.get('FNR') as Cell) + 1)
          this.setRecord(rec)
          try {
            if (mainsRunSync) this.applyRulesSync(mains)
            else await this.applyRules(mains)
          } catch (e) {
            if (e instanceof NextSignal) continue
            if (e instanceof NextFileSignal) {
              this.mainReader = null
              continue
            }
            throw e
          }
        }
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e
        exiting = e
      }
    }
    // END rules run after `exit` in BEGIN or main, unless exit is called again inside END.
    if (!(exiting && exiting.code === 130 && this.host.aborted())) {
      this.inEnd = true
      try {
        for (const r of ends) await this.execBlock(r.action ?? [])
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e
        exiting = e
      }
    }
    await this.flush()
    for (const [name, f] of this.outFiles) await this.closeOut(name, f)
    return exiting ? exiting.code : this.exitCode
  }
}

/**
 * awk's input and output: the main input over ARGV (with var=value operands), getline from
 * files and commands, output redirections and pipes, close/system/fflush, buffered stdout.
 */
import type { Expr } from './ast.js'
import { type Cell, fromInput, toNum } from './values.js'
import { processEscapes } from './ops.js'
import { RecordReader } from './records.js'
import { AwkState } from './state.js'

export abstract class AwkIo extends AwkState {
  outFiles = new Map<string, { kind: '>' | '>>' | '|'; buf: string }>()
  inFiles = new Map<string, { lines: string[]; pos: number }>()
  out = ''
  mainReader: RecordReader | null = null
  argIndex = 1
  exitCode = 0

  abstract eval(e: Expr): Promise<Cell>
  abstract assignAsync(target: Expr, v: Cell): Promise<void>

  async ioBuiltin(name: string, args: Expr[]): Promise<Cell> {
    if (name === 'fflush') {
      await this.flush()
      return 0
    }
    const arg = this.str(await this.eval(args[0] as Expr))
    if (name === 'system') {
      await this.flush()
      const r = await this.host.runCommand(arg)
      if (r.stdout) await this.host.write(r.stdout)
      return r.status
    }
    // close
    const f = this.outFiles.get(arg)
    if (f) {
      await this.closeOut(arg, f)
      this.outFiles.delete(arg)
      return 0
    }
    if (this.inFiles.delete(arg)) return 0
    return -1
  }

  async closeOut(name: string, f: { kind: '>' | '>>' | '|'; buf: string }) {
    if (f.kind === '|') {
      await this.flush()
      const r = await this.host.runCommand(name, f.buf)
      if (r.stdout) await this.host.write(r.stdout)
    } else {
      this.host.writeFile(name, f.buf, true)
    }
    f.buf = ''
  }

  async getline(e: Extract<Expr, { t: 'getline' }>): Promise<Cell> {
    let line: string | null
    if (e.kind === 'plain') {
      line = await this.nextMainRecord()
      if (line === null) return 0
      this.globals.set('NR', toNum(this.globals.get('NR') as Cell) + 1)
      this.globals.set('FNR', toNum(this.globals.get('FNR') as Cell) + 1)
    } else {
      const src = this.str(await this.eval(e.src as Expr))
      let f = this.inFiles.get(src)
      if (!f) {
        let text: string | null
        if (e.kind === 'cmd') {
          await this.flush()
          text = (await this.host.runCommand(src)).stdout
        } else text = this.host.readFile(src)
        if (text === null) return -1
        const lines = text.split(this.str(this.globals.get('RS') as Cell) || '\n')
        if (lines[lines.length - 1] === '') lines.pop()
        f = { lines, pos: 0 }
        this.inFiles.set(src, f)
      }
      if (f.pos >= f.lines.length) return 0
      line = f.lines[f.pos++] as string
      this.globals.set('NR', toNum(this.globals.get('NR') as Cell) + 1)
      if (e.kind === 'cmd' && !e.target) this.globals.set('FNR', toNum(this.globals.get('FNR') as Cell) + 1)
    }
    if (e.target) await this.assignAsync(e.target, fromInput(line))
    else this.setRecord(line)
    return 1
  }

  async flush() {
    if (this.out) {
      const o = this.out
      this.out = ''
      await this.host.write(o)
    }
  }

  // ---- main loop ----
  async nextMainRecord(): Promise<string | null> {
    for (;;) {
      if (!this.mainReader) {
        const argv = this.getArray('ARGV')
        const argc = Math.trunc(toNum(this.globals.get('ARGC') as Cell))
        let name: string | undefined
        while (this.argIndex < argc) {
          const a = this.str(argv.get(String(this.argIndex++)))
          if (a === '') continue
          const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a)
          if (assign) {
            this.setVar(assign[1] as string, fromInput(processEscapes(assign[2] as string)))
            continue
          }
          name = a
          break
        }
        if (name === undefined) {
          if (this.usedFile) return null
          name = '-'
        }
        this.usedFile = true
        const src = await this.host.openInput(name)
        if (!src) {
          this.exitCode = 2
          continue
        }
        this.mainReader = new RecordReader(src)
        this.globals.set('FILENAME', name === '-' ? '' : name)
        this.globals.set('FNR', 0)
      }
      const rec = await this.mainReader.next(this.str(this.globals.get('RS') as Cell))
      if (rec !== null) return rec
      this.mainReader = null
    }
  }
  usedFile = false
}

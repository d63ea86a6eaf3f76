/** awk control flow (next, exit, return, break, continue) travels as thrown signals, caught by the loop, call or rule that owns it. */
import type { Cell } from './values.js'

export class NextSignal {}
export class NextFileSignal {}
export class ExitSignal {
  constructor(readonly code: number) {}
}
export class ReturnSignal {
  constructor(readonly value: Cell) {}
}
export class BreakSignal {}
export class ContinueSignal {}

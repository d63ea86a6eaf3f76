/**
 * Typed errors of the shell. Control flow (`break`, `continue`, `return`, `exit`) travels
 * as exceptions so every loop and function frame can catch exactly what belongs to it.
 */

export type ShellErrorCode = 'syntax' | 'badsubst' | 'unbound' | 'arith' | 'readonly' | 'depth' | 'param' | 'noexec'

/** A parse failure; `incomplete` means more input could complete it (continuation prompt). */
export class ShellSyntaxError extends Error {
  override readonly name = 'ShellSyntaxError'
  constructor(
    message: string,
    readonly token: string,
    readonly incomplete = false,
    readonly code: 'syntax' | 'badsubst' = 'syntax',
    /** Source offset of the offending token, for the `bash: \`line'` echo. */
    public pos?: number,
    readonly status = code === 'badsubst' ? 1 : 2,
  ) {
    super(message)
  }
}

/** A run-time failure of expansion or a builtin: printed as `bash: <message>`. */
export class ShellError extends Error {
  override readonly name = 'ShellError'
  constructor(
    readonly code: ShellErrorCode,
    message: string,
    /** Non-interactive shells exit on these (unbound variable, `${v:?}`), like bash. */
    readonly fatal = false,
    readonly status = 1,
  ) {
    super(message)
  }
}

export class BreakSignal extends Error {
  override readonly name = 'BreakSignal'
  constructor(public levels: number) {
    super('break')
  }
}

export class ContinueSignal extends Error {
  override readonly name = 'ContinueSignal'
  constructor(public levels: number) {
    super('continue')
  }
}

export class ReturnSignal extends Error {
  override readonly name = 'ReturnSignal'
  constructor(readonly status: number) {
    super('return')
  }
}

export class ExitSignal extends Error {
  override readonly name = 'ExitSignal'
  constructor(readonly status: number) {
    super('exit')
  }
}

/** The run was interrupted (Ctrl-C, kill, timeout); unwinds every frame. */
export class InterruptSignal extends Error {
  override readonly name = 'InterruptSignal'
  constructor(readonly status: number) {
    super('interrupted')
  }
}

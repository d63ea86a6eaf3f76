/**
 * Everything a shell remembers between commands: variables (with function-local scopes),
 * functions, aliases, options, positional parameters, cwd and traps. A subshell is a deep
 * copy, so `( cd /; x=1 )` and pipeline stages never leak changes back.
 */
import type { Command as AstCommand } from './ast.js'
import { ShellError } from './errors.js'

export interface Variable {
  /** A scalar, or an indexed array (sparse). */
  value: string | string[]
  exported: boolean
  readonly: boolean
  integer: boolean
}

export interface ShellOptionsState {
  errexit: boolean
  nounset: boolean
  xtrace: boolean
  pipefail: boolean
  noglob: boolean
  noclobber: boolean
  allexport: boolean
  verbose: boolean
  nullglob: boolean
  dotglob: boolean
  extglob: boolean
  globstar: boolean
  nocasematch: boolean
  expandAliases: boolean
}

export const defaultOptions = (): ShellOptionsState => ({
  errexit: false, nounset: false, xtrace: false, pipefail: false, noglob: false, noclobber: false,
  allexport: false, verbose: false, nullglob: false, dotglob: false, extglob: false, globstar: false, nocasematch: false,
  expandAliases: false,
})

const cloneVar = (v: Variable): Variable => ({ ...v, value: Array.isArray(v.value) ? v.value.slice() : v.value })

export class ShellState {
  globals = new Map<string, Variable>()
  /** Function-local scopes, innermost last. */
  locals: Array<Map<string, Variable>> = []
  functions = new Map<string, AstCommand>()
  aliases = new Map<string, string>()
  options = defaultOptions()
  positional: string[] = []
  /** `$0` */
  scriptName = 'bash'
  cwd = '/'
  lastStatus = 0
  lastBgPid = 0
  traps = new Map<string, string>()
  /** Function names, innermost last (FUNCNAME). */
  funcStack: string[] = []
  /** Nesting of functions, sources, evals and subshells, for the recursion limit. */
  depth = 0
  /** Inside a condition (if/while/&&/||/!): `set -e` does not apply there. */
  errexitSuppressed = 0
  subshell = 0
  interactive = false
  /** Enclosing loops, so `break` outside a loop is reported. */
  loops = 0
  /** Nested `source` files, so `return` works there. */
  sourcing = 0
  /** Line of the command running now, and the script name errors are reported under. */
  lineno = 0
  errorPrefix: string | undefined

  clone(): ShellState {
    const s = new ShellState()
    for (const [k, v] of this.globals) s.globals.set(k, cloneVar(v))
    s.locals = this.locals.map((m) => new Map([...m].map(([k, v]) => [k, cloneVar(v)])))
    s.functions = new Map(this.functions)
    s.aliases = new Map(this.aliases)
    s.options = { ...this.options }
    s.positional = this.positional.slice()
    s.scriptName = this.scriptName
    s.cwd = this.cwd
    s.lastStatus = this.lastStatus
    s.lastBgPid = this.lastBgPid
    s.traps = new Map(this.traps)
    s.funcStack = this.funcStack.slice()
    s.depth = this.depth
    s.errexitSuppressed = this.errexitSuppressed
    s.subshell = this.subshell + 1
    s.interactive = this.interactive
    s.loops = this.loops
    s.sourcing = this.sourcing
    s.lineno = this.lineno
    s.errorPrefix = this.errorPrefix
    return s
  }

  lookup(name: string): Variable | undefined {
    for (let i = this.locals.length - 1; i >= 0; i--) {
      const v = this.locals[i]!.get(name)
      if (v) return v
    }
    return this.globals.get(name)
  }

  /** Scalar value (element 0 of an array), or undefined when unset. */
  get(name: string): string | undefined {
    const v = this.lookup(name)
    if (!v) return undefined
    return Array.isArray(v.value) ? v.value[0] : v.value
  }

  getElement(name: string, index: number): string | undefined {
    const v = this.lookup(name)
    if (!v) return undefined
    if (!Array.isArray(v.value)) return index === 0 ? v.value : undefined
    if (index < 0) index += v.value.length
    return v.value[index]
  }

  private scopeFor(name: string): Map<string, Variable> {
    for (let i = this.locals.length - 1; i >= 0; i--) if (this.locals[i]!.has(name)) return this.locals[i]!
    return this.globals
  }

  private writable(name: string): Variable | undefined {
    const v = this.lookup(name)
    if (v?.readonly) throw new ShellError('readonly', `${name}: readonly variable`, true)
    return v
  }

  set(name: string, value: string, opts: { export?: boolean; append?: boolean } = {}): void {
    const v = this.writable(name)
    if (v) {
      if (Array.isArray(v.value)) {
        v.value[0] = opts.append ? (v.value[0] ?? '') + value : value
      } else v.value = opts.append ? v.value + value : value
      if (opts.export || this.options.allexport) v.exported = true
      return
    }
    this.globals.set(name, { value, exported: !!opts.export || this.options.allexport, readonly: false, integer: false })
  }

  setElement(name: string, index: number, value: string, append = false): void {
    const v = this.writable(name)
    if (!v) {
      const arr: string[] = []
      arr[index] = value
      this.globals.set(name, { value: arr, exported: false, readonly: false, integer: false })
      return
    }
    if (!Array.isArray(v.value)) v.value = v.value === '' && index !== 0 ? [] : [v.value]
    if (index < 0) index += v.value.length
    if (index < 0) throw new ShellError('param', `${name}[${index}]: bad array subscript`)
    v.value[index] = append ? (v.value[index] ?? '') + value : value
  }

  setArray(name: string, values: string[], append = false): void {
    const v = this.writable(name)
    if (v) {
      if (append) {
        const base = Array.isArray(v.value) ? v.value : v.value === '' ? [] : [v.value]
        v.value = [...base, ...values]
      } else v.value = values
      return
    }
    this.globals.set(name, { value: values, exported: false, readonly: false, integer: false })
  }

  unset(name: string): void {
    const v = this.lookup(name)
    if (v?.readonly) throw new ShellError('readonly', `unset: ${name}: cannot unset: readonly variable`)
    this.scopeFor(name).delete(name)
  }

  unsetElement(name: string, index: number): void {
    const v = this.lookup(name)
    if (!v) return
    if (Array.isArray(v.value)) delete v.value[index]
    else if (index === 0) this.unset(name)
  }

  /** Declares a variable in the innermost function scope (`local`). */
  declareLocal(name: string): Variable {
    const scope = this.locals[this.locals.length - 1] ?? this.globals
    let v = scope.get(name)
    if (!v) {
      v = { value: '', exported: false, readonly: false, integer: false }
      scope.set(name, v)
      // `local x` without a value leaves x unset-but-declared; we model it as empty.
    }
    return v
  }

  /** Exported variables, innermost scope winning. */
  exportedEnv(): Record<string, string> {
    const env: Record<string, string> = {}
    const scopes = [this.globals, ...this.locals]
    for (const scope of scopes) {
      for (const [k, v] of scope) {
        if (v.exported) env[k] = Array.isArray(v.value) ? (v.value[0] ?? '') : v.value
        else delete env[k]
      }
    }
    return env
  }

  /** Names of every set variable. */
  names(): string[] {
    const names = new Set<string>(this.globals.keys())
    for (const scope of this.locals) for (const k of scope.keys()) names.add(k)
    return [...names].sort()
  }

  optionFlags(): string {
    let f = ''
    if (this.options.errexit) f += 'e'
    f += 'h'
    if (this.interactive) f += 'i'
    if (this.options.nounset) f += 'u'
    if (this.options.xtrace) f += 'x'
    f += 'B'
    return f
  }
}

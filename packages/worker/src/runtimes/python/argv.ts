/**
 * The `python` command line, parsed the way CPython does: interpreter options first, then
 * exactly one of `-c CODE`, `-m MODULE`, `-` or a script path; everything after it belongs
 * to the program (`sys.argv[1:]`). Options without meaning here (-u, -B, -E, -s, -I…) are
 * accepted and ignored, as a program's shebang line may carry them.
 */
export type PythonInvocation =
  | { kind: 'run'; mode: 'code' | 'module' | 'file' | 'stdin'; target: string; argv: string[] }
  | { kind: 'repl' }
  | { kind: 'version' }
  | { kind: 'help' }
  | { kind: 'error'; message: string }

const IGNORED = new Set(['b', 'B', 'd', 'E', 'i', 'I', 'O', 'P', 'q', 's', 'S', 'u', 'v', 'x', 'R'])

export function parsePythonArgs(args: readonly string[]): PythonInvocation {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    const rest = (): string[] => args.slice(i + 1)
    if (a === '--version' || a === '-V') return { kind: 'version' }
    if (a === '-h' || a === '--help' || a === '-?') return { kind: 'help' }
    if (a === '-') return { kind: 'run', mode: 'stdin', target: '-', argv: ['-', ...rest()] }
    if (a === '--') {
      const file = args[i + 1]
      if (file === undefined) return { kind: 'repl' }
      return { kind: 'run', mode: file === '-' ? 'stdin' : 'file', target: file, argv: [file, ...args.slice(i + 2)] }
    }
    if (!a.startsWith('-') || a.length === 1) return { kind: 'run', mode: 'file', target: a, argv: [a, ...rest()] }
    if (a.startsWith('--')) return { kind: 'error', message: `unknown option ${a}` }
    // A cluster of short options; -c, -m, -W and -X take the rest (or the next argument).
    for (let j = 1; j < a.length; j++) {
      const flag = a[j] as string
      if (flag === 'c' || flag === 'm' || flag === 'W' || flag === 'X') {
        const inline = a.slice(j + 1)
        let value: string | undefined = inline
        let consumed = 0
        if (inline === '') {
          value = args[i + 1]
          consumed = 1
        }
        if (value === undefined) return { kind: 'error', message: `Argument expected for the -${flag} option` }
        const after = args.slice(i + 1 + consumed)
        if (flag === 'c') return { kind: 'run', mode: 'code', target: value, argv: ['-c', ...after] }
        if (flag === 'm') return { kind: 'run', mode: 'module', target: value, argv: [value, ...after] }
        i += consumed
        break
      }
      if (flag === 'V') return { kind: 'version' }
      if (flag === 'h') return { kind: 'help' }
      if (!IGNORED.has(flag)) return { kind: 'error', message: `Unknown option: -${flag}` }
    }
  }
  return { kind: 'repl' }
}

/**
 * Parses `node`'s command line (the subset the sandbox supports) into a run request:
 * `-e/--eval`, `-p/--print`, `--input-type=module`, a script with its arguments, and the
 * informational flags. Shared by `node` and `bun`.
 */
export type NodeCli =
  | { kind: 'version' }
  | { kind: 'help' }
  | { kind: 'eval'; code: string; print: boolean; module: boolean; args: string[] }
  | { kind: 'script'; script: string; module: boolean; args: string[] }
  | { kind: 'stdin'; module: boolean; args: string[] }
  | { kind: 'error'; message: string }

/** Flags Node accepts that change nothing here (they are accepted and ignored). */
const IGNORED = new Set(['--no-warnings', '--enable-source-maps', '--trace-warnings', '--experimental-strip-types', '--no-deprecation', '--experimental-vm-modules', '--expose-gc', '--watch'])

export function parseNodeArgs(argv: string[]): NodeCli {
  let module = false
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '-v' || a === '--version') return { kind: 'version' }
    if (a === '-h' || a === '--help') return { kind: 'help' }
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print' || a === '-pe') {
      const code = argv[i + 1]
      if (code === undefined) return { kind: 'error', message: `${a} requires an argument` }
      return { kind: 'eval', code, print: a.startsWith('-p') || a === '--print', module, args: argv.slice(i + 2) }
    }
    if (a.startsWith('--eval=') || a.startsWith('--print=')) {
      return { kind: 'eval', code: a.slice(a.indexOf('=') + 1), print: a.startsWith('--print'), module, args: argv.slice(i + 1) }
    }
    if (a === '--input-type=module') {
      module = true
      continue
    }
    if (a === '--input-type=commonjs' || IGNORED.has(a) || a.startsWith('--max-old-space-size') || a.startsWith('--stack-size')) continue
    if (a === '-') return { kind: 'stdin', module, args: argv.slice(i + 1) }
    if (a === '--') {
      const script = argv[i + 1]
      return script === undefined ? { kind: 'stdin', module, args: [] } : { kind: 'script', script, module, args: argv.slice(i + 2) }
    }
    if (a.startsWith('-')) return { kind: 'error', message: `bad option: ${a}` }
    return { kind: 'script', script: a, module, args: argv.slice(i + 1) }
  }
  return { kind: 'stdin', module, args: [] }
}

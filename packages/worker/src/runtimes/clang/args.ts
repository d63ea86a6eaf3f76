/**
 * Reading a `clang`/`clang++` command line before it goes to the compiler isolate. The
 * isolate's working directory is `/`, so every path the caller wrote relative to the shell's
 * directory is made absolute; and whether the run links decides if the program gets the
 * start-up code that moves it into its working directory.
 */

/** Options whose value is the next argument and names a file or directory. */
const PATH_VALUE = new Set(['-o', '-I', '-L', '-include', '-isystem', '-iquote', '-idirafter', '-isysroot', '--sysroot', '-MF', '-imacros', '-iprefix', '-working-directory'])
/** Options whose value is the next argument and is not a path. */
const PLAIN_VALUE = new Set(['-MT', '-MQ', '-x', '-D', '-U', '-target', '--target', '-arch', '-Xlinker', '-Xclang', '-Xpreprocessor', '-Xassembler', '-mllvm', '-std', '-W', '-l', '-z', '-e', '-u'])
/** Options written with the path stuck on (`-Iinclude`, `-Lbuild`, `-obuild/a.out`). */
const JOINED_PATH = ['-I', '-L', '-o', '-MF', '--sysroot=', '-isystem', '-iquote', '-idirafter']
/** Options after which nothing is linked. */
const NO_LINK = new Set(['-c', '-S', '-E', '-M', '-MM', '-fsyntax-only', '-###', '-v', '--version', '-help', '--help', '-print-search-dirs'])
/** Options that leave out the C library, which the start-up code needs. */
const FREESTANDING = new Set(['-nostdlib', '-nostartfiles', '-nodefaultlibs', '-ffreestanding', '-shared', '-r'])

const absolute = (cwd: string, p: string): string => {
  if (p.startsWith('/') || p === '-' || p === '') return p
  const base = cwd === '/' ? '' : cwd
  return `${base}/${p}`
}

export interface ClangCommandLine {
  /** The arguments with every relative path made absolute against `cwd`. */
  argv: string[]
  /** True when this run links a hosted program (one that gets the start-up code). */
  links: boolean
  /** The linked output's path (absolute), when the run links. */
  output?: string
  /** Input files as the caller wrote them, with their absolute paths (not `-`). */
  inputs: Array<{ given: string; path: string }>
}

export function readClangArgs(args: readonly string[], cwd: string): ClangCommandLine {
  const argv: string[] = []
  let links = true
  let freestanding = false
  let output: string | undefined
  let sawInput = false
  const inputs: Array<{ given: string; path: string }> = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (NO_LINK.has(a)) links = false
    if (FREESTANDING.has(a) || a.startsWith('-Wl,--no-entry')) freestanding = true
    if (PATH_VALUE.has(a) && i + 1 < args.length) {
      const value = absolute(cwd, args[++i] as string)
      if (a === '-o') output = value
      argv.push(a, value)
      continue
    }
    if (PLAIN_VALUE.has(a) && i + 1 < args.length) {
      argv.push(a, args[++i] as string)
      continue
    }
    const joined = a.startsWith('-') ? JOINED_PATH.find((p) => a.startsWith(p) && a.length > p.length) : undefined
    if (joined) {
      const value = absolute(cwd, a.slice(joined.length))
      if (joined === '-o') output = value
      argv.push(joined + value)
      continue
    }
    if (!a.startsWith('-') || a === '-') {
      sawInput = true
      argv.push(absolute(cwd, a))
      if (a !== '-') inputs.push({ given: a, path: absolute(cwd, a) })
      continue
    }
    argv.push(a)
  }
  if (!sawInput) links = false
  // Implicit outputs (`-c` without `-o`) land in the working directory; a link without `-o`
  // writes a.out there too (the linker does not follow -working-directory).
  const full = ['-working-directory', cwd, ...argv]
  if (links && output === undefined) {
    output = absolute(cwd, 'a.out')
    full.push('-o', output)
  }
  const startup = links && !freestanding
  return { argv: full, links: startup, inputs, ...(links && output !== undefined ? { output } : {}) }
}

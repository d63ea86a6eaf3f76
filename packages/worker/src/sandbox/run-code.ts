/**
 * `runCode(code, { language })`: which runtime runs which language, and the command line
 * that runs a source file with it. The shell runs code directly; other languages are
 * written to a scratch file and run by the runtime's command.
 */
import type { RuntimeName } from '@nimbus-sh/config'

export interface LanguageSpec {
  runtime: RuntimeName
  /** File extension of the scratch file. */
  ext: string
  /** The command line that runs `file`. */
  command(file: string): string
}

const node = (file: string): string => `node ${file}`

export const LANGUAGES: Readonly<Record<string, LanguageSpec>> = {
  shell: { runtime: 'shell', ext: 'sh', command: (file) => `bash ${file}` },
  bash: { runtime: 'shell', ext: 'sh', command: (file) => `bash ${file}` },
  javascript: { runtime: 'node', ext: 'mjs', command: node },
  typescript: { runtime: 'node', ext: 'ts', command: node },
  python: { runtime: 'python', ext: 'py', command: (file) => `python ${file}` },
  ruby: { runtime: 'ruby', ext: 'rb', command: (file) => `ruby ${file}` },
  c: { runtime: 'clang', ext: 'c', command: (file) => `clang -O2 ${file} -o ${file}.wasm && ${file}.wasm` },
  cpp: { runtime: 'clang', ext: 'cpp', command: (file) => `clang++ -O2 ${file} -o ${file}.wasm && ${file}.wasm` },
}

export const LANGUAGE_NAMES = Object.keys(LANGUAGES) as readonly string[]

/**
 * Test harness: runs one command from the registry directly, without the shell, over a
 * fresh SQLite test filesystem (node:sqlite). The Node-free core is testing/runner.ts.
 */
import { createTestVfs } from '../vfs/testing.js'
import { type RunCommandOptions, type RunCommandResult, runWith } from './testing/runner.js'

export { type RunCommandOptions, type RunCommandResult, splitWords } from './testing/runner.js'

/** Runs `line` (argv, or a string split on blanks and quotes) as one command. */
export const runCommand = (line: string[] | string, opts: RunCommandOptions = {}): Promise<RunCommandResult> => runWith(createTestVfs, line, opts)

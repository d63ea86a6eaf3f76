/** The builtin table, by name. */
import { alias, unalias } from './alias.js'
import { bash, sh } from './bash.js'
import cd from './cd.js'
import { builtin, command, type } from './command.js'
import { declare, local, readonly, typeset } from './declare.js'
import evalBuiltin from './eval.js'
import exec from './exec.js'
import exit from './exit.js'
import exportBuiltin from './export.js'
import { breakBuiltin, continueBuiltin, returnBuiltin } from './flow.js'
import getopts from './getopts.js'
import history from './history.js'
import { bg, fg, jobs, kill, wait } from './jobs.js'
import { colon, letBuiltin } from './let.js'
import { mapfile, readarray } from './mapfile.js'
import read from './read.js'
import set from './set.js'
import shift from './shift.js'
import shopt from './shopt.js'
import { dot, source } from './source.js'
import trap from './trap.js'
import type { Builtin } from './types.js'
import unset from './unset.js'

const all: Builtin[] = [
  alias, unalias, bash, sh, cd, builtin, command, type, declare, local, readonly, typeset, evalBuiltin, exec, exit,
  exportBuiltin, breakBuiltin, continueBuiltin, returnBuiltin, getopts, history, bg, fg, jobs, kill, wait, colon,
  letBuiltin, mapfile, readarray, read, set, shift, shopt, dot, source, trap, unset,
]

export const builtins: ReadonlyMap<string, Builtin> = new Map(all.map((b) => [b.name, b]))
export type { Builtin, BuiltinContext } from './types.js'

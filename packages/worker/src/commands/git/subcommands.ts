/** Every git subcommand, one import each; `git --help` lists them in this order. */
import type { GitSubcommand } from './define.js'
import add from './add.js'
import branch from './branch.js'
import checkout from './checkout.js'
import clone from './clone.js'
import commit from './commit.js'
import config from './config.js'
import diff from './diff.js'
import fetch from './fetch.js'
import init from './init.js'
import log from './log.js'
import lsFiles from './ls-files.js'
import merge from './merge.js'
import mv from './mv.js'
import pull from './pull.js'
import push from './push.js'
import remote from './remote.js'
import reset from './reset.js'
import restore from './restore.js'
import revParse from './rev-parse.js'
import rm from './rm.js'
import show from './show.js'
import stash from './stash.js'
import status from './status.js'
import switchCmd from './switch.js'
import tag from './tag.js'

export const subcommands: readonly GitSubcommand[] = [
  init, clone, add, mv, restore, rm, diff, log, show, status, branch, commit, merge, reset, switchCmd, checkout, tag,
  fetch, pull, push, remote, config, stash, revParse, lsFiles,
]

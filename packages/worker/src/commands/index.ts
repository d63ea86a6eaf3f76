/** Every built-in command, one import each; the registry derives names from the definitions. */
import type { Command } from './types.js'
import catCmd from './cat.js'
import echoCmd from './echo.js'
import falseCmd from './false.js'
import headCmd from './head.js'
import lsCmd from './ls.js'
import mkdirCmd from './mkdir.js'
import pwdCmd from './pwd.js'
import rmCmd from './rm.js'
import sortCmd from './sort.js'
import tailCmd from './tail.js'
import touchCmd from './touch.js'
import trueCmd from './true.js'
import wcCmd from './wc.js'

export const allCommands: readonly Command[] = [
  catCmd,
  echoCmd,
  falseCmd,
  headCmd,
  lsCmd,
  mkdirCmd,
  pwdCmd,
  rmCmd,
  sortCmd,
  tailCmd,
  touchCmd,
  trueCmd,
  wcCmd,
]

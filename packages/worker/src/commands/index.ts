/** Every built-in command, one import each; the registry derives names from the definitions. */
import type { Command } from './types.js'
import catCmd from './cat.js'
import echoCmd from './echo.js'
import falseCmd from './false.js'
import lsCmd from './ls.js'
import mkdirCmd from './mkdir.js'
import pwdCmd from './pwd.js'
import rmCmd from './rm.js'
import touchCmd from './touch.js'
import trueCmd from './true.js'

export const allCommands: readonly Command[] = [
  catCmd,
  echoCmd,
  falseCmd,
  lsCmd,
  mkdirCmd,
  pwdCmd,
  rmCmd,
  touchCmd,
  trueCmd,
]

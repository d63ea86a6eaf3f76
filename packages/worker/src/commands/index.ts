/** Every built-in command, one import each; the registry derives names from the definitions. */
import type { Command } from './types.js'
import echo from './echo.js'
import falseCmd from './false.js'
import pwd from './pwd.js'
import trueCmd from './true.js'

export const allCommands: readonly Command[] = [echo, falseCmd, pwd, trueCmd]

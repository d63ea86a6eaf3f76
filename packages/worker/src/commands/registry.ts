/**
 * The built-in command table: every command from ./index.ts under its name and its
 * aliases. Names come from the definitions, so there is no second list to keep in sync.
 */
import { allCommands } from './index.js'
import type { Command } from './types.js'

const build = (commands: readonly Command[]): ReadonlyMap<string, Command> => {
  const map = new Map<string, Command>()
  for (const c of commands) {
    for (const name of [c.name, ...(c.aliases ?? [])]) {
      if (map.has(name)) throw new Error(`duplicate command name: ${name}`)
      map.set(name, c)
    }
  }
  return map
}

export const builtinCommands: ReadonlyMap<string, Command> = build(allCommands)

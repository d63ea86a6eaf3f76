/**
 * Tab completion for the prompt: command names in command position, `$VARIABLES`, and
 * paths (directories get a trailing `/`).
 */
import { resolvePath } from '../commands/lib/path.js'
import type { Interpreter } from './interpreter.js'

const BREAKS = new Set([' ', '\t', ';', '|', '&', '(', ')', '<', '>'])

export function complete(interp: Interpreter, line: string, cursor: number): { start: number; candidates: string[] } {
  let start = cursor
  while (start > 0 && !BREAKS.has(line[start - 1]!)) start--
  const word = line.slice(start, cursor)
  const before = line.slice(0, start).trimEnd()
  const commandPosition = before === '' || /[;|&(]$/.test(before) || /(^|[;|&(]\s*)(sudo|time|then|do|else|!)$/.test(before)
  const st = interp.state
  if (word.startsWith('$') && !word.includes('/')) {
    const prefix = word.slice(1).replace(/^\{/, '')
    const names = st.names().filter((n) => n.startsWith(prefix))
    return { start, candidates: names.map((n) => (word.startsWith('${') ? `\${${n}}` : `$${n}`)) }
  }
  if (commandPosition && !word.includes('/')) {
    const names = new Set<string>([...interp.commandNames(), ...st.functions.keys(), ...st.aliases.keys()])
    for (const dir of (st.get('PATH') ?? '').split(':')) {
      if (!dir) continue
      try {
        for (const e of interp.fs.readdir(dir)) if (e.type !== 'dir') names.add(e.name)
      } catch {
        // missing PATH entry
      }
    }
    return { start, candidates: [...names].filter((n) => n.startsWith(word)).sort() }
  }
  const slash = word.lastIndexOf('/')
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : ''
  const prefix = word.slice(slash + 1)
  const home = st.get('HOME') ?? '/home/user'
  const dirText = dirPart.startsWith('~') ? home + dirPart.slice(1) : dirPart
  const dirAbs = resolvePath(st.cwd, dirText || '.')
  let entries
  try {
    entries = interp.fs.readdir(dirAbs)
  } catch {
    return { start, candidates: [] }
  }
  const candidates: string[] = []
  for (const e of entries) {
    if (!e.name.startsWith(prefix)) continue
    if (e.name.startsWith('.') && !prefix.startsWith('.')) continue
    let isDir = e.type === 'dir'
    if (e.type === 'symlink') {
      try {
        isDir = interp.fs.stat(`${dirAbs}/${e.name}`).type === 'dir'
      } catch {
        isDir = false
      }
    }
    const escaped = e.name.replace(/([ \t'"\\$`&;|()<>*?[\]!#])/g, '\\$1')
    candidates.push(dirPart + escaped + (isDir ? '/' : ''))
  }
  return { start, candidates: candidates.sort() }
}

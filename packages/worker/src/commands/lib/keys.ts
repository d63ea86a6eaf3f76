/** Raw terminal input to key names: printable text, control keys and common escape sequences. */

export type Key = { kind: 'char'; ch: string } | { kind: 'key'; name: string }

const CSI: Record<string, string> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  '1~': 'home',
  '7~': 'home',
  '4~': 'end',
  '8~': 'end',
  '3~': 'delete',
  '5~': 'pageup',
  '6~': 'pagedown',
  '2~': 'insert',
}

/** Splits decoded terminal input into keys; an incomplete escape sequence stays in `rest`. */
export const parseKeys = (input: string): { keys: Key[]; rest: string } => {
  const keys: Key[] = []
  let i = 0
  while (i < input.length) {
    const c = input[i] as string
    if (c === '\x1b') {
      if (i + 1 >= input.length) return { keys, rest: input.slice(i) }
      const n = input[i + 1]
      if (n === '[' || n === 'O') {
        const m = /^[\d;]*[~A-Za-z]/.exec(input.slice(i + 2))
        if (!m) return { keys, rest: input.slice(i) }
        const body = m[0].replace(/^1;\d+(?=[A-Z])/, '')
        keys.push({ kind: 'key', name: CSI[body] ?? `esc:${body}` })
        i += 2 + m[0].length
        continue
      }
      keys.push({ kind: 'key', name: `meta:${n}` })
      i += 2
      continue
    }
    const code = c.charCodeAt(0)
    if (c === '\r' || c === '\n') {
      keys.push({ kind: 'key', name: 'enter' })
      if (c === '\r' && input[i + 1] === '\n') i++
    } else if (c === '\x7f' || c === '\b') keys.push({ kind: 'key', name: 'backspace' })
    else if (c === '\t') keys.push({ kind: 'key', name: 'tab' })
    else if (code < 32) keys.push({ kind: 'key', name: `ctrl-${String.fromCharCode(code + 96)}` })
    else {
      const cp = input.codePointAt(i) as number
      const ch = String.fromCodePoint(cp)
      keys.push({ kind: 'char', ch })
      i += ch.length
      continue
    }
    i++
  }
  return { keys, rest: '' }
}

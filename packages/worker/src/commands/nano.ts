/**
 * nano: a small full-screen editor for the browser terminal. Raw keystrokes in, ANSI
 * screen out: edit, ^O/^S save, ^X exit (asking about unsaved changes), ^K/^U cut and
 * paste lines, ^W search. Needs the interactive terminal.
 */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { type Key, parseKeys } from './lib/keys.js'
import { baseName } from './lib/path.js'

const HELP = [
  ['^G', 'Help'],
  ['^O', 'Write Out'],
  ['^W', 'Where Is'],
  ['^K', 'Cut'],
  ['^X', 'Exit'],
  ['^S', 'Save'],
  ['^U', 'Paste'],
  ['^C', 'Location'],
  ['^A', 'Home'],
  ['^E', 'End'],
]

/** Display column of character index `i` in `line` (tabs to multiples of 8). */
const columnOf = (line: string, i: number): number => {
  let col = 0
  for (let k = 0; k < i && k < line.length; k++) col = line[k] === '\t' ? col + 8 - (col % 8) : col + 1
  return col
}
const render = (line: string): string => {
  let out = ''
  for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch
  return out
}

export default defineCommand({
  name: 'nano',
  usage: 'nano [FILE]',
  description: 'Edit a text file in the terminal (^O/^S save, ^X exit, ^K cut, ^U paste, ^W search).',
  async run(ctx) {
    const term = ctx.terminal
    if (!term || !ctx.stdout.isTTY) {
      await ctx.stderr.write('nano: standard input is not a terminal\n')
      return 1
    }
    let fileName = ctx.args[0] ?? ''
    let lines: string[] = ['']
    let status = ''
    if (fileName) {
      try {
        const path = ctx.resolve(fileName)
        if (ctx.fs.exists(path)) {
          if (ctx.fs.stat(path).type === 'dir') {
            await ctx.stderr.write(`nano: "${fileName}" is a directory\n`)
            return 1
          }
          const text = ctx.fs.readText(path)
          lines = text.split('\n')
          if (lines.length > 1 && text.endsWith('\n')) lines.pop()
          status = `[ Read ${lines.length} line${lines.length === 1 ? '' : 's'} ]`
        } else status = '[ New File ]'
      } catch (e) {
        await ctx.stderr.write(`nano: ${fileName}: ${describeError(e)}\n`)
        return 1
      }
    }
    let row = 0
    let col = 0
    let top = 0
    let modified = false
    let cutBuffer: string[] = []
    let lastCut = false
    let lastSearch = ''
    let prompt: { label: string; value: string; done: (v: string | null) => void } | null = null
    let confirm: { label: string; done: (answer: 'y' | 'n' | null) => void } | null = null
    let quit = false

    const rows = () => Math.max(3, term.rows)
    const cols = () => Math.max(20, term.cols)
    const textRows = () => rows() - 4

    const draw = async () => {
      const w = cols()
      if (row < top) top = row
      if (row >= top + textRows()) top = row - textRows() + 1
      let s = '\x1b[?25l\x1b[H'
      const title = `  nano  ${fileName ? baseName(fileName) : 'New Buffer'}`
      const right = modified ? 'Modified  ' : ''
      s += `\x1b[7m${(title + ' '.repeat(Math.max(0, w - title.length - right.length)) + right).slice(0, w)}\x1b[0m`
      for (let r = 0; r < textRows(); r++) {
        const li = top + r
        let text = li < lines.length ? render(lines[li] as string) : ''
        if (li === row) {
          const c = columnOf(lines[li] as string, col)
          const offset = c >= w ? c - w + 1 : 0
          text = text.slice(offset)
        }
        if (text.length > w) text = `${text.slice(0, w - 1)}$`
        s += `\x1b[${r + 2};1H${text}\x1b[K`
      }
      s += `\x1b[${rows() - 2};1H\x1b[K`
      if (prompt) s += `\x1b[7m${`${prompt.label}: ${prompt.value}`.padEnd(w).slice(0, w)}\x1b[0m`
      else if (confirm) s += `\x1b[7m${confirm.label.padEnd(w).slice(0, w)}\x1b[0m`
      else if (status) {
        const m = status.slice(0, w)
        s += `${' '.repeat(Math.max(0, Math.floor((w - m.length) / 2)))}\x1b[7m${m}\x1b[0m`
      }
      const half = Math.ceil(HELP.length / 2)
      const cell = Math.floor(w / half)
      for (let line = 0; line < 2; line++) {
        s += `\x1b[${rows() - 1 + line};1H\x1b[K`
        for (const [k, label] of HELP.slice(line * half, line * half + half)) s += `\x1b[7m${k}\x1b[0m ${(label as string).padEnd(Math.max(0, cell - 3)).slice(0, Math.max(0, cell - 3))}`
      }
      if (prompt) s += `\x1b[${rows() - 2};${Math.min(w, prompt.label.length + 3 + prompt.value.length)}H`
      else {
        const c = columnOf(lines[row] as string, col)
        s += `\x1b[${row - top + 2};${Math.min(w, c + 1)}H`
      }
      s += '\x1b[?25h'
      await ctx.stdout.write(s)
    }

    const save = (name: string): boolean => {
      try {
        ctx.fs.writeFile(ctx.resolve(name), `${lines.join('\n')}\n`)
        fileName = name
        modified = false
        status = `[ Wrote ${lines.length} line${lines.length === 1 ? '' : 's'} ]`
        return true
      } catch (e) {
        status = `[ Error writing ${name}: ${describeError(e)} ]`
        return false
      }
    }
    const askName = (then?: () => void) => {
      prompt = {
        label: 'File Name to Write',
        value: fileName,
        done: (v) => {
          prompt = null
          if (v === null || v === '') {
            status = '[ Cancelled ]'
            return
          }
          if (save(v)) then?.()
        },
      }
    }
    const search = (needle: string) => {
      lastSearch = needle
      for (let k = 0; k <= lines.length; k++) {
        const li = (row + k) % lines.length
        const from = k === 0 ? col + 1 : 0
        const at = (lines[li] as string).indexOf(needle, from)
        if (at !== -1) {
          row = li
          col = at
          status = ''
          return
        }
      }
      status = `[ "${needle}" not found ]`
    }

    const handle = (key: Key) => {
      if (confirm) {
        const c = confirm
        if (key.kind === 'char' && /^[yY]$/.test(key.ch)) c.done('y')
        else if (key.kind === 'char' && /^[nN]$/.test(key.ch)) c.done('n')
        else if (key.kind === 'key' && key.name === 'ctrl-c') c.done(null)
        return
      }
      if (prompt) {
        const p = prompt
        if (key.kind === 'char') p.value += key.ch
        else if (key.name === 'backspace') p.value = p.value.slice(0, -1)
        else if (key.name === 'enter') p.done(p.value)
        else if (key.name === 'ctrl-c') p.done(null)
        return
      }
      const line = lines[row] as string
      const wasCut = lastCut
      lastCut = false
      if (key.kind === 'char') {
        lines[row] = line.slice(0, col) + key.ch + line.slice(col)
        col += key.ch.length
        modified = true
        status = ''
        return
      }
      switch (key.name) {
        case 'tab':
          lines[row] = `${line.slice(0, col)}\t${line.slice(col)}`
          col++
          modified = true
          break
        case 'enter':
          lines.splice(row + 1, 0, line.slice(col))
          lines[row] = line.slice(0, col)
          row++
          col = 0
          modified = true
          break
        case 'backspace':
          if (col > 0) {
            const prev = Array.from(line.slice(0, col)).pop() as string
            lines[row] = line.slice(0, col - prev.length) + line.slice(col)
            col -= prev.length
            modified = true
          } else if (row > 0) {
            col = (lines[row - 1] as string).length
            lines[row - 1] = (lines[row - 1] as string) + line
            lines.splice(row, 1)
            row--
            modified = true
          }
          break
        case 'delete':
        case 'ctrl-d':
          if (col < line.length) {
            const next = Array.from(line.slice(col))[0] as string
            lines[row] = line.slice(0, col) + line.slice(col + next.length)
            modified = true
          } else if (row < lines.length - 1) {
            lines[row] = line + (lines[row + 1] as string)
            lines.splice(row + 1, 1)
            modified = true
          }
          break
        case 'left':
        case 'ctrl-b':
          if (col > 0) col -= (Array.from(line.slice(0, col)).pop() as string).length
          else if (row > 0) {
            row--
            col = (lines[row] as string).length
          }
          break
        case 'right':
        case 'ctrl-f':
          if (col < line.length) col += (Array.from(line.slice(col))[0] as string).length
          else if (row < lines.length - 1) {
            row++
            col = 0
          }
          break
        case 'up':
        case 'ctrl-p':
          if (row > 0) row--
          col = Math.min(col, (lines[row] as string).length)
          break
        case 'down':
        case 'ctrl-n':
          if (row < lines.length - 1) row++
          col = Math.min(col, (lines[row] as string).length)
          break
        case 'home':
        case 'ctrl-a':
          col = 0
          break
        case 'end':
        case 'ctrl-e':
          col = line.length
          break
        case 'pageup':
        case 'ctrl-y':
          row = Math.max(0, row - textRows())
          col = Math.min(col, (lines[row] as string).length)
          break
        case 'pagedown':
        case 'ctrl-v':
          row = Math.min(lines.length - 1, row + textRows())
          col = Math.min(col, (lines[row] as string).length)
          break
        case 'ctrl-k': {
          // Consecutive cuts collect into one buffer, as in nano.
          if (!wasCut) cutBuffer = []
          cutBuffer.push(line)
          if (lines.length > 1) lines.splice(row, 1)
          else lines[0] = ''
          if (row >= lines.length) row = lines.length - 1
          col = 0
          modified = true
          lastCut = true
          break
        }
        case 'ctrl-u':
          if (cutBuffer.length > 0) {
            lines.splice(row, 0, ...cutBuffer)
            row += cutBuffer.length
            col = 0
            modified = true
          }
          break
        case 'ctrl-o':
          askName()
          break
        case 'ctrl-s':
          if (fileName) save(fileName)
          else askName()
          break
        case 'ctrl-w':
          prompt = {
            label: `Search${lastSearch ? ` [${lastSearch}]` : ''}`,
            value: '',
            done: (v) => {
              prompt = null
              if (v === null) status = '[ Cancelled ]'
              else if (v !== '' || lastSearch) search(v || lastSearch)
            },
          }
          break
        case 'ctrl-c':
          status = `[ line ${row + 1}/${lines.length}, col ${columnOf(lines[row] as string, col) + 1} ]`
          break
        case 'ctrl-g':
          status = '^O/^S save  ^X exit  ^K cut line  ^U paste  ^W search  ^A/^E line start/end'
          break
        case 'ctrl-x':
          if (!modified) {
            quit = true
            break
          }
          confirm = {
            label: 'Save modified buffer?  Y Yes  N No  ^C Cancel',
            done: (answer) => {
              confirm = null
              if (answer === 'n') quit = true
              else if (answer === 'y') {
                if (fileName) {
                  if (save(fileName)) quit = true
                } else askName(() => (quit = true))
              } else status = '[ Cancelled ]'
            },
          }
          break
      }
    }

    term.setRawMode(true)
    await ctx.stdout.write('\x1b[?1049h')
    const decoder = new TextDecoder()
    let pending = ''
    try {
      await draw()
      while (!quit && !ctx.signal.aborted) {
        const chunk = await ctx.stdin.read()
        if (chunk === null) break
        const { keys, rest } = parseKeys(pending + decoder.decode(chunk, { stream: true }))
        pending = rest
        for (const k of keys) {
          handle(k)
          if (quit) break
        }
        if (!quit) await draw()
      }
    } finally {
      await ctx.stdout.write('\x1b[?1049l')
      term.setRawMode(false)
    }
    return 0
  },
})

/** patch: apply unified diffs (-p, -R, -i, --dry-run, -N), finding hunks at an offset when lines moved. */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { baseName } from './lib/path.js'

interface Hunk {
  oldStart: number
  lines: Array<{ op: ' ' | '-' | '+'; text: string }>
  /** A `\ No newline` marker followed the last old/new line. */
  oldNoEol: boolean
  newNoEol: boolean
}

interface FilePatch {
  oldName: string
  newName: string
  hunks: Hunk[]
}

const stripTs = (s: string) => s.replace(/\t.*$/, '').trim()

export const parsePatch = (text: string): FilePatch[] => {
  const lines = text.split('\n')
  const files: FilePatch[] = []
  let i = 0
  while (i < lines.length) {
    const l = lines[i] as string
    if (l.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ')) {
      const fp: FilePatch = { oldName: stripTs(l.slice(4)), newName: stripTs((lines[i + 1] as string).slice(4)), hunks: [] }
      i += 2
      while (i < lines.length && (lines[i] as string).startsWith('@@')) {
        const m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(lines[i] as string)
        if (!m) break
        let oldLeft = m[2] === undefined ? 1 : Number(m[2])
        let newLeft = m[4] === undefined ? 1 : Number(m[4])
        const hunk: Hunk = { oldStart: Number(m[1]), lines: [], oldNoEol: false, newNoEol: false }
        i++
        while (i < lines.length && (oldLeft > 0 || newLeft > 0 || (lines[i] as string).startsWith('\\'))) {
          const h = lines[i] as string
          if (h.startsWith('\\')) {
            const last = hunk.lines[hunk.lines.length - 1]
            if (last?.op !== '+') hunk.oldNoEol = true
            if (last?.op !== '-') hunk.newNoEol = true
            i++
            continue
          }
          const op = (h[0] ?? ' ') as ' ' | '-' | '+'
          if (op !== ' ' && op !== '-' && op !== '+') break
          hunk.lines.push({ op, text: h.slice(1) })
          if (op !== '+') oldLeft--
          if (op !== '-') newLeft--
          i++
        }
        fp.hunks.push(hunk)
      }
      files.push(fp)
      continue
    }
    i++
  }
  return files
}

const stripPath = (name: string, p: number | undefined): string => {
  if (p === undefined) return baseName(name)
  const parts = name.split('/')
  return parts.slice(Math.min(p, parts.length - 1)).join('/')
}

export default defineCommand({
  name: 'patch',
  usage: 'patch [OPTION]... [ORIGFILE [PATCHFILE]]',
  description: 'Apply a diff file to an original.',
  flags: {
    p: { type: 'number', long: 'strip', arg: 'NUM', description: 'strip NUM leading components from file names' },
    i: { type: 'string', long: 'input', arg: 'PATCHFILE', description: 'read patch from PATCHFILE instead of stdin' },
    R: { type: 'boolean', long: 'reverse', description: 'assume patches were created with old and new files swapped' },
    N: { type: 'boolean', long: 'forward', description: 'ignore patches that seem to be reversed or already applied' },
    'dry-run': { type: 'boolean', description: 'print the results of applying the patches without actually changing any files' },
    s: { type: 'boolean', long: 'quiet', alias: ['silent'], description: 'work silently, unless an error occurs' },
    o: { type: 'string', long: 'output', arg: 'FILE', description: 'output patched files to FILE' },
    d: { type: 'string', long: 'directory', arg: 'DIR', description: 'change the working directory to DIR first' },
    E: { type: 'boolean', long: 'remove-empty-files', description: 'remove output files that are empty after patching' },
  },
  async run(ctx) {
    const f = ctx.flags
    const dir = f.d !== undefined ? ctx.resolve(f.d) : ctx.cwd
    const res = (p: string) => (p.startsWith('/') ? p : `${dir}/${p}`)
    let text: string
    const patchFile = f.i ?? ctx.args[1]
    try {
      text = patchFile !== undefined ? ctx.fs.readText(ctx.resolve(patchFile)) : await ctx.stdin.readText()
    } catch (e) {
      await ctx.stderr.write(`patch: **** Can't open patch file ${patchFile} : ${describeError(e)}\n`)
      return 2
    }
    const files = parsePatch(text)
    if (files.length === 0) {
      await ctx.stderr.write('patch: **** Only garbage was found in the patch input.\n')
      return 2
    }
    let status = 0
    let out = ''
    const say = (s: string) => {
      if (!f.s) out += s
    }
    for (const fp of files) {
      let oldName = fp.oldName
      let newName = fp.newName
      const hunks = fp.hunks.map((h) => ({
        ...h,
        lines: f.R ? h.lines.map((l) => ({ op: (l.op === '-' ? '+' : l.op === '+' ? '-' : ' ') as ' ' | '-' | '+', text: l.text })) : h.lines,
        oldNoEol: f.R ? h.newNoEol : h.oldNoEol,
        newNoEol: f.R ? h.oldNoEol : h.newNoEol,
      }))
      if (f.R) [oldName, newName] = [newName, oldName]
      const creating = oldName === '/dev/null'
      const deleting = newName === '/dev/null'
      let target = ctx.args[0] ?? stripPath(creating ? newName : oldName, f.p)
      if (!creating && ctx.args[0] === undefined && !ctx.fs.exists(res(target)) && ctx.fs.exists(res(stripPath(newName, f.p)))) target = stripPath(newName, f.p)
      const path = res(target)
      let source = ''
      if (!creating) {
        try {
          source = ctx.fs.readText(path)
        } catch {
          await ctx.stderr.write(`patch: **** Can't find file ${target} : No such file or directory\n`)
          status = 1
          continue
        }
      } else if (ctx.fs.exists(path) && !f['dry-run']) {
        source = ctx.fs.readText(path)
      }
      say(`${f['dry-run'] ? 'checking' : 'patching'} file ${target}\n`)
      const lines = source.split('\n')
      let eol = source === '' || source.endsWith('\n')
      if (eol) lines.pop()
      let delta = 0
      let failed = 0
      for (const [k, h] of hunks.entries()) {
        const old = h.lines.filter((l) => l.op !== '+').map((l) => l.text)
        const neu = h.lines.filter((l) => l.op !== '-').map((l) => l.text)
        const want = Math.max(0, (old.length === 0 ? h.oldStart : h.oldStart - 1) + delta)
        const matches = (at: number) => at >= 0 && at + old.length <= lines.length && old.every((t, j) => lines[at + j] === t)
        let at = -1
        for (let off = 0; off <= lines.length; off++) {
          if (matches(want - off)) {
            at = want - off
            break
          }
          if (matches(want + off)) {
            at = want + off
            break
          }
        }
        if (at === -1) {
          say(`Hunk #${k + 1} FAILED at ${h.oldStart}.\n`)
          failed++
          continue
        }
        lines.splice(at, old.length, ...neu)
        if (at === lines.length - neu.length && h.newNoEol) eol = false
        else if (h.oldNoEol && !h.newNoEol && at + neu.length === lines.length) eol = true
        const offset = at - (h.oldStart - 1 + delta)
        if (offset !== 0 && old.length > 0) say(`Hunk #${k + 1} succeeded at ${at + 1} (offset ${offset} line${Math.abs(offset) === 1 ? '' : 's'}).\n`)
        delta += neu.length - old.length + offset
      }
      if (failed > 0) {
        say(`${failed} out of ${hunks.length} hunk${hunks.length === 1 ? '' : 's'} FAILED -- saving rejects to file ${target}.rej\n`)
        status = 1
        if (!f['dry-run']) {
          const rej = fp.hunks.map((h) => `@@ -${h.oldStart} @@\n${h.lines.map((l) => `${l.op}${l.text}`).join('\n')}\n`).join('')
          ctx.fs.writeFile(`${path}.rej`, `--- ${fp.oldName}\n+++ ${fp.newName}\n${rej}`)
        }
      }
      if (f['dry-run']) continue
      const result = lines.length === 0 ? '' : lines.join('\n') + (eol ? '\n' : '')
      const outPath = f.o !== undefined ? ctx.resolve(f.o) : path
      if ((deleting || f.E) && result === '' && f.o === undefined) {
        if (ctx.fs.exists(path)) ctx.fs.unlink(path)
        continue
      }
      const dirOf = outPath.slice(0, outPath.lastIndexOf('/')) || '/'
      if (!ctx.fs.exists(dirOf)) ctx.fs.mkdir(dirOf, { recursive: true })
      ctx.fs.writeFile(outPath, result)
    }
    await ctx.stdout.write(out)
    return status
  },
})

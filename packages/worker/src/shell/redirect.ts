/**
 * Applies a command's redirections to a copy of its descriptor table: files over the VFS,
 * descriptor duplication (`2>&1`), heredocs and here-strings. Files opened for writing
 * are flushed when the command finishes (the returned `close`).
 */
import { stringInput } from '../commands/io.js'
import { resolvePath } from '../commands/lib/path.js'
import { isVfsError } from '../vfs/types.js'
import type { Vfs } from '../vfs/types.js'
import type { Redirect } from './ast.js'
import { ShellError } from './errors.js'
import type { Expander } from './expand.js'
import { copyIo, emptyLineInput, FileInput, FileOutput, getFd, type Io, isOutput, nullOutput, setFd, type Stream } from './streams.js'

export interface RedirectHost {
  readonly fs: Vfs
  readonly expander: Expander
  readonly cwd: string
  readonly noclobber: boolean
}

/** A redirection that could not be opened; printed as `bash: <message>`, status 1. */
export class RedirectError extends ShellError {
  constructor(message: string) {
    super('noexec', message)
  }
}

export interface Redirected {
  io: Io
  close(): void
}

const vfsMessage = (e: unknown): string => (isVfsError(e) ? e.description : e instanceof Error ? e.message : String(e))

export async function applyRedirects(host: RedirectHost, redirects: Redirect[], base: Io, inPlace = false): Promise<Redirected> {
  const io = inPlace ? base : copyIo(base)
  const opened: FileOutput[] = []
  const close = (): void => {
    for (const f of opened) {
      try {
        f.flush()
      } catch {
        // A failed flush (quota) has nowhere to go once the command is done.
      }
    }
  }
  try {
    for (const r of redirects) await applyOne(host, r, io, opened, inPlace)
  } catch (e) {
    close()
    throw e
  }
  return { io, close }
}

async function applyOne(host: RedirectHost, r: Redirect, io: Io, opened: FileOutput[], persistent: boolean): Promise<void> {
  const { fs } = host
  if (r.op === '<<' || r.op === '<<-') {
    const body = r.heredoc ? (r.heredoc.quoted ? partsText(r.heredoc.body) : await host.expander.expandString(r.heredoc.body)) : ''
    setFd(io, r.fd ?? 0, stringInput(body))
    return
  }
  if (r.op === '<<<') {
    const text = await host.expander.expandString(r.target)
    setFd(io, r.fd ?? 0, stringInput(text + '\n'))
    return
  }
  const target = await host.expander.expandString(r.target)
  const onlyParam = r.target.parts.length === 1 && r.target.parts[0]!.type === 'param' ? r.target.parts[0] : undefined
  if (target === '' && onlyParam?.type === 'param') throw new RedirectError(`$${onlyParam.name}: ambiguous redirect`)
  if (r.op === '>&' || r.op === '<&') {
    const fd = r.fd ?? (r.op === '>&' ? 1 : 0)
    if (target === '-') {
      setFd(io, fd, undefined)
      return
    }
    if (/^\d+-?$/.test(target)) {
      const src = Number(target.replace('-', ''))
      const s = getFd(io, src)
      if (!s) throw new RedirectError(`${src}: Bad file descriptor`)
      setFd(io, fd, s)
      if (target.endsWith('-')) setFd(io, src, undefined)
      return
    }
    if (r.op === '<&') throw new RedirectError(`${target}: ambiguous redirect`)
    // `>&file` means `&>file`.
    const out = openOutput(host, target, false, opened, persistent)
    setFd(io, 1, out)
    setFd(io, 2, out)
    return
  }
  if (r.op === '&>' || r.op === '&>>') {
    const out = openOutput(host, target, r.op === '&>>', opened, persistent)
    setFd(io, 1, out)
    setFd(io, 2, out)
    return
  }
  if (r.op === '<' || r.op === '<>') {
    setFd(io, r.fd ?? 0, openInput(fs, host.cwd, target, io))
    return
  }
  const append = r.op === '>>'
  if (r.op === '>' && host.noclobber && target !== '/dev/null') {
    const path = resolvePath(host.cwd, target)
    if (fs.exists(path) && fs.stat(path).type === 'file') throw new RedirectError(`${target}: cannot overwrite existing file`)
  }
  setFd(io, r.fd ?? 1, openOutput(host, target, append, opened, persistent, io))
}

function partsText(w: { parts: Array<{ type: string; value?: string }> }): string {
  return w.parts.map((p) => p.value ?? '').join('')
}

function special(target: string, io: Io | undefined): Stream | undefined {
  if (target === '/dev/null') return nullOutput
  if (!io) return undefined
  if (target === '/dev/stdout' || target === '/dev/fd/1') return io.stdout
  if (target === '/dev/stderr' || target === '/dev/fd/2') return io.stderr
  if (target === '/dev/stdin' || target === '/dev/fd/0') return io.stdin
  const m = /^\/dev\/fd\/(\d+)$/.exec(target)
  if (m) return getFd(io, Number(m[1]))
  return undefined
}

function openOutput(host: RedirectHost, target: string, append: boolean, opened: FileOutput[], persistent: boolean, io?: Io): Stream {
  if (target === '') throw new RedirectError(': No such file or directory')
  const sp = special(target, io)
  if (sp) return sp
  if (target === '/dev/null') return nullOutput
  const path = resolvePath(host.cwd, target)
  try {
    let type: string | undefined
    try {
      type = host.fs.stat(path).type
    } catch (e) {
      if (!isVfsError(e, 'ENOENT')) throw e
    }
    if (type === 'dir') throw new RedirectError(`${target}: Is a directory`)
    // `>>` onto an existing file needs no write until there is data; `>` truncates now.
    if (!append) host.fs.writeFile(path, new Uint8Array(0))
    else if (type === undefined) host.fs.writeFile(path, new Uint8Array(0), { append: true })
  } catch (e) {
    if (e instanceof RedirectError) throw e
    throw new RedirectError(`${target}: ${vfsMessage(e)}`)
  }
  const out = new FileOutput(host.fs, path, !persistent)
  if (!persistent) opened.push(out)
  return out
}

function openInput(fs: Vfs, cwd: string, target: string, io: Io): Stream {
  if (target === '/dev/null') return emptyLineInput()
  const sp = special(target, io)
  if (sp && !isOutput(sp)) return sp
  const path = resolvePath(cwd, target)
  try {
    if (fs.stat(path).type === 'dir') throw new RedirectError(`${target}: Is a directory`)
    return new FileInput(fs, path)
  } catch (e) {
    if (e instanceof RedirectError) throw e
    throw new RedirectError(`${target}: ${vfsMessage(e)}`)
  }
}

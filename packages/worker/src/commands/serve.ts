/**
 * serve: a static file server on a sandbox port, so preview ports work with nothing but
 * the shell. It listens until it is killed (Ctrl-C, `kill`, `processes.kill`); requests to
 * `/s/<id>/port/<n>/…` read files under DIR at request time, so edits show on reload.
 */
import { sandboxHostOf } from '../sandbox/host.js'
import { SandboxError } from '../sandbox/errors.js'
import type { Vfs } from '../vfs/types.js'
import { defineCommand } from './define-command.js'
import { joinPath, normalizePath } from './lib/path.js'

export const DEFAULT_SERVE_PORT = 8000

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8', htm: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8', mjs: 'text/javascript; charset=utf-8', json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8', md: 'text/markdown; charset=utf-8', svg: 'image/svg+xml', png: 'image/png',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', ico: 'image/x-icon',
  wasm: 'application/wasm', xml: 'application/xml', pdf: 'application/pdf',
}

const typeOf = (path: string): string => TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream'

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const text = (status: number, body: string): Response => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })

/** The response for one request against the files under `root`. */
export function serveFile(fs: Vfs, root: string, request: Request): Response {
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method Not Allowed\n')
  let rel: string
  try {
    rel = decodeURIComponent(new URL(request.url).pathname)
  } catch {
    return text(400, 'Bad Request\n')
  }
  // normalizePath on an absolute path cannot climb above '/', so the result stays under root.
  const path = joinPath(root, normalizePath(`/${rel}`).slice(1))
  let stat
  try {
    stat = fs.stat(path)
  } catch {
    return text(404, 'Not Found\n')
  }
  let file = path
  if (stat.type === 'dir') {
    if (!rel.endsWith('/')) return new Response(null, { status: 301, headers: { location: `${new URL(request.url).pathname}/` } })
    const index = joinPath(path, 'index.html')
    if (!fs.exists(index)) {
      const items = fs.readdir(path).map((e) => `<li><a href="${escapeHtml(encodeURIComponent(e.name))}${e.type === 'dir' ? '/' : ''}">${escapeHtml(e.name)}${e.type === 'dir' ? '/' : ''}</a></li>`)
      const title = `Index of ${escapeHtml(rel)}`
      return new Response(`<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><ul>${items.join('')}</ul>\n`, {
        headers: { 'content-type': 'text/html; charset=utf-8' },
      })
    }
    file = index
  }
  const body = fs.readFile(file)
  return new Response(request.method === 'HEAD' ? null : body, {
    headers: { 'content-type': typeOf(file), 'content-length': String(body.byteLength), 'cache-control': 'no-cache' },
  })
}

export default defineCommand({
  name: 'serve',
  usage: 'serve [DIR] [--port N]',
  description: 'Serve the files under DIR (default: the current directory) on a sandbox port until stopped.',
  flags: {
    port: { type: 'number', short: 'p', arg: 'N', default: DEFAULT_SERVE_PORT, description: `port to listen on (default ${DEFAULT_SERVE_PORT})` },
  },
  async run(ctx) {
    if (ctx.args.length > 1) {
      await ctx.stderr.write("serve: too many operands\nTry 'serve --help' for more information.\n")
      return 1
    }
    const host = sandboxHostOf(ctx.fs)
    if (!host) {
      await ctx.stderr.write('serve: this shell has no sandbox ports\n')
      return 1
    }
    const root = ctx.resolve(ctx.args[0] ?? '.')
    if (!ctx.fs.exists(root) || ctx.fs.stat(root).type !== 'dir') {
      await ctx.stderr.write(`serve: ${ctx.args[0] ?? '.'}: not a directory\n`)
      return 1
    }
    const port = ctx.flags.port
    let close: () => void
    try {
      close = host.ports.listen(port, (request) => serveFile(ctx.fs, root, request))
    } catch (e) {
      if (!(e instanceof SandboxError)) throw e
      await ctx.stderr.write(`serve: ${e.message}\n`)
      return 1
    }
    try {
      await ctx.stdout.write(`Serving ${root} on port ${port}\n`)
      if (!ctx.signal.aborted) await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true }))
    } finally {
      close()
    }
    const reason: unknown = ctx.signal.reason
    return typeof reason === 'object' && reason !== null && typeof (reason as { status?: unknown }).status === 'number' ? (reason as { status: number }).status : 130
  },
})

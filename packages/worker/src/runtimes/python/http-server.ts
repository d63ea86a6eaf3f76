/**
 * `python -m http.server [PORT] [-d DIR]`: Python's own SimpleHTTPRequestHandler serving the
 * sandbox's files on a sandbox port, reachable at the port URL (`/s/<id>/port/<n>/`).
 * Programs have no sockets, so the command listens on the sandbox's port registry and
 * hands each request, as raw HTTP bytes, to the handler in the Python isolate; the
 * response it writes comes back the same way. Stops on Ctrl-C or kill, like the original.
 */
import type { CommandContext } from '../../commands/types.js'
import { sandboxHostOf } from '../../sandbox/host.js'
import { SandboxError } from '../../sandbox/errors.js'
import type { RuntimeBindings } from '../assets/env.js'
import { runPython } from './run.js'

const encoder = new TextEncoder()

const toBase64 = (bytes: Uint8Array): string => {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

/** The request as HTTP/1.0 bytes, with the path relative to the port. */
async function rawRequest(request: Request): Promise<Uint8Array> {
  const url = new URL(request.url)
  const body = request.method === 'GET' || request.method === 'HEAD' ? new Uint8Array() : new Uint8Array(await request.arrayBuffer())
  let head = `${request.method} ${url.pathname}${url.search} HTTP/1.0\r\n`
  request.headers.forEach((value, key) => {
    if (key !== 'content-length') head += `${key}: ${value}\r\n`
  })
  if (body.length > 0) head += `content-length: ${body.length}\r\n`
  const start = encoder.encode(`${head}\r\n`)
  const out = new Uint8Array(start.length + body.length)
  out.set(start)
  out.set(body, start.length)
  return out
}

/** Parses the raw response the handler wrote. */
export function parseRawResponse(raw: Uint8Array): Response {
  let end = -1
  for (let i = 0; i + 3 < raw.length; i++) {
    if (raw[i] === 13 && raw[i + 1] === 10 && raw[i + 2] === 13 && raw[i + 3] === 10) {
      end = i
      break
    }
  }
  if (end < 0) return new Response('python http.server sent no response\n', { status: 502 })
  const lines = new TextDecoder('latin1').decode(raw.subarray(0, end)).split('\r\n')
  const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 502)
  const headers = new Headers()
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':')
    if (i > 0) headers.append(line.slice(0, i).trim(), line.slice(i + 1).trim())
  }
  const body = raw.subarray(end + 4)
  const nullBody = status === 204 || status === 304 || (status >= 100 && status < 200)
  return new Response(nullBody ? null : body.slice(), { status, headers })
}

export function parseHttpServerArgs(args: string[]): { port: number; directory?: string } | string {
  let port = 8000
  let directory: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '-d' || a === '--directory') directory = args[++i]
    else if (a.startsWith('--directory=')) directory = a.slice('--directory='.length)
    else if (a === '-b' || a === '--bind') i++
    else if (a === '--cgi' || a === '--protocol' || a === '-p') return `${a} is not supported here`
    else if (/^\d+$/.test(a)) port = Number(a)
    else return `unrecognized arguments: ${a}`
  }
  return directory === undefined ? { port } : { port, directory }
}

export async function runHttpServer(ctx: CommandContext, env: RuntimeBindings, args: string[]): Promise<number> {
  const opts = parseHttpServerArgs(args)
  if (typeof opts === 'string') {
    await ctx.stderr.write(`usage: server.py [-h] [-b ADDRESS] [-d DIRECTORY] [port]\nserver.py: error: ${opts}\n`)
    return 2
  }
  const host = sandboxHostOf(ctx.fs)
  if (!host) {
    await ctx.stderr.write('python: this shell has no sandbox ports\n')
    return 1
  }
  const root = ctx.resolve(opts.directory ?? '.')
  const vars: Record<string, string> = {}
  for (const [k, v] of ctx.env.entries()) vars[k] = v
  const handle = async (request: Request): Promise<Response> => {
    const outcome = await runPython(ctx.fs, env, {
      mode: 'http',
      target: toBase64(await rawRequest(request)),
      argv: ['-m', 'http.server'],
      cwd: root,
      env: vars,
      stdin: new Uint8Array(),
      timeoutMs: 30_000,
    })
    if (outcome.stderr.length > 0) await ctx.stderr.write(outcome.stderr).catch(() => undefined)
    if (outcome.exitCode !== 0) return new Response(`python http.server failed (exit ${outcome.exitCode})\n`, { status: 502 })
    return parseRawResponse(outcome.stdout)
  }
  let close: () => void
  try {
    close = host.ports.listen(opts.port, handle)
  } catch (e) {
    if (!(e instanceof SandboxError)) throw e
    await ctx.stderr.write(`OSError: [Errno 98] Address already in use (${e.message})\n`)
    return 1
  }
  try {
    await ctx.stdout.write(`Serving HTTP on 0.0.0.0 port ${opts.port} (http://0.0.0.0:${opts.port}/) ...\n`)
    if (!ctx.signal.aborted) await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true }))
    await ctx.stdout.write('\nKeyboard interrupt received, exiting.\n').catch(() => undefined)
  } finally {
    close()
  }
  return 0
}

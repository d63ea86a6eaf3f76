/**
 * Test wheels and a loopback package index: two tiny pure-Python projects (one depending
 * on the other) packed into wheels at test time with the host's python3 `zipfile`, served
 * from a "simple" index (PEP 503 HTML pages with sha256 fragments) on 127.0.0.1.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const BUILD = String.raw`
import sys, zipfile, hashlib, base64, json
out, spec = sys.argv[1], json.loads(sys.argv[2])
name, version = spec['name'], spec['version']
dist = '%s-%s.dist-info' % (name, version)
files = dict(spec['files'])
meta = 'Metadata-Version: 2.1\nName: %s\nVersion: %s\n' % (name, version)
for req in spec.get('requires', []):
    meta += 'Requires-Dist: %s\n' % req
files[dist + '/METADATA'] = meta
files[dist + '/WHEEL'] = 'Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n'
record = []
for path, text in files.items():
    data = text.encode()
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()
    record.append('%s,sha256=%s,%d' % (path, digest, len(data)))
record.append(dist + '/RECORD,,')
files[dist + '/RECORD'] = '\n'.join(record) + '\n'
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for path, text in files.items():
        z.writestr(path, text)
`

export interface WheelSpec {
  name: string
  version: string
  files: Record<string, string>
  requires?: string[]
}

export interface LoopbackIndex {
  /** The index URL (`…/simple`), reachable from the Worker under wrangler dev. */
  url: string
  /** Wheel bytes by file name, for tests that install from a file. */
  wheels: Map<string, Uint8Array>
  /** Requests the index served, in order. */
  requests: string[]
  close(): Promise<void>
}

export function buildWheel(spec: WheelSpec): { filename: string; bytes: Uint8Array } {
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-wheel-'))
  try {
    const filename = `${spec.name}-${spec.version}-py3-none-any.whl`
    execFileSync('python3', ['-c', BUILD, join(dir, filename), JSON.stringify(spec)])
    return { filename, bytes: new Uint8Array(readFileSync(join(dir, filename))) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function startIndex(specs: WheelSpec[], opts: { corrupt?: string } = {}): Promise<LoopbackIndex> {
  const wheels = new Map<string, Uint8Array>()
  const byProject = new Map<string, string[]>()
  for (const spec of specs) {
    const { filename, bytes } = buildWheel(spec)
    wheels.set(filename, bytes)
    const project = spec.name.toLowerCase().replace(/[-_.]+/g, '-')
    byProject.set(project, [...(byProject.get(project) ?? []), filename])
  }
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://index.invalid').pathname
    requests.push(path)
    const page = /^\/simple\/([^/]+)\/$/.exec(path)
    if (page) {
      const files = byProject.get(page[1] as string)
      if (!files) return void res.writeHead(404).end('not found')
      const links = files.map((f) => {
        const sha = createHash('sha256').update(wheels.get(f) as Uint8Array).digest('hex')
        const shown = opts.corrupt === f ? '0'.repeat(64) : sha
        return `<a href="../../files/${f}#sha256=${shown}">${f}</a><br/>`
      })
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!DOCTYPE html><html><body>${links.join('\n')}</body></html>`)
      return
    }
    const file = /^\/files\/([^/]+)$/.exec(path)
    const bytes = file ? wheels.get(decodeURIComponent(file[1] as string)) : undefined
    if (!bytes) return void res.writeHead(404).end('not found')
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/simple`,
    wheels,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

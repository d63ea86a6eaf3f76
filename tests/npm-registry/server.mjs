/**
 * A small npm registry on 127.0.0.1 for the install tests: packuments (full and the
 * abbreviated install format) and gzipped tarballs built at start from the fixture folders
 * under fixtures/<name>/<version>/, with real sha512 integrity. Two fixtures are broken on
 * purpose: `badsum` publishes a wrong integrity, `evil` packs an entry outside its folder.
 * Requests are counted so tests can tell cache hits from registry trips.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const here = dirname(fileURLToPath(import.meta.url))

/** A ustar archive of `files` ({ path, data, mode }). */
export function makeTar(files) {
  const blocks = []
  for (const f of files) {
    const h = Buffer.alloc(512)
    let name = f.path
    let prefix = ''
    if (Buffer.byteLength(name) > 100) {
      const cut = name.lastIndexOf('/', 154)
      prefix = name.slice(0, cut)
      name = name.slice(cut + 1)
    }
    h.write(name, 0, 100)
    h.write((f.mode ?? 0o644).toString(8).padStart(7, '0'), 100)
    h.write('0000000', 108)
    h.write('0000000', 116)
    h.write(f.data.length.toString(8).padStart(11, '0'), 124)
    h.write('00000000000', 136)
    h.write('        ', 148)
    h.write(f.type ?? '0', 156)
    h.write('ustar\u000000', 257)
    h.write(prefix, 345, 155)
    let sum = 0
    for (const b of h) sum += b
    h.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148)
    blocks.push(h, f.data, Buffer.alloc((512 - (f.data.length % 512)) % 512))
  }
  blocks.push(Buffer.alloc(1024))
  return Buffer.concat(blocks)
}

function walk(dir, base = '') {
  const out = []
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name)
    const rel = base ? `${base}/${name}` : name
    if (statSync(p).isDirectory()) out.push(...walk(p, rel))
    else out.push({ path: rel, data: readFileSync(p), mode: statSync(p).mode & 0o111 ? 0o755 : 0o644 })
  }
  return out
}

function loadFixtures() {
  const packages = new Map()
  const root = join(here, 'fixtures')
  const names = []
  for (const entry of readdirSync(root)) {
    if (entry.startsWith('@')) for (const sub of readdirSync(join(root, entry))) names.push(`${entry}/${sub}`)
    else names.push(entry)
  }
  for (const name of names) {
    const versions = {}
    for (const version of readdirSync(join(root, name))) {
      const files = walk(join(root, name, version))
      const manifest = JSON.parse(files.find((f) => f.path === 'package.json').data.toString())
      let entries = files.map((f) => ({ ...f, path: `package/${f.path}` }))
      if (manifest.name === 'evil') entries = [...entries, { path: 'package/../../escaped.js', data: Buffer.from('pwned') }]
      const tgz = gzipSync(makeTar(entries))
      let integrity = `sha512-${createHash('sha512').update(tgz).digest('base64')}`
      if (manifest.name === 'badsum') integrity = `sha512-${createHash('sha512').update('something else').digest('base64')}`
      versions[version] = { manifest, tgz, integrity, shasum: createHash('sha1').update(tgz).digest('hex') }
    }
    packages.set(name, versions)
  }
  return packages
}

const newest = (versions) => Object.keys(versions).sort((a, b) => a.localeCompare(b, undefined, { numeric: true })).pop()

export async function startRegistry({ extra } = {}) {
  const packages = loadFixtures()
  for (const [name, versions] of Object.entries(extra ?? {})) packages.set(name, versions)
  const hits = { packument: 0, tarball: 0 }
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x')
    const path = decodeURIComponent(url.pathname.slice(1))
    const tar = /^(.+)\/-\/[^/]+-(\d[^/]*)\.tgz$/.exec(path)
    if (tar) {
      const v = packages.get(tar[1])?.[tar[2]]
      if (!v) return void res.writeHead(404).end()
      hits.tarball++
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      return void res.end(v.tgz)
    }
    const versions = packages.get(path)
    if (!versions) {
      res.writeHead(404, { 'content-type': 'application/json' })
      return void res.end('{"error":"Not found"}')
    }
    hits.packument++
    const origin = `http://${req.headers.host}`
    const doc = {
      name: path,
      'dist-tags': { latest: newest(versions) },
      versions: Object.fromEntries(
        Object.entries(versions).map(([version, v]) => [
          version,
          { ...v.manifest, dist: { tarball: `${origin}/${path}/-/${path.split('/').pop()}-${version}.tgz`, integrity: v.integrity, shasum: v.shasum } },
        ]),
      ),
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(doc))
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${server.address().port}/`
  return { url, hits, packages, close: () => new Promise((r) => server.close(r)) }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await startRegistry()
  console.log(r.url)
}

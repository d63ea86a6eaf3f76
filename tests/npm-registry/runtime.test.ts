/**
 * The JavaScript runtime end to end: a real workerd (wrangler dev) with the Worker Loader,
 * a sandbox Durable Object, and an npm registry on 127.0.0.1 serving fixture packages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRuntimeWorker } from './dev-worker.mjs'
import { startRegistry } from './server.mjs'

interface Dev {
  origin: string
  stop(): Promise<void>
}
interface Registry {
  url: string
  hits: { packument: number; tarball: number }
  close(): Promise<void>
}
interface ExecResult {
  stdout: string
  stderr: string
  exitCode: number
}

let dev: Dev
let registry: Registry
let boxSeq = 0

const box = () => `box${++boxSeq}-${Date.now()}`
const exec = async (b: string, command: string, opts: { timeoutMs?: number } = {}): Promise<ExecResult> => {
  const res = await fetch(`${dev.origin}/${b}/exec`, { method: 'POST', body: JSON.stringify({ command, ...opts }) })
  return (await res.json()) as ExecResult
}
const put = async (b: string, path: string, body: string) => {
  const res = await fetch(`${dev.origin}/${b}/file?path=${encodeURIComponent(path)}`, { method: 'PUT', body })
  expect(res.status).toBe(204)
}
const BUILTINS = "const crypto = require('crypto'), zlib = require('zlib'), path = require('path'), os = require('os'), util = require('util')\nconst { EventEmitter } = require('events'), assert = require('assert'), { Readable } = require('stream'), qs = require('querystring')\nconst { exec } = require('child_process'), fsp = require('fs/promises'), url = require('url')\nconsole.log(crypto.createHash('sha256').update('abc').digest('hex').slice(0, 16), crypto.randomBytes(4).length, typeof crypto.webcrypto.subtle.digest)\nconsole.log(zlib.gunzipSync(zlib.gzipSync('zipped')).toString(), path.join('/a', '../b', 'c.js'), os.platform(), os.homedir())\nconsole.log(util.format('%s=%d', 'x', 5), qs.stringify({ a: 1, b: 'x y' }), new url.URL('http://h/p?q=1').searchParams.get('q'), url.fileURLToPath('file:///tmp/x'))\nconst e = new EventEmitter(); e.on('ev', (v) => console.log('event', v)); e.emit('ev', 1)\nassert.deepStrictEqual({ a: [1] }, { a: [1] })\nReadable.from(['s1', 's2']).on('data', (d) => console.log('stream', d))\n;(async () => {\n  await fsp.writeFile('/tmp/p.txt', 'promised')\n  console.log(await fsp.readFile('/tmp/p.txt', 'utf8'))\n  exec('echo from-shell && cat /tmp/p.txt', (err, out) => { console.log('exec', err, JSON.stringify(out)); setTimeout(() => console.log('timer'), 10) })\n})()\nprocess.on('exit', (c) => console.log('exit', c))\n"

const rc = (b: string) => put(b, '/home/user/.npmrc', `registry=${registry.url}\n`)

beforeAll(async () => {
  registry = (await startRegistry()) as Registry
  dev = (await startRuntimeWorker({ vars: { NIMBUS_NODE_LOOP_LIMIT: '20000000' } })) as Dev
}, 180_000)
afterAll(async () => {
  await dev?.stop()
  await registry?.close()
})

describe('node in a Worker Loader isolate', () => {
  it('runs -e with process, fs over the sandbox and exit codes', async () => {
    const b = box()
    await put(b, '/home/user/in.txt', 'from the sandbox\n')
    const r = await exec(b, `node -e "const fs = require('fs'); process.stdout.write(fs.readFileSync('in.txt', 'utf8')); fs.writeFileSync('out.txt', process.argv.slice(1).join(',')); console.error('to stderr'); process.exit(3)" a b; echo code=$?; cat out.txt`)
    expect(r.stdout).toBe('from the sandbox\ncode=3\na,b')
    expect(r.stderr).toBe('to stderr\n')
  }, 60_000)

  it('runs files that require and import relative files, JSON and node_modules, ESM with top-level await', async () => {
    const b = box()
    await put(b, '/home/user/app/lib.js', 'module.exports = { twice: (n) => n * 2, here: __dirname }')
    await put(b, '/home/user/app/data.json', '{"n": 21}')
    await put(b, '/home/user/app/node_modules/tiny/package.json', '{"name":"tiny","exports":{"import":"./m.mjs","require":"./c.js"}}')
    await put(b, '/home/user/app/node_modules/tiny/c.js', 'exports.kind = "cjs"')
    await put(b, '/home/user/app/node_modules/tiny/m.mjs', 'export const kind = "esm"')
    await put(b, '/home/user/app/main.js', 'const { twice, here } = require("./lib"); const { n } = require("./data.json"); console.log(twice(n), here, require("tiny").kind)')
    await put(b, '/home/user/app/main.mjs', 'import { kind } from "tiny"; import lib from "./lib.js"; const v = await new Promise((r) => setTimeout(() => r(lib.twice(2)), 5)); const dyn = await import("./data.json"); console.log(kind, v, dyn.default.n)')
    expect(await exec(b, 'cd app && node main.js && node main.mjs')).toMatchObject({ stdout: '42 /home/user/app cjs\nesm 4 21\n', exitCode: 0 })
  }, 60_000)

  it('provides the Node built-ins: crypto, zlib, path, os, util, events, assert, stream, url, timers, fs/promises, child_process', async () => {
    const b = box()
    await put(b, '/home/user/b.js', BUILTINS)
    expect(await exec(b, 'node b.js')).toMatchObject({
      stdout: 'ba7816bf8f01cfea 4 function\nzipped /b/c.js linux /home/user\nx=5 a=1&b=x%20y 1 /tmp/x\nevent 1\nstream s1\nstream s2\npromised\nexec null "from-shell\\npromised"\ntimer\nexit 0\n',
      exitCode: 0,
    })
    expect(await exec(b, 'echo piped | node -e "process.stdout.write(require(\'fs\').readFileSync(0, \'utf8\').toUpperCase())"')).toMatchObject({ stdout: 'PIPED\n' })
  }, 60_000)

  it('keeps synchronous fs to the snapshot and fetches the rest asynchronously', async () => {
    const b = box()
    await put(b, '/home/user/q/node_modules/z/f', 'deep')
    await put(b, '/home/user/q/run.js', 'const fs = require("fs")\nconsole.log(fs.existsSync("node_modules"), fs.existsSync("node_modules/z/f"))\ntry { fs.readdirSync("node_modules") } catch (e) { console.log(e.code) }\nfs.promises.readdir("node_modules").then(async (l) => console.log(l, await fs.promises.readFile("node_modules/z/f", "utf8"), fs.readdirSync("node_modules")))\nfs.mkdirSync("made/deeper", { recursive: true }); fs.writeFileSync("made/deeper/x.txt", "X"); fs.renameSync("made/deeper/x.txt", "made/y.txt")\n')
    expect(await exec(b, 'cd q && node run.js && cat made/y.txt && ls made')).toMatchObject({ stdout: "true false\nENOTSUP\n[ 'z' ] deep [ 'z' ]\nXdeeper\ny.txt\n", exitCode: 0 })
  }, 60_000)

  it('runs TypeScript through esbuild-wasm', async () => {
    const b = box()
    await put(b, '/home/user/t.ts', 'interface P { n: number }\nconst p: P = { n: 7 }\nenum E { A = 2 }\nconsole.log(p.n * E.A)\n')
    expect(await exec(b, 'node t.ts')).toMatchObject({ stdout: '14\n', exitCode: 0 })
  }, 60_000)

  it("prints Node's MODULE_NOT_FOUND for a missing module and a missing script", async () => {
    const b = box()
    await put(b, '/home/user/m.js', 'require("no-such-pkg")')
    const r = await exec(b, 'node m.js')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toContain("Error: Cannot find module 'no-such-pkg'\nRequire stack:\n- /home/user/m.js")
    expect(r.stderr).toContain("code: 'MODULE_NOT_FOUND'")
    const s = await exec(b, 'node nothing-here.js')
    expect(s.exitCode).toBe(1)
    expect(s.stderr).toContain("Error: Cannot find module '/home/user/nothing-here.js'")
  }, 60_000)

  it('stops an infinite loop with a clear message and keeps the session usable', async () => {
    const b = box()
    const r = await exec(b, 'node -e "let i = 0; while (true) { i++ }"; echo code=$?; node -e "console.log(\'still here\')"')
    expect(r.stderr).toContain('node: the program was stopped: it ran 20000000 loop iterations without finishing (CPU limit)')
    expect(r.stdout).toBe('code=152\nstill here\n')
  }, 60_000)
})

describe('npm against a registry on loopback', () => {
  it('installs a package with a dependency and a bin, writes the lockfile, runs the bin and skips install scripts', async () => {
    const b = box()
    await rc(b)
    const r = await exec(b, 'mkdir proj && cd proj && npm init -y >/dev/null && npm i greet && npx greet Ada && cat package.json && npm ls --all && echo \'{"name":"proj","scripts":{"hi":"greet Bob"},"dependencies":{"greet":"^1.0.0"}}\' > package.json && npm run hi')
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toContain('npm warn install scripts are not run in the sandbox; skipped for: greet')
    expect(r.stdout).toContain('added 2 packages')
    expect(r.stdout).toContain('Hello, Ada!\n[.....Ada]\n')
    expect(r.stdout).toContain('"greet": "^1.0.0"')
    expect(r.stdout).toContain('├── greet@1.0.0'.replace('├', '└'))
    expect(r.stdout).toContain('    └── left-pad@1.3.0')
    expect(r.stdout).toContain('Hello, Bob!')
    const lock = await exec(b, 'cat proj/package-lock.json')
    const parsed = JSON.parse(lock.stdout) as { lockfileVersion: number; packages: Record<string, { version: string; integrity: string }> }
    expect(parsed.lockfileVersion).toBe(3)
    expect(parsed.packages['node_modules/left-pad']?.version).toBe('1.3.0')
    expect(parsed.packages['node_modules/greet']?.integrity).toMatch(/^sha512-/)
  }, 90_000)

  it('resolves ranges, nests a conflicting version, reinstalls from the lockfile without the registry', async () => {
    const b = box()
    await rc(b)
    await put(b, '/home/user/p2/package.json', JSON.stringify({ name: 'p2', dependencies: { 'left-pad': '~1.3.0', 'deep-a': '1' } }))
    const r = await exec(b, 'cd p2 && npm install && node -e "console.log(require(\'deep-a\'), require(\'left-pad/package.json\').version)" && ls node_modules/deep-a/node_modules')
    expect(r.stdout).toContain('separate 1.3.0\nleft-pad\n')
    const before = registry.hits.packument
    const again = await exec(b, 'cd p2 && rm -r node_modules && npm install && node -e "console.log(require(\'deep-a\'))"')
    expect(again.stdout).toContain('added 4 packages')
    expect(again.stdout).toContain('separate')
    expect(registry.hits.packument).toBe(before)
  }, 90_000)

  it('installs a scoped package whose exports pick ESM or CommonJS, and a TS file imports it', async () => {
    const b = box()
    await rc(b)
    await put(b, '/home/user/s/main.ts', 'import { shout, flavour } from "@nimbus-fixtures/util"\nconst msg: string = shout("hi")\nconsole.log(msg, flavour)\n')
    await put(b, '/home/user/s/main.cjs', 'const u = require("@nimbus-fixtures/util"); console.log(u.shout("yo"), u.flavour)')
    const r = await exec(b, 'cd s && npm i @nimbus-fixtures/util@^2 -D && node main.ts && node main.cjs && grep -A2 devDependencies package.json')
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain('HI! esm\nYO! cjs\n')
    expect(r.stdout).toContain('"@nimbus-fixtures/util": "^2"')
  }, 90_000)

  it('serves an express-style app through its port', async () => {
    const b = box()
    await rc(b)
    await put(b, '/home/user/web/server.js', 'const app = require("mini-express")()\napp.get("/hello/:name", (req, res) => res.json({ hi: req.params.name, q: req.query.x }))\napp.listen(3000, () => console.log("up"))\n')
    expect((await exec(b, 'cd web && npm i mini-express')).exitCode).toBe(0)
    const running = exec(b, 'cd web && node server.js', { timeoutMs: 8000 })
    let res: Response | undefined
    for (let i = 0; i < 40; i++) {
      res = await fetch(`${dev.origin}/${b}/port/3000/hello/ada?x=1`)
      if (res.status === 200) break
      await new Promise((r) => setTimeout(r, 150))
    }
    expect(res?.status).toBe(200)
    expect(await res?.json()).toEqual({ hi: 'ada', q: '1' })
    expect((await running).stdout).toBe('up\n')
  }, 90_000)

  it('reports EADDRINUSE for a port that is taken', async () => {
    const b = box()
    await put(b, '/home/user/two.js', 'const http = require("http")\nconst a = http.createServer(() => {}).listen(3001, () => {\n  const c = http.createServer()\n  c.on("error", (e) => { console.log(e.code, e.message); a.close() })\n  c.listen(3001)\n})\n')
    expect(await exec(b, 'node two.js')).toMatchObject({ stdout: 'EADDRINUSE listen EADDRINUSE: address already in use :::3001\n', exitCode: 0 })
  }, 60_000)

  it('runs a bin with npx, installing it first', async () => {
    const b = box()
    await rc(b)
    const r = await exec(b, 'npx hello-cli one two')
    expect(r).toMatchObject({ stdout: 'hello from hello-cli one two\n', exitCode: 0 })
  }, 90_000)

  it('finds a module installed after a run that missed it, and runs bun commands', async () => {
    const b = box()
    await rc(b)
    await put(b, '/home/user/late/app.js', 'try { console.log(require("left-pad")("z", 3)) } catch (e) { console.log(e.code) }')
    await put(b, '/home/user/late/package.json', JSON.stringify({ name: 'late', scripts: { go: 'node app.js' } }))
    const r = await exec(b, 'cd late && node app.js && bun add left-pad >/dev/null && bun run go && bun app.js && bunx hello-cli via-bunx && bun remove left-pad >/dev/null && bun run app.js')
    expect(r).toMatchObject({ stdout: 'MODULE_NOT_FOUND\n  z\n  z\nhello from hello-cli via-bunx\nMODULE_NOT_FOUND\n', exitCode: 0 })
  }, 90_000)

  it('refuses an unknown package with E404 and leaves the project untouched', async () => {
    const b = box()
    await rc(b)
    await put(b, '/home/user/u/package.json', '{ "name": "u" }\n')
    const r = await exec(b, 'cd u && npm i no-such-package-here; echo code=$?; cat package.json; ls -a')
    expect(r.stderr).toContain('npm error code E404')
    expect(r.stderr).toContain("'no-such-package-here@*' is not in this registry.")
    expect(r.stdout).toBe('code=1\n{ "name": "u" }\n.\n..\npackage.json\n')
  }, 60_000)

  it('rejects a tarball that fails its integrity check and one that writes outside its folder', async () => {
    const b = box()
    await rc(b)
    await put(b, '/home/user/x/package.json', '{ "name": "x" }\n')
    const bad = await exec(b, 'cd x && npm i badsum; echo code=$?; ls -a')
    expect(bad.stderr).toContain('npm error code EINTEGRITY')
    expect(bad.stdout).toBe('code=1\n.\n..\npackage.json\n')
    const evil = await exec(b, 'cd x && npm i evil; echo code=$?; ls -a; ls /home/user')
    expect(evil.stderr).toContain('npm error code E_TAR_TRAVERSAL')
    expect(evil.stderr).toContain('refusing tarball entry outside the package folder: package/../../escaped.js')
    expect(evil.stdout).toContain('code=1\n.\n..\npackage.json\n')
    expect(evil.stdout).not.toContain('escaped.js')
  }, 60_000)
})

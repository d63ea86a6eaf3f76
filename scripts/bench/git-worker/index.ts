/**
 * A bench-only Worker: runs `git` through the sandbox shell inside a Durable Object over
 * its SQLite (as a session does) and reports how long each command took there.
 */
import { DurableObject } from 'cloudflare:workers'
import { Shell } from '../../../packages/worker/src/shell/index.js'
import { seedSandbox } from '../../../packages/worker/src/vfs/seed.js'
import { doSqlStore } from '../../../packages/worker/src/vfs/sql.js'
import { SqliteVfs } from '../../../packages/worker/src/vfs/sqlite-vfs.js'

interface Env {
  BENCH: DurableObjectNamespace<GitBench>
}

export class GitBench extends DurableObject<Env> {
  #fs = new SqliteVfs(doSqlStore(this.ctx.storage))
  #edits = 0

  async run(op: string, url: string, round: number): Promise<{ ms: number; detail: string }> {
    seedSandbox(this.#fs)
    if (!this.#fs.exists('/home/user/.gitconfig')) this.#fs.writeFile('/home/user/.gitconfig', '[user]\n\tname = Bench\n\temail = bench@example.com\n')
    const sh = new Shell({ fs: this.#fs, cwd: '/home/user', fetch: (i, init) => fetch(i, init) })
    let line: string
    if (op === 'clone' || op === 'prepare') {
      const name = op === 'prepare' ? 'base' : `c${round}`
      if (this.#fs.exists(`/home/user/${name}`)) this.#fs.rm(`/home/user/${name}`, { recursive: true })
      line = `git clone -q ${url} ${name}`
    } else if (op === 'status') {
      line = 'cd /home/user/base && git status'
    } else {
      const n = this.#edits++
      for (let f = 0; f < 100; f++) this.#fs.writeFile(`/home/user/base/pkg${f % 40}/src/file${Math.floor(f / 40) + (n % 10) * 3}.ts`, `// change ${n}\n`)
      line = 'cd /home/user/base && git commit -qam change'
    }
    const t0 = Date.now()
    const r = await sh.exec(line)
    const ms = Date.now() - t0
    if (r.exitCode !== 0) throw new Error(`${line}: exit ${r.exitCode}\n${r.stderr}`)
    return { ms, detail: r.stdout.slice(0, 200) }
  }
}

export default {
  async fetch(req: Request, env: Env): Promise<Response> {
    const u = new URL(req.url)
    const op = u.pathname.slice(1)
    if (!op) return new Response('ok')
    const stub = env.BENCH.get(env.BENCH.idFromName(u.searchParams.get('box') ?? 'bench'))
    try {
      const res = await stub.run(op, u.searchParams.get('url') ?? '', Number(u.searchParams.get('round') ?? 0))
      return Response.json(res)
    } catch (e) {
      return new Response(e instanceof Error ? e.message : String(e), { status: 500 })
    }
  },
}

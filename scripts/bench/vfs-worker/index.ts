/** A bench-only Worker: runs VFS operations inside a Durable Object and reports timings. */
import { DurableObject } from 'cloudflare:workers'
import { seedSandbox } from '../../../packages/worker/src/vfs/seed.js'
import { doSqlStore } from '../../../packages/worker/src/vfs/sql.js'
import { SqliteVfs } from '../../../packages/worker/src/vfs/sqlite-vfs.js'

interface Env {
  BENCH: DurableObjectNamespace<VfsBench>
}

const MIB = new Uint8Array(1024 * 1024).map((_, i) => i % 251)

export class VfsBench extends DurableObject<Env> {
  #fs = new SqliteVfs(doSqlStore(this.ctx.storage))
  #round = 0

  async run(op: string): Promise<number> {
    seedSandbox(this.#fs)
    const dir = `/tmp/r${this.#round++}`
    this.#fs.mkdir(dir, { recursive: true })
    if (op === 'ls-1000') for (let i = 0; i < 1000; i++) this.#fs.writeFile(`${dir}/f${i}.txt`, `file ${i}\n`)
    const t0 = performance.now()
    if (op === 'write-read-1mib') {
      this.#fs.writeFile(`${dir}/big.bin`, MIB)
      if (this.#fs.readFile(`${dir}/big.bin`).length !== MIB.length) throw new Error('short read')
    } else if (op === 'create-1000') {
      for (let i = 0; i < 1000; i++) this.#fs.writeFile(`${dir}/f${i}.txt`, `file ${i}\n`)
    } else if (op === 'ls-1000') {
      if (this.#fs.readdirStats(dir).length !== 1000) throw new Error('short listing')
    }
    const t = performance.now() - t0
    this.#fs.rm(dir, { recursive: true })
    return t
  }
}

export default {
  async fetch(req: Request, env: Env): Promise<Response> {
    const op = new URL(req.url).pathname.slice(1)
    if (!op) return new Response('ok')
    const stub = env.BENCH.get(env.BENCH.idFromName('bench'))
    const inside = await stub.run(op)
    return Response.json({ insideMs: inside })
  },
}

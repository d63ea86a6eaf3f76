import { env, evictDurableObject, runInDurableObject } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { seedSandbox } from './seed.js'
import { doSqlStore } from './sql.js'
import { SqliteVfs } from './sqlite-vfs.js'
import { vfsCases } from './vfs.contract.js'

let n = 0
const freshStub = () => env.NIMBUS_SESSION.get(env.NIMBUS_SESSION.idFromName(`vfs-contract-${n++}`))

describe('SqliteVfs over Durable Object SQLite (workerd)', () => {
  for (const [name, run] of Object.entries(vfsCases)) {
    it(name, async () => {
      await runInDurableObject(freshStub(), (_instance, state) => {
        const fs = new SqliteVfs(doSqlStore(state.storage), { quotaBytes: 4 * 1024 * 1024 })
        seedSandbox(fs)
        run(fs)
      })
    })
  }

  it('files survive the Durable Object being restarted', async () => {
    const stub = freshStub()
    await runInDurableObject(stub, (_i, state) => {
      const fs = new SqliteVfs(doSqlStore(state.storage))
      fs.mkdir('/home/user/proj', { recursive: true })
      fs.writeFile('/home/user/proj/notes.txt', 'kept\n')
      fs.symlink('notes.txt', '/home/user/proj/link')
    })
    await evictDurableObject(stub)
    await runInDurableObject(stub, (_i, state) => {
      const fs = new SqliteVfs(doSqlStore(state.storage))
      expect(fs.readText('/home/user/proj/link')).toBe('kept\n')
      expect(fs.usage().bytes).toBeGreaterThanOrEqual(5)
    })
  })
})

/**
 * The git command inside workerd, over Durable Object SQLite: proves isomorphic-git and
 * its dependencies load and run under the Workers runtime (nodejs_compat) without
 * Node's fs. Network operations are covered in Node against a real git http-backend.
 */
import { env, runInDurableObject } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { Shell } from '../src/shell/index.js'
import { seedSandbox } from '../src/vfs/seed.js'
import { doSqlStore } from '../src/vfs/sql.js'
import { SqliteVfs } from '../src/vfs/sqlite-vfs.js'

let n = 0
const freshStub = () => env.NIMBUS_SESSION.get(env.NIMBUS_SESSION.idFromName(`git-local-${n++}`))

describe('git in workerd', () => {
  it('runs init, add, commit, log, branch, merge with a conflict, status and diff', async () => {
    await runInDurableObject(freshStub(), async (_instance, state) => {
      const fs = new SqliteVfs(doSqlStore(state.storage))
      seedSandbox(fs)
      const sh = new Shell({ fs, cwd: '/home/user' })
      const ok = async (line: string) => {
        const r = await sh.exec(line)
        expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0)
        return r
      }
      await ok('git init -q repo && cd repo')
      await ok('git config --global user.name "Worker User" && git config --global user.email w@example.com')
      await ok('printf "one\\ntwo\\n" > a.txt && git add . && git commit -q -m first')
      await ok('git checkout -q -b side && printf "one\\nside\\n" > a.txt && git commit -q -am side')
      await ok('git checkout -q main && printf "one\\nmain\\n" > a.txt && git commit -q -am main')
      const merge = await sh.exec('git merge side')
      expect(merge.exitCode).toBe(1)
      expect(merge.stdout).toContain('CONFLICT (content): Merge conflict in a.txt')
      expect(fs.readText('/home/user/repo/a.txt')).toBe('one\n<<<<<<< main\nmain\n=======\nside\n>>>>>>> side\n')
      await ok('printf "one\\nboth\\n" > a.txt && git add a.txt && git commit -q -m merged')
      const log = await ok('git log --oneline')
      expect(log.stdout.split('\n').filter(Boolean).map((l) => l.slice(8)).sort()).toEqual(['first', 'main', 'merged', 'side'])
      expect((await ok('git status --short')).stdout).toBe('')
      await ok('echo three >> a.txt')
      expect((await ok('git diff')).stdout).toContain('+three\n')
    })
  })
})

/** The shell inside workerd over the Durable Object's SQLite: pipes, timeouts and the terminal. */
import { env, runInDurableObject } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { seedSandbox } from '../vfs/seed.js'
import { doSqlStore } from '../vfs/sql.js'
import { SqliteVfs } from '../vfs/sqlite-vfs.js'
import { InteractiveShell, Shell } from './index.js'

let n = 0
const inShell = (fn: (sh: Shell) => Promise<void>) =>
  runInDurableObject(env.NIMBUS_SESSION.get(env.NIMBUS_SESSION.idFromName(`shell-${n++}`)), async (_i, state) => {
    const fs = new SqliteVfs(doSqlStore(state.storage))
    seedSandbox(fs)
    await fn(new Shell({ fs, cwd: '/home/user' }))
  })

describe('shell in workerd', () => {
  it('runs scripts with files, pipes and functions over the DO filesystem', async () => {
    await inShell(async (sh) => {
      const r = await sh.exec('f() { echo "$1$1"; }; f ab > x.txt; for i in 3 1 2; do echo $i; done | sort | tr "\\n" " "; cat x.txt; yes | head -n 2')
      expect(r).toMatchObject({ stdout: '1 2 3 abab\ny\ny\n', stderr: '', exitCode: 0 })
    })
  })

  it('stops an endless loop at the exec timeout (124) and keeps working', async () => {
    await inShell(async (sh) => {
      expect((await sh.exec('while true; do :; done', { timeoutMs: 50 })).exitCode).toBe(124)
      expect((await sh.exec('echo alive')).stdout).toBe('alive\n')
    })
  })

  it('drives the interactive terminal', async () => {
    await inShell(async (sh) => {
      let screen = ''
      const term = new InteractiveShell(sh, { write: (d) => void (screen += d) })
      term.start()
      term.input('echo hi\r')
      for (let i = 0; i < 100 && (term.busy || !screen.endsWith('$ ')); i++) await new Promise((r) => setTimeout(r, 5))
      expect(screen).toBe('user@nimbus:~$ echo hi\r\nhi\r\nuser@nimbus:~$ ')
    })
  })
})

/** The commands inside workerd itself: WebCrypto, CompressionStream and the DO SQLite VFS. */
import { env, runInDurableObject } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { seedSandbox } from '../vfs/seed.js'
import { doSqlStore } from '../vfs/sql.js'
import { SqliteVfs } from '../vfs/sqlite-vfs.js'
import type { Vfs } from '../vfs/types.js'
import { runWith } from './testing/runner.js'

let n = 0
const inSandbox = (fn: (fs: Vfs) => Promise<void>) =>
  runInDurableObject(env.NIMBUS_SESSION.get(env.NIMBUS_SESSION.idFromName(`commands-${n++}`)), async (_i, state) => {
    const fs = new SqliteVfs(doSqlStore(state.storage))
    seedSandbox(fs)
    await fn(fs)
  })

const run = (fs: Vfs, line: string[] | string, opts: { stdin?: string | Uint8Array } = {}) => runWith(() => fs, line, { fs, ...opts })

describe('commands in workerd', () => {
  it('hash, encode and compress with the platform APIs', async () => {
    await inSandbox(async (fs) => {
      fs.writeFile('/home/user/a', 'hello\n')
      expect((await run(fs, 'md5sum a')).stdout).toBe('b1946ac92492d2347c6235b4d2611184  a\n')
      expect((await run(fs, 'sha256sum a')).stdout).toBe('5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  a\n')
      expect((await run(fs, 'base64 a')).stdout).toBe('aGVsbG8K\n')
      expect((await run(fs, 'gzip a')).code).toBe(0)
      expect((await run(fs, 'zcat a.gz')).stdout).toBe('hello\n')
    })
  })

  it('archives, text tools and jq over the Durable Object filesystem', async () => {
    await inSandbox(async (fs) => {
      fs.mkdir('/home/user/p/s', { recursive: true })
      fs.writeFile('/home/user/p/s/x.txt', 'b 2\na 1\n')
      expect((await run(fs, 'tar czf p.tgz p')).code).toBe(0)
      fs.mkdir('/tmp/out')
      expect((await run(fs, 'tar xzf p.tgz -C /tmp/out')).code).toBe(0)
      expect(fs.readText('/tmp/out/p/s/x.txt')).toBe('b 2\na 1\n')
      expect((await run(fs, 'sort -k2n p/s/x.txt')).stdout).toBe('a 1\nb 2\n')
      expect((await run(fs, ['awk', '{ s += $2 } END { print s }', 'p/s/x.txt'])).stdout).toBe('3\n')
      expect((await run(fs, ['sed', 's/[0-9]/N/', 'p/s/x.txt'])).stdout).toBe('b N\na N\n')
      expect((await run(fs, 'grep -rn a p')).stdout).toBe('p/s/x.txt:2:a 1\n')
      expect((await run(fs, ['find', 'p', '-name', '*.txt'])).stdout).toBe('p/s/x.txt\n')
      expect((await run(fs, ['jq', '-c', '[.[] | . * 2]'], { stdin: '[1,2]' })).stdout).toBe('[2,4]\n')
    })
  })

  it("free shows the isolate's limit and no invented use (workerd reports none)", async () => {
    await inSandbox(async (fs) => {
      expect((await run(fs, 'free -m')).stdout.split('\n')[1]).toBe('Mem:             128           -           -           0           0           -')
    })
  })
})

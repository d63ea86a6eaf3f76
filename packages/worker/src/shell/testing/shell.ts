/** Test helper: a Shell over a fresh SQLite test VFS, with `run` returning stdout/stderr/code. */
import { createTestVfs } from '../../vfs/testing.js'
import { Shell } from '../index.js'
import type { ExecOptions } from '../types.js'

export interface TestShell {
  shell: Shell
  run(source: string, opts?: ExecOptions): Promise<{ stdout: string; stderr: string; code: number }>
}

export function testShell(files: Record<string, string> = {}): TestShell {
  const fs = createTestVfs()
  for (const [p, data] of Object.entries(files)) {
    const abs = p.startsWith('/') ? p : `/home/user/${p}`
    fs.mkdir(abs.slice(0, abs.lastIndexOf('/')) || '/', { recursive: true })
    fs.writeFile(abs, data)
  }
  const shell = new Shell({ fs, cwd: '/home/user' })
  return {
    shell,
    async run(source, opts) {
      const r = await shell.exec(source, opts)
      return { stdout: r.stdout, stderr: r.stderr, code: r.exitCode }
    },
  }
}

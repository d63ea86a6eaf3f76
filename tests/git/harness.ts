/** Runs `git` (and other sandbox commands) over a fresh test filesystem with real HTTP. */
import { runCommand, type RunCommandResult } from '../../packages/worker/src/commands/testing.js'
import { createTestVfs } from '../../packages/worker/src/vfs/testing.js'
import type { Vfs } from '../../packages/worker/src/vfs/types.js'

export interface Sandbox {
  fs: Vfs
  env: Record<string, string>
  /** Runs one command line in `cwd` (default /home/user). */
  run(line: string | string[], cwd?: string): Promise<RunCommandResult>
  write(path: string, content: string): void
  read(path: string): string
}

export function sandbox(opts: { identity?: boolean; env?: Record<string, string> } = {}): Sandbox {
  const fs = createTestVfs()
  if (opts.identity !== false) fs.writeFile('/home/user/.gitconfig', '[user]\n\tname = Sandbox User\n\temail = user@example.com\n')
  const env = { ...opts.env }
  return {
    fs,
    env,
    run: (line, cwd = '/home/user') => runCommand(line, { fs, cwd, env, fetch: globalThis.fetch }),
    write: (path, content) => {
      fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true })
      fs.writeFile(path, content)
    },
    read: (path) => fs.readText(path),
  }
}

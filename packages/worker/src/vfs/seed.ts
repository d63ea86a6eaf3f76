/**
 * The layout of a fresh sandbox: the directories a Linux user expects, and a few files
 * programs read (`/etc/hostname`, `/etc/passwd`). Idempotent: run at every wake.
 */
import type { Vfs } from './types.js'

export const HOME = '/home/user'

const DIRS = ['/home', HOME, '/tmp', '/etc', '/usr', '/usr/bin', '/usr/local', '/usr/local/bin', '/bin', '/var', '/var/tmp']

export function seedSandbox(fs: Vfs, hostname = 'nimbus'): void {
  if (fs.exists(HOME) && fs.exists('/etc/passwd')) return
  for (const dir of DIRS) fs.mkdir(dir, { recursive: true })
  fs.chmod('/tmp', 0o1777)
  if (!fs.exists('/etc/hostname')) fs.writeFile('/etc/hostname', `${hostname}\n`)
  if (!fs.exists('/etc/passwd')) {
    fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nuser:x:1000:1000:user:/home/user:/bin/bash\n')
  }
  if (!fs.exists('/etc/group')) fs.writeFile('/etc/group', 'root:x:0:\nuser:x:1000:\n')
}

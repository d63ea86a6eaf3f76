/** uid/gid to names through /etc/passwd and /etc/group in the sandbox filesystem. */
import type { Vfs } from '../../vfs/types.js'

const table = (fs: Vfs, path: string): Map<number, string> => {
  const map = new Map<number, string>()
  try {
    for (const line of fs.readText(path).split('\n')) {
      const f = line.split(':')
      if (f.length >= 3 && f[0]) map.set(Number(f[2]), f[0])
    }
  } catch {
    // No table: ids print as numbers, like on a system without the entry.
  }
  return map
}

export interface NameLookup {
  user(uid: number): string
  group(gid: number): string
}

/** Reads both tables once; names fall back to the number. */
export const nameLookup = (fs: Vfs): NameLookup => {
  let users: Map<number, string> | undefined
  let groups: Map<number, string> | undefined
  return {
    user: (uid) => (users ??= table(fs, '/etc/passwd')).get(uid) ?? String(uid),
    group: (gid) => (groups ??= table(fs, '/etc/group')).get(gid) ?? String(gid),
  }
}

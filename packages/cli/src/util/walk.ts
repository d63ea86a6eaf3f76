/** Lists the regular files under a directory, with POSIX-style relative paths, sorted. */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

export interface FoundFile {
  path: string
  /** Relative to the root, `/`-separated. */
  rel: string
}

export async function walkFiles(root: string): Promise<{ files: FoundFile[]; skipped: string[] }> {
  const files: FoundFile[] = []
  const skipped: string[] = []
  async function visit(dir: string, prefix: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true })
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name
      if (entry.isDirectory()) await visit(join(dir, entry.name), rel)
      else if (entry.isFile()) files.push({ path: join(dir, entry.name), rel })
      else skipped.push(rel)
    }
  }
  await visit(root, '')
  return { files, skipped }
}

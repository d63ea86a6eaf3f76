/** Turns a directory name into a Worker name (lowercase letters, digits, dashes). */
export function workerNameFrom(dirName: string): string {
  return dirName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 63)
    .replace(/-$/, '')
}

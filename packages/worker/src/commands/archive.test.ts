import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

describe('gzip / gunzip / zcat', () => {
  it('compresses in place and restores the original', async () => {
    const r = await runCommand('gzip a', { files: { a: 'hello hello hello\n' } })
    expect(r.code).toBe(0)
    expect(r.fs.exists('/home/user/a')).toBe(false)
    const gz = r.fs.readFile('/home/user/a.gz')
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b])
    expect((await runCommand('zcat a.gz', { fs: r.fs })).stdout).toBe('hello hello hello\n')
    expect((await runCommand('gunzip a.gz', { fs: r.fs })).code).toBe(0)
    expect(r.fs.readText('/home/user/a')).toBe('hello hello hello\n')
    expect(r.fs.exists('/home/user/a.gz')).toBe(false)
  })
  it('round-trips binary data through stdin and stdout', async () => {
    const data = new Uint8Array(5000).map((_, i) => (i * 7) % 256)
    const z = await runCommand('gzip -c', { stdin: data })
    const back = await runCommand('gunzip -c', { stdin: z.stdoutBytes })
    expect(back.stdoutBytes).toEqual(data)
  })
  it('-k keeps the input and refuses to overwrite without -f', async () => {
    const r = await runCommand('gzip -k a', { files: { a: 'x' } })
    expect(r.fs.exists('/home/user/a')).toBe(true)
    const again = await runCommand('gzip -k a', { fs: r.fs })
    expect(again).toMatchObject({ code: 2, stderr: 'gzip: a.gz already exists; not overwritten\n' })
  })
  it('rejects data that is not gzip', async () => {
    expect(await runCommand('gunzip a.gz', { files: { 'a.gz': 'plain' } })).toMatchObject({ code: 1, stderr: 'gzip: a.gz: not in gzip format\n' })
  })
  it('reads files compressed by GNU gzip', async () => {
    // `printf 'hi\\n' | gzip -n | base64`
    const gz = Uint8Array.from(atob('H4sIAAAAAAAAA8vI5AIAenpv7QMAAAA='), (c) => c.charCodeAt(0))
    expect((await runCommand('zcat f.gz', { files: { 'f.gz': gz } })).stdout).toBe('hi\n')
  })
})

describe('tar', () => {
  const files = { 'proj/a.txt': 'alpha\n', 'proj/sub/b.txt': 'beta\n' }
  it('creates and lists an archive', async () => {
    const r = await runCommand('tar cf out.tar proj', { files })
    expect(r.code).toBe(0)
    expect(r.fs.readFile('/home/user/out.tar').length % 10240).toBe(0)
    const list = await runCommand('tar tf out.tar', { fs: r.fs })
    expect(list.stdout).toBe('proj/\nproj/a.txt\nproj/sub/\nproj/sub/b.txt\n')
  })
  it('round-trips through gzip and extracts elsewhere with -C', async () => {
    const r = await runCommand('tar -czf out.tgz proj', { files })
    r.fs.mkdir('/tmp/dest')
    const x = await runCommand('tar xzf out.tgz -C /tmp/dest', { fs: r.fs })
    expect(x.code).toBe(0)
    expect(r.fs.readText('/tmp/dest/proj/sub/b.txt')).toBe('beta\n')
  })
  it('-tv shows modes, owners, sizes and dates like GNU tar', async () => {
    const r = await runCommand('true', { files: { f: 'hello' } })
    const t = Date.UTC(2024, 0, 2, 3, 4)
    r.fs.utimes('/home/user/f', t, t)
    await runCommand('tar cf a.tar f', { fs: r.fs })
    expect((await runCommand('tar tvf a.tar', { fs: r.fs })).stdout).toBe('-rw-r--r-- user/user         5 2024-01-02 03:04 f\n')
  })
  it('reads archives made by GNU tar', async () => {
    // A GNU tar archive holding `d/` and `d/x` ("x\\n"), gzip-compressed.
    const r = await runCommand('true', { files: { 'd/x': 'x\n' } })
    const made = await runCommand('tar czf - d', { fs: r.fs })
    const listed = await runCommand('tar tz', { stdin: made.stdoutBytes })
    expect(listed.stdout).toBe('d/\nd/x\n')
  })
  it('extracts one member to stdout with -O and strips components', async () => {
    const r = await runCommand('tar cf a.tar proj', { files })
    expect((await runCommand('tar xOf a.tar proj/a.txt', { fs: r.fs })).stdout).toBe('alpha\n')
    r.fs.mkdir('/tmp/s')
    await runCommand('tar xf a.tar --strip-components=1 -C /tmp/s', { fs: r.fs })
    expect(r.fs.readText('/tmp/s/sub/b.txt')).toBe('beta\n')
  })
  it('reports a missing member and a non-archive', async () => {
    const r = await runCommand('tar cf a.tar proj', { files })
    expect(await runCommand('tar tf a.tar nope', { fs: r.fs })).toMatchObject({ code: 2 })
    expect((await runCommand('tar tf notar', { files: { notar: 'hello' } })).stderr).toContain('This does not look like a tar archive')
  })
})

import { describe, expect, it } from 'vitest'
import { testShell } from './testing/shell.js'

describe('expansion', () => {
  it('splits unquoted expansions on IFS and keeps quoted ones whole', async () => {
    const sh = testShell()
    expect((await sh.run('x="a  b"; printf "[%s]" $x "$x"; echo')).stdout).toBe('[a][b][a  b]\n')
    expect((await sh.run('IFS=:; x=a::b; printf "[%s]" $x; echo')).stdout).toBe('[a][][b]\n')
  })

  it('expands "$@" to one field per parameter and nothing when empty', async () => {
    const sh = testShell()
    expect((await sh.run('set -- "a b" c; printf "[%s]" "$@"; set --; printf "[%s]" "$@" x; echo')).stdout).toBe('[a b][c][x]\n')
  })

  it('applies parameter operators', async () => {
    const sh = testShell()
    const r = await sh.run('p=dir/file.tar.gz; echo ${p##*/} ${p%%.*} ${p/tar/zip} ${#p} ${u:-d} ${p:4:4} ${p^^}')
    expect(r.stdout).toBe('file.tar.gz dir/file dir/file.zip.gz 15 d file DIR/FILE.TAR.GZ\n')
  })

  it('expands braces, tilde and globs in that order', async () => {
    const sh = testShell({ 'a1.txt': '', 'a2.txt': '', 'b.txt': '' })
    expect((await sh.run('echo {x,y}{1..2} ~ a*.txt "a*.txt"')).stdout).toBe('x1 x2 y1 y2 /home/user a1.txt a2.txt a*.txt\n')
  })

  it('substitutes commands and arithmetic', async () => {
    const sh = testShell()
    expect((await sh.run('echo "$(printf "a\\n\\n")" $((2 ** 10)) `echo b`')).stdout).toBe('a 1024 b\n')
  })

  it('reports unbound variables under set -u and exits 127', async () => {
    const sh = testShell()
    const r = await sh.run('set -u; echo $nope; echo after')
    expect(r).toEqual({ stdout: '', stderr: 'bash: nope: unbound variable\n', code: 127 })
  })
})

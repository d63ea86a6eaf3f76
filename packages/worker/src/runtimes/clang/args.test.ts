import { describe, expect, it } from 'vitest'
import { readClangArgs } from './args.js'

describe('readClangArgs', () => {
  it('makes relative inputs, outputs and search paths absolute against the working directory', () => {
    expect(readClangArgs(['-O2', 'src/main.c', 'util.c', '-o', 'bin/app', '-Iinclude', '-I', '../shared', '-Llib', '-lm', '-DNAME=x'], '/home/user/p')).toEqual({
      argv: ['-working-directory', '/home/user/p', '-O2', '/home/user/p/src/main.c', '/home/user/p/util.c', '-o', '/home/user/p/bin/app', '-I/home/user/p/include', '-I', '/home/user/p/../shared', '-L/home/user/p/lib', '-lm', '-DNAME=x'],
      links: true,
      output: '/home/user/p/bin/app',
      inputs: [
        { given: 'src/main.c', path: '/home/user/p/src/main.c' },
        { given: 'util.c', path: '/home/user/p/util.c' },
      ],
    })
  })

  it('links to a.out in the working directory by default, and leaves absolute paths alone', () => {
    expect(readClangArgs(['/tmp/x.c'], '/home/user')).toEqual({
      argv: ['-working-directory', '/home/user', '/tmp/x.c', '-o', '/home/user/a.out'],
      links: true,
      output: '/home/user/a.out',
      inputs: [{ given: '/tmp/x.c', path: '/tmp/x.c' }],
    })
    expect(readClangArgs(['x.c', '-obuild/x'], '/')).toMatchObject({ argv: ['-working-directory', '/', '/x.c', '-o/build/x'], output: '/build/x' })
  })

  it('knows when nothing is linked: -c, -S, -E, no inputs, --version; implicit outputs go to the working directory', () => {
    expect(readClangArgs(['-c', 'a.c', 'b.c'], '/w')).toMatchObject({ argv: ['-working-directory', '/w', '-c', '/w/a.c', '/w/b.c'], links: false })
    for (const flag of ['-c', '-S', '-E', '-fsyntax-only']) expect(readClangArgs([flag, 'a.c', '-o', 'a.o'], '/w').links).toBe(false)
    expect(readClangArgs(['--version'], '/w').links).toBe(false)
    expect(readClangArgs(['-Wall'], '/w').links).toBe(false)
  })

  it('does not add start-up code to freestanding links', () => {
    expect(readClangArgs(['-nostdlib', '-Wl,--no-entry', 'lib.c'], '/w')).toMatchObject({
      argv: ['-working-directory', '/w', '-nostdlib', '-Wl,--no-entry', '/w/lib.c', '-o', '/w/a.out'],
      links: false,
      output: '/w/a.out',
    })
  })

  it('keeps values that are not paths as they are, and reads stdin from -', () => {
    const stdin = readClangArgs(['-E', '-x', 'c', '-', '-MT', 'target', '-std=c11', '-D', 'A=1'], '/w')
    expect(stdin.argv).toEqual(['-working-directory', '/w', '-E', '-x', 'c', '-', '-MT', 'target', '-std=c11', '-D', 'A=1'])
    expect(stdin.inputs).toEqual([])
  })
})

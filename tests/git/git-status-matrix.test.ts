/** The single-pass status matrix must agree with isomorphic-git's on every kind of change. */
import { expect, it } from 'vitest'
import { Git } from '../../packages/worker/src/commands/git/context.js'
import { statusRows } from '../../packages/worker/src/commands/git/worktree.js'
import { MapEnvironment } from '../../packages/worker/src/commands/lib/env.js'
import type { CommandContext } from '../../packages/worker/src/commands/types.js'
import { sandbox } from './harness.js'

const R = '/home/user/repo'

it('agrees with statusMatrix on a worktree with every kind of change', async () => {
  const sb = sandbox()
  await sb.run('git init -q repo')
  for (let i = 0; i < 6; i++) sb.write(`${R}/d${i % 2}/f${i}.txt`, `file ${i}\n`)
  sb.write(`${R}/top.txt`, 'top\n')
  sb.write(`${R}/.gitignore`, 'ignored/\n*.tmp\n')
  await sb.run('git add -A', R)
  await sb.run('git commit -qm base', R)
  // Staged edit, staged then reverted, unstaged edit, deletion, staged deletion, new files.
  sb.write(`${R}/d0/f0.txt`, 'staged\n')
  await sb.run('git add d0/f0.txt', R)
  sb.write(`${R}/d1/f1.txt`, 'temp\n')
  await sb.run('git add d1/f1.txt', R)
  sb.write(`${R}/d1/f1.txt`, 'file 1\n')
  sb.write(`${R}/d0/f2.txt`, 'unstaged\n')
  sb.fs.unlink(`${R}/d1/f3.txt`)
  await sb.run('git rm -q d0/f4.txt', R)
  sb.write(`${R}/new/a.txt`, 'new\n')
  sb.write(`${R}/added.txt`, 'added\n')
  await sb.run('git add added.txt', R)
  sb.write(`${R}/added.txt`, 'added and changed\n')
  sb.write(`${R}/ignored/x.txt`, 'x\n')
  sb.write(`${R}/junk.tmp`, 'x\n')
  // Same content, new stat: must still read as clean.
  sb.fs.writeFile(`${R}/top.txt`, 'top\n')

  const ctx = { fs: sb.fs, cwd: R, env: new MapEnvironment({ HOME: '/home/user' }), fetch, signal: new AbortController().signal } as unknown as CommandContext
  const fast = await statusRows(new Git(ctx))
  const slow = await statusRows(new Git(ctx), { slow: true })
  const dirty = (rows: typeof fast) => rows.filter(([, h, w, s]) => !(h === 1 && w === 1 && s === 1))
  expect(dirty(fast)).toEqual(dirty(slow))
  expect(dirty(fast).map(([p]) => p)).toEqual(['added.txt', 'd0/f0.txt', 'd0/f2.txt', 'd0/f4.txt', 'd1/f1.txt', 'd1/f3.txt', 'new/a.txt'])
  expect(fast.map(([p]) => p)).not.toContain('ignored/x.txt')
  expect(fast.map(([p]) => p)).not.toContain('junk.tmp')
})

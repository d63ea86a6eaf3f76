import { afterEach, describe, expect, it, vi } from 'vitest'
import { ISOLATE_MEMORY_LIMIT_BYTES, readMemory } from './free.js'
import { runCommand } from './testing.js'

const MiB = 1024 * 1024
const usage = (heapUsed: number, external = 0) => ({ rss: 0, heapTotal: 0, heapUsed, external, arrayBuffers: 0 })

afterEach(() => vi.restoreAllMocks())

describe('free', () => {
  it('prints the isolate limit as the total and what the runtime reports as used', async () => {
    vi.spyOn(process, 'memoryUsage').mockReturnValue(usage(30 * MiB, 2 * MiB))
    expect((await runCommand('free')).stdout).toBe(
      '               total        used        free      shared  buff/cache   available\n' +
        'Mem:          131072       32768       98304           0           0       98304\n' +
        'Swap:              0           0           0\n',
    )
  })

  it("prints '-' for what the runtime does not report instead of inventing it", async () => {
    vi.spyOn(process, 'memoryUsage').mockReturnValue(usage(0))
    expect(readMemory()).toEqual({ total: ISOLATE_MEMORY_LIMIT_BYTES, used: undefined })
    expect((await runCommand('free -m')).stdout).toBe(
      '               total        used        free      shared  buff/cache   available\n' +
        'Mem:             128           -           -           0           0           -\n' +
        'Swap:              0           0           0\n',
    )
  })

  it('scales to bytes, mebibytes, human units and SI powers; -t adds a total row, -w splits the cache', async () => {
    vi.spyOn(process, 'memoryUsage').mockReturnValue(usage(Math.round(8.7 * MiB)))
    expect((await runCommand('free -b')).stdout.split('\n')[1]).toBe('Mem:       134217728     9122611   125095117           0           0   125095117')
    expect((await runCommand('free -h')).stdout.split('\n').slice(1, 3)).toEqual([
      'Mem:           128Mi       8.7Mi       119Mi          0B          0B       119Mi',
      'Swap:             0B          0B          0B',
    ])
    expect((await runCommand('free -h --si')).stdout.split('\n')[1]).toBe('Mem:            134M        9.1M        125M          0B          0B        125M')
    expect((await runCommand('free --mega')).stdout.split('\n')[1]).toBe('Mem:             134           9         125           0           0         125')
    expect((await runCommand('free -m -t')).stdout.split('\n')[3]).toBe('Total:           128           8         119')
    expect((await runCommand('free -w')).stdout.split('\n')[0]).toBe('               total        used        free      shared     buffers       cache   available')
  })

  it('repeats with -c and -s, a blank line between tables, and stops on Ctrl-C', async () => {
    const out = (await runCommand('free -c 2 -s 0.01')).stdout.split('\n')
    expect(out).toHaveLength(8)
    expect(out[3]).toBe('')
    expect(out[4]).toMatch(/^ +total/)
    const ac = new AbortController()
    setTimeout(() => ac.abort(), 30)
    const started = Date.now()
    expect((await runCommand('free -s 10', { signal: ac.signal })).code).toBe(130)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('rejects bad counts, intervals and operands the way procps does', async () => {
    expect(await runCommand('free -c 0')).toMatchObject({ code: 1, stderr: "free: failed to parse count argument: '0': Numerical result out of range\n" })
    expect(await runCommand('free -c x')).toMatchObject({ code: 1, stderr: "free: failed to parse count argument: 'x'\n" })
    expect(await runCommand('free -s 0')).toMatchObject({ code: 1, stderr: "free: seconds argument `0' is not positive number\n" })
    expect(await runCommand('free -s x')).toMatchObject({ code: 1, stderr: "free: seconds argument failed: 'x': Invalid argument\n" })
    expect(await runCommand('free now')).toMatchObject({ code: 1, stderr: "free: extra operand \u2018now\u2019\nTry 'free --help' for more information.\n" })
  })
})

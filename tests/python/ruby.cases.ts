/**
 * Ruby through the real session Durable Object under `wrangler dev`: ruby.wasm in a
 * Worker Loader isolate, one-liners, scripts with arguments, the standard library, files
 * shared with the shell, exit codes and exceptions, stdin, and the runtime manager.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { PythonWorker } from './dev-worker.mjs'

let n = 0
const fresh = (): string => `rb-${process.pid}-${++n}`



/** Registers these cases; `server` is the shared test Worker, started by runtimes.test.ts. */
export function rubyCases(server: () => PythonWorker): void {
  let dev: PythonWorker
  beforeAll(() => {
    dev = server()
  })
  describe('ruby in a sandbox', () => {
    it('runs one-liners with arguments', async () => {
      const box = fresh()
      expect(await dev.exec(box, 'ruby -e "puts 1 + 1; p ARGV" a b')).toMatchObject({ stdout: '2\n["a", "b"]\n', stderr: '', exitCode: 0 })
      expect((await dev.exec(box, 'ruby -e "puts [3, 1, 2].sort.map { |x| x * 2 }.join(%q(,))"')).stdout).toBe('2,4,6\n')
      expect((await dev.exec(box, 'ruby --version')).stdout).toMatch(/^ruby 3\.3/)
    }, 120_000)

    it('runs a script over the sandbox files; the shell sees what it wrote', async () => {
      const box = fresh()
      const script = ['require "json"', 'data = JSON.parse(File.read("in.json"))', 'File.write("out/sum.txt", data.sum.to_s + "\\n")', 'puts "#{$0} #{ARGV.join(" ")} #{Dir.pwd}"'].join('\n')
      await dev.exec(box, `mkdir out && echo '[1, 2, 3]' > in.json && cat > sum.rb <<'EOF'\n${script}\nEOF`)
      const r = await dev.exec(box, 'ruby sum.rb x y && cat out/sum.txt')
      expect(r).toMatchObject({ stdout: 'sum.rb x y /home/user\n6\n', stderr: '', exitCode: 0 })
      expect((await dev.exec(box, 'echo "[10]" > in.json && ruby sum.rb && cat out/sum.txt')).stdout).toBe('sum.rb  /home/user\n10\n')
    }, 120_000)

    it('reports exit codes, exceptions on stderr, missing scripts, and reads stdin', async () => {
      const box = fresh()
      expect((await dev.exec(box, 'ruby -e "exit 4"')).exitCode).toBe(4)
      const err = await dev.exec(box, 'ruby -e "raise ArgumentError, %q(bad)"')
      expect(err).toMatchObject({ stdout: '', exitCode: 1 })
      expect(err.stderr).toBe("-e:1:in `<main>': bad (ArgumentError)\n")
      expect(await dev.exec(box, 'ruby nope.rb')).toMatchObject({ stderr: 'ruby: No such file or directory -- nope.rb (LoadError)\n', exitCode: 1 })
      expect((await dev.exec(box, 'echo hi | ruby -e "puts STDIN.read.upcase"')).stdout).toBe('HI\n')
      expect((await dev.exec(box, 'echo "puts 6 * 7" | ruby')).stdout).toBe('42\n')
    }, 120_000)

    it('stops an endless loop at its time limit with 124, and the next run works', async () => {
      const box = fresh()
      const r = await dev.exec(box, 'NIMBUS_RUBY_TIMEOUT_MS=1000 ruby -e "loop {}"; echo "status=$?"', { timeoutMs: 120_000 })
      expect(r).toMatchObject({ stdout: 'status=124\n', stderr: 'ruby: stopped after 1 s: time limit exceeded (set NIMBUS_RUBY_TIMEOUT_MS to change it)\n' })
      expect((await dev.exec(box, 'ruby -e "puts 1 + 1"')).stdout).toBe('2\n')
    }, 180_000)

    it("is a runtime the manager installs, and runCode runs ruby", async () => {
      const box = fresh()
      const r = await dev.sdk(box, 'runCode', ['puts "from ruby"', { language: 'ruby', install: 'ifMissing' }])
      expect(r).toMatchObject({ ok: true, result: { stdout: 'from ruby\n', exitCode: 0, runtime: 'ruby' } })
      expect(((await dev.sdk(box, 'installed')).result as string[]).sort()).toEqual(['ruby', 'shell'])
      const denied = await dev.sdk(fresh(), 'runCode', ['puts 1', { language: 'ruby', install: 'ifMissing' }], { sandboxes: { default: { runtimes: { allow: ['shell', 'python'] } } } })
      expect(denied).toMatchObject({ ok: false, code: 'E_RUNTIME_NOT_ALLOWED' })
    }, 120_000)
  })
}

/**
 * Python through the real session Durable Object under `wrangler dev`: pyodide in a Worker
 * Loader isolate, files shared with the shell, exit codes and tracebacks, runaway code
 * stopped, and runtime assets loaded from the R2 cache before the bundled assets.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { PythonWorker } from './dev-worker.mjs'

let n = 0
/** A sandbox name no other test uses, so each test starts from fresh files. */
const fresh = (): string => `py-${process.pid}-${++n}`



/** Registers these cases; `server` is the shared test Worker, started by runtimes.test.ts. */
export function pythonCases(server: () => PythonWorker): void {
  let dev: PythonWorker
  beforeAll(() => {
    dev = server()
  })
  describe('python in a sandbox', () => {
    it('runs -c, and python3 is the same interpreter', async () => {
      const box = fresh()
      expect(await dev.exec(box, 'python -c "print(1)"')).toMatchObject({ stdout: '1\n', stderr: '', exitCode: 0 })
      const r = await dev.exec(box, 'python3 -c "import sys; print(sys.version_info[0], sys.argv)" a b')
      expect(r).toMatchObject({ stdout: "3 ['-c', 'a', 'b']\n", exitCode: 0 })
      expect((await dev.exec(box, 'python --version')).stdout).toMatch(/^Python 3\.\d+\.\d+\n$/)
    }, 120_000)

    it('runs a standard-library script over the sandbox files; the shell sees what it wrote', async () => {
      const box = fresh()
      const script = [
        'import json, re, itertools, dataclasses, pathlib, sys',
        '@dataclasses.dataclass',
        'class Row:',
        '    word: str',
        '    n: int',
        'text = pathlib.Path("words.txt").read_text()',
        'words = re.findall(r"[a-z]+", text)',
        'rows = [Row(w, len(list(g))) for w, g in itertools.groupby(sorted(words))]',
        'pathlib.Path("out").mkdir(exist_ok=True)',
        'pathlib.Path("out/counts.json").write_text(json.dumps([dataclasses.asdict(r) for r in rows]))',
        'print(len(rows), sys.argv[1:])',
      ].join('\n')
      await dev.exec(box, `cat > count.py <<'EOF'\n${script}\nEOF\nprintf 'b a c a b a\\n' > words.txt`)
      const r = await dev.exec(box, 'python count.py x y && cat out/counts.json && ls out')
      expect(r.stderr).toBe('')
      expect(r.stdout).toBe(`3 ['x', 'y']\n[{"word": "a", "n": 3}, {"word": "b", "n": 2}, {"word": "c", "n": 1}]counts.json\n`)
      // The shell changes a file; the next run reads the new content.
      expect((await dev.exec(box, 'echo "z z" > words.txt && python count.py')).stdout).toBe('1 []\n')
      // Deleting in Python deletes in the sandbox.
      const del = await dev.exec(box, 'python -c "import os; os.remove(\'out/counts.json\')"; ls out | wc -l')
      expect(del.stdout.trim()).toBe('0')
    }, 120_000)

    it('reports exit codes and prints tracebacks on stderr', async () => {
      const box = fresh()
      expect((await dev.exec(box, 'python -c "import sys; sys.exit(3)"')).exitCode).toBe(3)
      expect(await dev.exec(box, 'python -c "raise SystemExit(\'bye\')"')).toMatchObject({ stderr: 'bye\n', exitCode: 1 })
      await dev.exec(box, `printf 'def f():\\n    raise ValueError("boom")\\nf()\\n' > bad.py`)
      const r = await dev.exec(box, 'python bad.py')
      expect(r.exitCode).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "\/home\/user\/bad.py", line 3, in <module>\n/)
      expect(r.stderr).toMatch(/ValueError: boom\n$/)
      expect(r.stderr).not.toContain('_nimbus_runner')
      const missing = await dev.exec(box, 'python nope.py')
      expect(missing).toMatchObject({ stderr: "python: can't open file '/home/user/nope.py': [Errno 2] No such file or directory\n", exitCode: 2 })
      const syntax = await dev.exec(box, 'python -c "1 +"')
      expect(syntax.exitCode).toBe(1)
      expect(syntax.stderr).toContain('SyntaxError')
    }, 120_000)

    it('runs modules with -m, reads stdin, and runs code piped in', async () => {
      const box = fresh()
      await dev.exec(box, 'mkdir -p tool && touch tool/__init__.py && echo "import sys; print(\'tool\', sys.argv[1:])" > tool/__main__.py')
      expect((await dev.exec(box, 'python -m tool a b')).stdout).toBe("tool ['a', 'b']\n")
      expect((await dev.exec(box, 'python -m json.tool --compact', { stdin: '{"a": [1, 2]}' })).stdout).toBe('{"a":[1,2]}\n')
      expect((await dev.exec(box, 'printf "x\\ny\\n" | python3 -c "import sys; print(sys.stdin.read().upper(), end=\'\')"')).stdout).toBe('X\nY\n')
      expect((await dev.exec(box, 'echo "print(6 * 7)" | python')).stdout).toBe('42\n')
      expect((await dev.exec(box, 'python -c "print(input())"', { stdin: 'typed\n' })).stdout).toBe('typed\n')
    }, 120_000)

    it('stops an infinite loop with a clear message and stays usable', async () => {
      const box = fresh()
      const started = Date.now()
      const r = await dev.exec(box, 'NIMBUS_PYTHON_TIMEOUT_MS=1500 python -c "while True: pass"')
      expect(r.exitCode).toBe(124)
      expect(r.stderr).toContain('python: stopped after 1.5 s: time limit exceeded')
      expect(Date.now() - started).toBeLessThan(30_000)
      expect(await dev.exec(box, 'python -c "print(\'still here\')" && echo shell ok')).toMatchObject({ stdout: 'still here\nshell ok\n', exitCode: 0 })
      // A loop that swallows KeyboardInterrupt is stopped too.
      const stubborn = await dev.exec(box, 'NIMBUS_PYTHON_TIMEOUT_MS=1000 python -c "\nwhile True:\n  try:\n    while True: pass\n  except KeyboardInterrupt: pass"')
      expect(stubborn.exitCode).toBe(124)
      expect((await dev.exec(box, 'python -c "print(2)"')).stdout).toBe('2\n')
    }, 120_000)

    it('loads assets from NIMBUS_RUNTIME_CACHE first; a failed load names the runtime and the asset, and a retry works', async () => {
      const key = 'pyodide/314.0.7/pyodide.asm.wasm'
      await dev.cache('PUT', key, 'this is not wasm')
      try {
        const r = await dev.exec(fresh(), 'python -c "print(1)"')
        expect(r).toMatchObject({ stdout: '', stderr: `python: could not load ${key}: not a WebAssembly module\n`, exitCode: 1 })
      } finally {
        await dev.cache('DELETE', key)
      }
      expect(await dev.exec(fresh(), 'python -c "print(1)"')).toMatchObject({ stdout: '1\n', exitCode: 0 })
    }, 120_000)

    it('serves the sandbox files with python -m http.server through the port URL', async () => {
      const box = fresh()
      expect(await dev.sdk(box, 'exec', ['mkdir -p site && echo "<h1>hi from python</h1>" > site/index.html && echo plain > site/a.txt'])).toMatchObject({ ok: true })
      const started = await dev.sdk(box, 'startProcess', ['python3 -m http.server 8000 --directory site'])
      expect(started).toMatchObject({ ok: true })
      expect(await dev.sdk(box, 'ports.expose', [8000])).toMatchObject({ ok: true })
      const url = `${dev.origin}/s/${box}/port/8000/`
      let res: Response | undefined
      for (let i = 0; i < 100; i++) {
        res = await fetch(url)
        if (res.status !== 502) break
        await res.arrayBuffer()
        await new Promise((r) => setTimeout(r, 200))
      }
      expect(res?.status).toBe(200)
      expect(await res?.text()).toBe('<h1>hi from python</h1>\n')
      const txt = await fetch(`${url}a.txt`)
      expect(txt.headers.get('content-type')).toBe('text/plain')
      expect(await txt.text()).toBe('plain\n')
      expect((await fetch(`${url}missing`)).status).toBe(404)
      // A file the shell writes afterwards is served on the next request.
      await dev.sdk(box, 'exec', ['echo new > site/b.txt'])
      expect(await (await fetch(`${url}b.txt`)).text()).toBe('new\n')
    }, 120_000)
  })
}

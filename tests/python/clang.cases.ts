/**
 * C and C++ through the real session Durable Object under `wrangler dev`: Clang/LLD in the
 * compiler's Worker Loader isolate, programs it links run by path in isolates of their own,
 * over the sandbox's files; compile errors, exit codes, stdin, `runCode` and the runtime
 * manager (the SDK README's `ensure(['python', 'clang'])`).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { PythonWorker } from './dev-worker.mjs'

let n = 0
const fresh = (): string => `c-${process.pid}-${++n}`

const HELLO = `#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) {
  char line[64] = "";
  if (fgets(line, sizeof line, stdin)) line[strcspn(line, "\\n")] = 0;
  FILE *in = fopen("data/in.txt", "r");
  int x = 0;
  if (in) { fscanf(in, "%d", &x); fclose(in); }
  FILE *out = fopen("data/out.txt", "w");
  fprintf(out, "%d\\n", x * 2);
  fclose(out);
  printf("hello %s, stdin=%s\\n", argc > 1 ? argv[1] : "nobody", line);
  fprintf(stderr, "to stderr\\n");
  return x > 100 ? 7 : 0;
}
`

/** Registers these cases; `server` is the shared test Worker, started by runtimes.test.ts. */
export function clangCases(server: () => PythonWorker): void {
  let dev: PythonWorker
  const box = fresh()
  beforeAll(() => {
    dev = server()
  })
  describe('clang in a sandbox', () => {
    it('compiles a C program that runs by path over the sandbox files, with argv, stdin, stderr and its exit code', async () => {
      await dev.exec(box, `mkdir -p data && echo 21 > data/in.txt && cat > hello.c <<'EOF'\n${HELLO}EOF`)
      const built = await dev.exec(box, 'clang -Wall -O2 hello.c -o hello && ls -l hello', { timeoutMs: 120_000 })
      expect(built).toMatchObject({ stderr: '', exitCode: 0 })
      expect(built.stdout).toMatch(/^-rwxr-xr-x /)
      expect(await dev.exec(box, 'echo typed | ./hello world')).toMatchObject({ stdout: 'hello world, stdin=typed\n', stderr: 'to stderr\n', exitCode: 0 })
      expect((await dev.exec(box, 'cat data/out.txt')).stdout).toBe('42\n')
      expect((await dev.exec(box, 'echo 500 > data/in.txt; ./hello; echo "status=$?"')).stdout).toBe('hello nobody, stdin=\nstatus=7\n')
      // Changed source, same name: the new binary runs, not a cached one.
      await dev.exec(box, `sed -i 's/hello %s/bye %s/' hello.c && cc hello.c -o hello`)
      expect((await dev.exec(box, 'echo 1 > data/in.txt; ./hello x </dev/null')).stdout).toBe('bye x, stdin=\n')
    }, 180_000)

    it('reports compile errors like clang, with the file as typed, and writes nothing', async () => {
      await dev.exec(box, `printf 'int main(void) { return missing; }\\n' > bad.c`)
      const r = await dev.exec(box, 'clang bad.c -o bad; echo "status=$?"; ls bad')
      expect(r.stdout).toBe('status=1\n')
      expect(r.stderr).toContain("bad.c:1:25: error: use of undeclared identifier 'missing'")
      expect(r.stderr).toContain('1 error generated.')
      expect(r.stderr).toContain("ls: cannot access 'bad': No such file or directory")
    }, 60_000)

    it('compiles in steps (-c, then link) and builds C++ with the standard library', async () => {
      await dev.exec(box, `printf 'int twice(int x) { return 2 * x; }\\n' > lib.c && printf '#include <stdio.h>\\nint twice(int);\\nint main(void) { printf("%%d\\\\n", twice(21)); }\\n' > main.c`)
      expect(await dev.exec(box, 'clang -c lib.c -o lib.o && clang -c main.c && clang main.o lib.o -o steps && ./steps')).toMatchObject({ stdout: '42\n', exitCode: 0 })
      await dev.exec(box, `cat > v.cpp <<'EOF'\n#include <iostream>\n#include <vector>\n#include <numeric>\nint main() { std::vector<int> v{1, 2, 3, 4}; std::cout << std::accumulate(v.begin(), v.end(), 0) << std::endl; }\nEOF`)
      expect(await dev.exec(box, 'clang++ -std=c++20 v.cpp -o v && ./v', { timeoutMs: 120_000 })).toMatchObject({ stdout: '10\n', exitCode: 0 })
    }, 180_000)

    it('ends a program that traps with status 134 and the reason, and the sandbox stays usable', async () => {
      await dev.exec(box, `printf '#include <stdlib.h>\\nint main(void) { abort(); }\\n' > trap.c`)
      const r = await dev.exec(box, 'clang trap.c -o trap && ./trap; echo "status=$?"')
      expect(r.stdout).toBe('status=134\n')
      expect(r.stderr).toMatch(/^\.\/trap: .*unreachable/)
      expect((await dev.exec(box, './hello again </dev/null')).exitCode).toBe(0)
    }, 60_000)

    it('stops a program that loops for ever at its time limit (status 124), and the sandbox stays usable', async () => {
      await dev.exec(box, `printf 'int main(void) { for (;;) {} }\\n' > spin.c && clang spin.c -o spin`, { timeoutMs: 60_000 })
      const r = await dev.exec(box, 'NIMBUS_WASI_TIMEOUT_MS=1000 ./spin; echo "status=$?"', { timeoutMs: 120_000 })
      expect(r.stdout).toBe('status=124\n')
      expect(r.stderr).toContain('time limit exceeded (set NIMBUS_WASI_TIMEOUT_MS to change it)')
      expect((await dev.exec(box, 'echo still here')).stdout).toBe('still here\n')
    }, 180_000)

    it('words command-line mistakes as clang does, and reads a program from stdin', async () => {
      expect(await dev.exec(box, 'clang nofile.c')).toMatchObject({ stderr: "clang: error: no such file or directory: 'nofile.c'\nclang: error: no input files\n", exitCode: 1 })
      expect(await dev.exec(box, 'clang -frobnicate hello.c')).toMatchObject({ stderr: "clang: error: unknown argument: '-frobnicate'\n", exitCode: 1 })
      expect(await dev.exec(box, 'clang -o')).toMatchObject({ stderr: "clang: error: argument to '-o' is missing (expected 1 value)\n", exitCode: 1 })
      expect(await dev.exec(box, 'clang hello.c -lnotalib')).toMatchObject({ stderr: 'wasm-ld: error: unable to find library -lnotalib\n', exitCode: 1 })
      expect((await dev.exec(box, 'echo "int main(void) { return 5; }" | clang -x c - -o fromstdin && ./fromstdin; echo "status=$?"')).stdout).toBe('status=5\n')
    }, 120_000)

    it('runs C through runCode and the SDK README runtime calls', async () => {
      const other = fresh()
      expect(await dev.sdk(other, 'ensure', [['python', 'clang']])).toMatchObject({ ok: true, result: expect.arrayContaining(['python', 'clang', 'shell']) })
      const r = await dev.sdk(other, 'runCode', ['#include <stdio.h>\nint main(void) { puts("from c"); return 0; }\n', { language: 'c' }])
      expect(r).toMatchObject({ ok: true, result: { stdout: 'from c\n', exitCode: 0, runtime: 'clang' } })
    }, 180_000)
  })
}

/**
 * C/C++ figures through a real session Durable Object under `wrangler dev` (the runtime
 * tests' Worker): the first `clang hello.c` in a fresh sandbox (a new compiler isolate:
 * toolchain assets loaded, its 66 MB code compiled by V8, data and sysroot handed over),
 * a warm compile, a warm C++ compile, and running the built program (first run of a new
 * binary is a new isolate; later runs reuse it). Each figure is the Durable Object's own
 * exec time for the command line.
 */
import { cpus, loadavg } from 'node:os'
import { startPythonWorker } from '../../tests/python/dev-worker.mjs'
import { median } from './_stats.mjs'

const HELLO = '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n'
const CPP = '#include <iostream>\n#include <string>\nint main() { std::string s = "hello"; std::cout << s << std::endl; }\n'

async function timed(dev, sandbox, command, expected) {
  const r = await dev.exec(sandbox, command, { timeoutMs: 120_000 })
  if (r.exitCode !== 0 || (expected !== undefined && r.stdout !== expected)) throw new Error(`${command} in ${sandbox}: exit ${r.exitCode}, stdout ${JSON.stringify(r.stdout)}, stderr ${r.stderr}`)
  return r.durationMs
}

export default async function bench() {
  const dev = await startPythonWorker()
  const tag = `${process.pid}-${Date.now().toString(36)}`
  const write = (box, file, text) => dev.exec(box, `cat > ${file} <<'EOF'\n${text}EOF`)
  try {
    await timed(dev, `warmup-${tag}`, 'echo ok', 'ok\n')
    const first = []
    for (let i = 0; i < 3; i++) {
      const box = `first-${tag}-${i}`
      await write(box, 'hello.c', HELLO)
      first.push(await timed(dev, box, 'clang hello.c -o hello'))
    }
    const box = `warm-${tag}`
    await write(box, 'hello.c', HELLO)
    await write(box, 'hello.cpp', CPP)
    await timed(dev, box, 'clang hello.c -o hello')
    const warm = []
    for (let i = 0; i < 7; i++) warm.push(await timed(dev, box, 'clang -O2 hello.c -o hello'))
    await timed(dev, box, 'clang++ hello.cpp -o hellopp')
    const cpp = []
    for (let i = 0; i < 5; i++) cpp.push(await timed(dev, box, 'clang++ -O2 hello.cpp -o hellopp'))
    const firstRun = await timed(dev, box, './hello', 'hello\n')
    const runs = []
    for (let i = 0; i < 15; i++) runs.push(await timed(dev, box, './hello', 'hello\n'))
    const load = `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`
    return [
      { area: 'clang', name: 'clang hello.c, first compile in a sandbox', target: '—', medianMs: median(first), runs: first.length, notes: `new Durable Object and compiler isolate each run; ${load}` },
      { area: 'clang', name: 'clang -O2 hello.c, warm', target: '—', medianMs: median(warm), runs: warm.length, notes: 'compiler isolate already running' },
      { area: 'clang', name: 'clang++ -O2 hello.cpp (iostream), warm', target: '—', medianMs: median(cpp), runs: cpp.length },
      { area: 'clang', name: './hello, warm', target: '—', medianMs: median(runs), runs: runs.length, notes: `the first run of the new binary (a new isolate) took ${firstRun} ms` },
    ]
  } finally {
    await dev.stop()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await bench())

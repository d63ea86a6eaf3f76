/**
 * The `node` REPL in workerd with the real Worker Loader: a scripted terminal types lines
 * into the command, and the transcript is checked the way a person would read it.
 */
import { env, runInDurableObject } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { stringInput } from '../../../commands/io.js'
import { runWith } from '../../../commands/testing/runner.js'
import type { TerminalControl } from '../../../commands/types.js'
import { seedSandbox } from '../../../vfs/seed.js'
import { doSqlStore } from '../../../vfs/sql.js'
import { SqliteVfs } from '../../../vfs/sqlite-vfs.js'
import { InteractiveShell, Shell } from '../../../shell/index.js'
import { attachRuntimeHost, runtimeHostFromEnv, type RuntimeEnv } from '../host.js'

let n = 0

/** Types `keys` into `node` at a terminal; returns the screen text (CR LF made LF). */
async function repl(keys: string, setup?: (fs: SqliteVfs) => void, read?: string): Promise<{ screen: string; code: number; file?: string; modes: boolean[] }> {
  const stub = env.NIMBUS_SESSION.get(env.NIMBUS_SESSION.idFromName(`node-repl-${n++}-${Date.now()}`))
  return runInDurableObject(stub, async (_i, state) => {
    const fs = new SqliteVfs(doSqlStore(state.storage))
    seedSandbox(fs)
    setup?.(fs)
    const host = runtimeHostFromEnv(env as unknown as RuntimeEnv)
    if (!host) throw new Error('the test Worker has no LOADER binding')
    attachRuntimeHost(fs, host)
    const modes: boolean[] = []
    const terminal: TerminalControl = { cols: 80, rows: 24, setRawMode: (raw) => void modes.push(raw) }
    const r = await runWith(() => fs, 'node', { fs, stdin: stringInput(keys, { isTTY: true }), terminal })
    return { screen: r.stdout.replaceAll('\r\n', '\n') + r.stderr, code: r.code, modes, ...(read ? { file: fs.readText(read) } : {}) }
  })
}

describe('node REPL', () => {
  it('keeps names across lines, echoes values like Node and sets _', async () => {
    const r = await repl('let x = 20\nconst add = (a, b) => a + b\nadd(x, 22)\n_ * 2\n({ a: [1, "two"] })\n.exit\n')
    expect(r.code).toBe(0)
    expect(r.modes).toEqual([true, false])
    expect(r.screen).toBe(
      'Welcome to Node.js v22.12.0.\nType ".help" for more information.\n' +
        '> let x = 20\nundefined\n> const add = (a, b) => a + b\nundefined\n> add(x, 22)\n42\n> _ * 2\n84\n' +
        "> ({ a: [1, \"two\"] })\n{ a: [ 1, 'two' ] }\n> .exit\n",
    )
  })

  it('runs the transcript shown in docs/node.md', async () => {
    const r = await repl("const path = require('path')\n[1, 2, 3].map((x) => x * 2)\n_.length\npath.join('a', 'b')\nfunction add(a, b) {\nreturn a + b }\nadd(1, 2)\n.exit\n")
    expect(r.screen).toContain(
      "> const path = require('path')\nundefined\n> [1, 2, 3].map((x) => x * 2)\n[ 2, 4, 6 ]\n> _.length\n3\n> path.join('a', 'b')\n'a/b'\n> function add(a, b) {\n... return a + b }\nundefined\n> add(1, 2)\n3\n",
    )
  })

  it('reports an error and stays alive', async () => {
    const r = await repl('nope + 1\nthrow new TypeError("bad")\n1 +\n 2\n"still here"\n.exit\n')
    expect(r.code).toBe(0)
    expect(r.screen).toContain('> nope + 1\nUncaught ReferenceError: nope is not defined\n')
    expect(r.screen).toContain('Uncaught TypeError: bad\n')
    // An incomplete expression asks for more with the continuation prompt.
    expect(r.screen).toContain('> 1 +\n...  2\n3\n')
    expect(r.screen).toContain("> \"still here\"\n'still here'\n")
  })

  it('requires built-ins and sees the sandbox files; writes reach the shell', async () => {
    const r = await repl(
      'const fs = require("fs"), path = require("path")\nfs.readFileSync("in.txt", "utf8").trim()\nfs.writeFileSync("out.txt", path.join("a", "b"))\nconsole.log("printed", 1 + 1)\n.exit\n',
      (fs) => fs.writeFile('/home/user/in.txt', 'from the sandbox\n'),
      '/home/user/out.txt',
    )
    expect(r.screen).toContain("'from the sandbox'\n")
    expect(r.screen).toContain('printed 2\nundefined\n')
    expect(r.file).toBe('a/b')
  })

  it('Ctrl-C clears the line, twice on an empty line leaves; Ctrl-D leaves', async () => {
    const c = await repl('let y = 1\nabc\x03y\n\x03\x03')
    expect(c.code).toBe(0)
    expect(c.screen).toContain('> abc^C\n> y\n1\n> ^C\n(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n> ^C\n')
    const d = await repl('1 + 1\n\x04')
    expect(d.screen).toMatch(/> 1 \+ 1\n2\n> \n$/)
  })

  it('stops a runaway loop at its budget and goes on', async () => {
    const t0 = Date.now()
    const r = await repl('let i = 0\nwhile (true) { i++ }\ni > 1000\n.exit\n')
    expect(r.screen).toContain('> while (true) { i++ }\nnode: the program was stopped: it ran 10000000 loop iterations without finishing (CPU limit)\n> i > 1000\ntrue\n')
    expect(Date.now() - t0).toBeLessThan(60_000)
  })

  it('a syntax error is reported and process.exit ends the REPL with its code', async () => {
    const r = await repl('let = ;\nprocess.exit(3)\n')
    expect(r.screen).toContain('Uncaught SyntaxError: ')
    expect(r.code, r.screen).toBe(3)
  })

  it('runs at the interactive terminal: keys typed into the shell reach the REPL', async () => {
    const stub = env.NIMBUS_SESSION.get(env.NIMBUS_SESSION.idFromName(`node-repl-term-${Date.now()}`))
    const screen = await runInDurableObject(stub, async (_i, state) => {
      const fs = new SqliteVfs(doSqlStore(state.storage))
      seedSandbox(fs)
      const host = runtimeHostFromEnv(env as unknown as RuntimeEnv)
      if (!host) throw new Error('the test Worker has no LOADER binding')
      attachRuntimeHost(fs, host)
      let out = ''
      // Values are coloured at a terminal, as in Node; the checks read the plain text.
      const term = new InteractiveShell(new Shell({ fs, cwd: '/home/user' }), { write: (d) => void (out += d.replace(/\x1b\[[0-9;]*m/g, '')), cols: 80, rows: 24 })
      term.start()
      const until = async (cond: () => boolean) => {
        for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10))
        if (!cond()) throw new Error(`timed out; screen so far:\n${out}`)
      }
      term.input('node\r')
      await until(() => out.endsWith('> '))
      // One keystroke at a time, as a person types.
      for (const key of 'let n = 6\r') term.input(key)
      await until(() => out.endsWith('undefined\r\n> '))
      term.input('n * 7\r')
      await until(() => out.includes('42\r\n> '))
      term.input('wrong(\x03')
      await until(() => out.endsWith('wrong(^C\r\n> '))
      term.input('.exit\r')
      await until(() => out.endsWith('$ '))
      term.input('echo after\r')
      await until(() => out.includes('after\r\n'))
      return out
    })
    expect(screen).toContain('$ node\r\nWelcome to Node.js v22.12.0.\r\nType ".help" for more information.\r\n> let n = 6\r\nundefined\r\n> n * 7\r\n42\r\n> wrong(^C\r\n> .exit\r\n')
  })
})

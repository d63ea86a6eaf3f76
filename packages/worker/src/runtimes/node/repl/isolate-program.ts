/**
 * The `program.js` module of a REPL isolate (plain JS, shipped to the Worker Loader as
 * text). workerd refuses `eval` and `new Function`, so each input is run by sval, a
 * JavaScript interpreter written in JavaScript, whose global scope lives as long as the
 * REPL: names declared on one line are there on the next. The loop asks the Durable Object
 * for each line (`io.readLine`), flushes output and file changes before every prompt, and
 * echoes values with `util.inspect` as Node's REPL does. Loops in each input get the same
 * guards as a program's (added by the Durable Object), with a budget per input, so a
 * runaway loop ends with a message and the REPL goes on.
 */
export const REPL_PROGRAM = String.raw`
import { state, flushOutput, ExitSignal, CpuLimitError } from './rt/state.js'
import { flushFs } from './rt/flush.js'
import { makeRequire } from './rt/require.js'
import { console as programConsole } from './rt/console.js'
import { inspect } from 'node:util'
import { Buffer } from 'node:buffer'
import Sval from './sval.cjs'

const HELP = [
  '.break    Sometimes you get stuck, this gets you out',
  '.clear    Alias for .break',
  '.exit     Exit the REPL',
  '.help     Print this help message',
  '',
  'Press Ctrl+C to abort current expression, Ctrl+D to exit the REPL',
].join('\n')

const RESULT = '__nimbusReplResult'

// An input is incomplete (ask for more lines) when the parser ran out of text: an open
// bracket, a dangling operator, an unterminated template literal or comment.
function incomplete(err, code) {
  if (!err || typeof err.message !== 'string') return false
  if (/Unterminated (template|comment)/.test(err.message)) return true
  // pos is where the offending token starts: at the very end it is the end of input.
  const at = err.pos
  return typeof at === 'number' && at >= code.trimEnd().length && /^Unexpected token/.test(err.message)
}

// The value of a final expression statement is what the REPL echoes: the statement is
// rewritten to store it where the loop can read it.
function withResult(interp, code) {
  const ast = interp.parse(code)
  const last = ast.body[ast.body.length - 1]
  if (!last || last.type !== 'ExpressionStatement') return { ast, hasValue: false }
  const e = last.expression
  const rewritten = code.slice(0, last.start) + 'exports.' + RESULT + ' = (' + code.slice(e.start, e.end) + ');' + code.slice(last.end)
  return { ast: interp.parse(rewritten), hasValue: true }
}

function describe(err, colors) {
  if (err instanceof Error) {
    const extra = Object.keys(err).filter((k) => k !== 'stack' && k !== 'message')
    const head = (err.name || 'Error') + ': ' + err.message
    if (extra.length === 0) return head
    const props = {}
    for (const k of extra) props[k] = err[k]
    return head + ' ' + inspect(props, { colors })
  }
  return inspect(err, { colors })
}

export default async function (m) {
  const io = state.io
  const colors = !!state.job.tty
  const out = (text) => programConsole.log(text)
  const require = makeRequire(m.filename)
  const module = { id: '<repl>', filename: null, path: m.dirname, exports: {}, loaded: false, children: [], paths: [] }
  const interp = new Sval({ ecmaVer: 'latest', sourceType: 'script', sandBox: true })
  const g = globalThis
  interp.import({
    require, module, console: programConsole, process: g.process, Buffer, global: g, fetch: g.fetch,
    setTimeout: g.setTimeout, setInterval: g.setInterval, setImmediate: g.setImmediate,
    clearTimeout: g.clearTimeout, clearInterval: g.clearInterval, clearImmediate: g.clearImmediate,
    queueMicrotask: g.queueMicrotask, structuredClone: g.structuredClone,
    TextEncoder: g.TextEncoder, TextDecoder: g.TextDecoder, URL: g.URL, URLSearchParams: g.URLSearchParams,
    AbortController: g.AbortController, performance: g.performance, crypto: g.crypto,
  })
  // The interpreter is far slower than compiled code: a smaller budget stops a runaway
  // loop within seconds.
  const budget = Math.min(state.job.loopLimit ?? 5e8, 1e7)
  let ticks = 0
  interp.import({ __nimbusTick: () => {
    if (++ticks > budget) throw new CpuLimitError(budget)
    return true
  } })
  let buffer = ''
  let interrupts = 0
  for (;;) {
    await flushOutput()
    await flushFs()
    const input = await io.readLine(buffer ? '... ' : '> ')
    if (input === null) break
    if (typeof input === 'object') {
      // Ctrl-C: drop what was typed; on an empty prompt, twice in a row leaves.
      if (buffer || input.text) {
        buffer = ''
        interrupts = 0
        continue
      }
      if (++interrupts >= 2) break
      out('(To exit, press Ctrl+C again or Ctrl+D or type .exit)')
      continue
    }
    interrupts = 0
    const code = buffer + input
    const trimmed = code.trim()
    if (!buffer && trimmed.startsWith('.') && /^\.[a-z]+\b/.test(trimmed)) {
      const cmd = trimmed.split(/\s+/)[0]
      if (cmd === '.exit') break
      if (cmd === '.help') out(HELP)
      else if (cmd === '.break' || cmd === '.clear') buffer = ''
      else out('Invalid REPL keyword')
      continue
    }
    if (buffer && (trimmed.endsWith('.break') || trimmed.endsWith('.clear'))) {
      buffer = ''
      continue
    }
    if (!trimmed) {
      buffer = ''
      continue
    }
    // Like Node, '{ a: 1 }' is an object literal rather than a block.
    let source = code
    if (/^\s*\{/.test(code) && /\}\s*$/.test(code)) {
      try {
        interp.parse('(' + code + ')')
        source = '(' + code + ')'
      } catch {}
    }
    try {
      interp.parse(source)
    } catch (err) {
      if (incomplete(err, code)) {
        buffer = code + '\n'
        continue
      }
      buffer = ''
      out('Uncaught SyntaxError: ' + String(err.message).replace(/ \(\d+:\d+\)$/, ''))
      continue
    }
    buffer = ''
    let prepared
    try {
      prepared = withResult(interp, await io.guardLoops(source))
    } catch {
      prepared = withResult(interp, source)
    }
    ticks = 0
    try {
      interp.run(prepared.ast)
      const value = prepared.hasValue ? interp.exports[RESULT] : undefined
      delete interp.exports[RESULT]
      if (prepared.hasValue) interp.import({ _: value })
      out(inspect(value, { colors }))
    } catch (err) {
      if (err instanceof ExitSignal) throw err
      if (state.exited) return
      if (err instanceof CpuLimitError) {
        out('node: ' + err.message)
        continue
      }
      interp.import({ _error: err })
      out('Uncaught ' + describe(err, colors))
    }
    if (state.exited) return
  }
}
`

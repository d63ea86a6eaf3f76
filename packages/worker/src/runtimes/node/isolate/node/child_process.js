// `child_process` runs commands in the sandbox shell (through the Durable Object). Files
// the program changed are flushed first so the command sees them. Only the asynchronous
// forms exist: an isolate cannot block on the shell.
import { EventEmitter } from 'node:events'
import { Readable, Writable } from 'node:stream'
import { Buffer } from 'node:buffer'
import { state } from '../rt/state.js'
import { flushFs } from '../rt/flush.js'

const quote = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${String(s).replaceAll("'", "'\\''")}'`)

function run(command, opts = {}) {
  const child = new EventEmitter()
  child.stdout = new Readable({ read() {} })
  child.stderr = new Readable({ read() {} })
  let input = ''
  child.stdin = new Writable({
    write(chunk, _e, done) {
      input += chunk.toString()
      done()
    },
  })
  child.pid = 1000 + Math.floor(Math.random() * 9000)
  child.kill = () => false
  const handle = { close() {} }
  state.handles.add(handle)
  const go = async () => {
    await new Promise((r) => setTimeout(r, 0))
    await flushFs()
    const env = opts.env ? Object.fromEntries(Object.entries(opts.env).map(([k, v]) => [k, String(v)])) : undefined
    const r = await state.io.exec(command, { cwd: opts.cwd ?? state.job.cwd, env, stdin: input })
    await state.io.refresh?.()
    if (r.stdout) child.stdout.push(Buffer.from(r.stdout))
    if (r.stderr) child.stderr.push(Buffer.from(r.stderr))
    child.stdout.push(null)
    child.stderr.push(null)
    child.exitCode = r.exitCode
    child.emit('exit', r.exitCode, null)
    child.emit('close', r.exitCode, null)
    return r
  }
  child.done = go().finally(() => {
    state.handles.delete(handle)
    state.changed()
  })
  return child
}

export function spawn(cmd, args = [], opts = {}) {
  if (!Array.isArray(args)) {
    opts = args
    args = []
  }
  const line = opts.shell ? [cmd, ...args].join(' ') : [cmd, ...args].map(quote).join(' ')
  return run(line, opts)
}
export function exec(command, opts, done) {
  if (typeof opts === 'function') {
    done = opts
    opts = {}
  }
  const child = run(command, opts ?? {})
  child.done.then(
    (r) => {
      if (!done) return
      const err = r.exitCode === 0 ? null : Object.assign(new Error(`Command failed: ${command}\n${r.stderr}`), { code: r.exitCode, cmd: command })
      done(err, r.stdout, r.stderr)
    },
    (e) => done?.(e, '', ''),
  )
  return child
}
export function execFile(file, args, opts, done) {
  if (typeof args === 'function') return exec(quote(file), {}, args)
  if (typeof opts === 'function') return exec([file, ...(args ?? [])].map(quote).join(' '), {}, opts)
  return exec([file, ...(args ?? [])].map(quote).join(' '), opts, done)
}
const noSync = (name) => () => {
  const e = new Error(`child_process.${name} is not available in the sandbox: a program cannot block on the shell; use the asynchronous form (exec, spawn)`)
  e.code = 'ERR_NOT_SUPPORTED'
  throw e
}
export const execSync = noSync('execSync')
export const spawnSync = noSync('spawnSync')
export const execFileSync = noSync('execFileSync')
export function fork() {
  noSync('fork')()
}
export default { spawn, exec, execFile, execSync, spawnSync, execFileSync, fork }

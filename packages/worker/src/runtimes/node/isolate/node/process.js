// `process` for programs: argv, env, cwd, exit codes and the three standard streams,
// wired to the run's I/O target instead of the host's console.
import { EventEmitter } from 'node:events'
import { Readable } from 'node:stream'
import { Buffer } from 'node:buffer'
import { state, emit, ExitSignal } from '../rt/state.js'
import { normalize, lookup } from '../rt/vfs.js'

const dec = new TextDecoder()

class Output extends EventEmitter {
  constructor(fd) {
    super()
    this.fd = fd
    this.writable = true
  }
  get isTTY() {
    return state.job?.tty === true
  }
  get columns() {
    return state.job?.columns ?? 80
  }
  get rows() {
    return state.job?.rows ?? 24
  }
  write(chunk, encoding, done) {
    if (typeof encoding === 'function') done = encoding
    emit(this.fd, typeof chunk === 'string' ? chunk : dec.decode(chunk))
    if (done) queueMicrotask(done)
    return true
  }
  end(chunk, encoding, done) {
    if (chunk !== undefined && typeof chunk !== 'function') this.write(chunk, encoding)
    if (typeof chunk === 'function') queueMicrotask(chunk)
    else if (typeof done === 'function') queueMicrotask(done)
  }
  cork() {}
  uncork() {}
  getColorDepth() {
    return this.isTTY ? 8 : 1
  }
  hasColors() {
    return this.isTTY
  }
}

const hr = () => BigInt(Math.round(performance.now() * 1e6))

class Process extends EventEmitter {
  constructor() {
    super()
    this.stdout = new Output(1)
    this.stderr = new Output(2)
    this.title = 'node'
    this.platform = 'linux'
    this.arch = 'x64'
    this.pid = 42
    this.ppid = 1
    this.execArgv = []
    this.release = { name: 'node' }
    this.features = {}
    this.config = { variables: {} }
    this.exitCode = undefined
    this.hrtime = Object.assign((prev) => {
      const t = hr()
      const s = [Number(t / 1000000000n), Number(t % 1000000000n)]
      if (!prev) return s
      let sec = s[0] - prev[0]
      let ns = s[1] - prev[1]
      if (ns < 0) {
        sec--
        ns += 1e9
      }
      return [sec, ns]
    }, { bigint: hr })
  }
  get argv() {
    return state.job?.argv ?? ['/usr/local/bin/node']
  }
  get argv0() {
    return 'node'
  }
  get execPath() {
    return '/usr/local/bin/node'
  }
  get version() {
    return state.job?.version ?? 'v22.12.0'
  }
  get versions() {
    return { node: this.version.slice(1), v8: '12.4.254', uv: '1.49.2', modules: '127' }
  }
  get env() {
    return state.env
  }
  set env(v) {
    state.env = v
  }
  get stdin() {
    if (!state.stdin) {
      const bytes = state.job?.stdin
      state.stdin = new Readable({ read() {} })
      state.stdin.isTTY = false
      state.stdin.fd = 0
      state.stdin.setRawMode = () => state.stdin
      if (bytes && bytes.length) state.stdin.push(Buffer.from(bytes))
      state.stdin.push(null)
    }
    return state.stdin
  }
  cwd() {
    return state.job.cwd
  }
  chdir(dir) {
    const p = normalize(dir)
    const n = lookup(p)
    if (!n || n.type !== 'dir') {
      const e = new Error(`ENOENT: no such file or directory, chdir ${state.job.cwd} -> '${dir}'`)
      e.code = 'ENOENT'
      throw e
    }
    state.job.cwd = p
  }
  exit(code) {
    if (code !== undefined) this.exitCode = code
    throw new ExitSignal(Number(this.exitCode ?? 0) | 0)
  }
  abort() {
    throw new ExitSignal(134)
  }
  kill() {
    return true
  }
  nextTick(fn, ...args) {
    queueMicrotask(() => fn(...args))
  }
  uptime() {
    return performance.now() / 1000
  }
  memoryUsage() {
    return { rss: 50e6, heapTotal: 30e6, heapUsed: 20e6, external: 1e6, arrayBuffers: 1e5 }
  }
  cpuUsage() {
    return { user: 0, system: 0 }
  }
  umask() {
    return 0o022
  }
  getuid() {
    return 1000
  }
  getgid() {
    return 1000
  }
  geteuid() {
    return 1000
  }
  emitWarning(w) {
    emit(2, `(node:42) ${typeof w === 'string' ? `Warning: ${w}` : `${w.name}: ${w.message}`}\n`)
  }
  binding() {
    throw new Error('No such module')
  }
}

export const process = new Process()
export default process
export const { stdout, stderr, nextTick, exit, cwd, hrtime } = process
export const argv = process.argv
export const platform = process.platform

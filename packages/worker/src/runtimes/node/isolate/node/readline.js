// `readline`: line events over a stream (stdin is the run's whole input).
import { EventEmitter } from 'node:events'
export function createInterface(opts) {
  const input = opts?.input ?? opts
  const rl = new EventEmitter()
  let buf = ''
  let closed = false
  const queue = []
  const waiting = []
  const push = (line) => {
    const w = waiting.shift()
    if (w) w({ value: line, done: false })
    else queue.push(line)
    rl.emit('line', line)
  }
  input?.on?.('data', (chunk) => {
    buf += chunk.toString()
    let i
    while ((i = buf.indexOf('\n')) !== -1) {
      push(buf.slice(0, i).replace(/\r$/, ''))
      buf = buf.slice(i + 1)
    }
  })
  input?.on?.('end', () => {
    if (buf) push(buf)
    rl.close()
  })
  rl.close = () => {
    if (closed) return
    closed = true
    for (const w of waiting.splice(0)) w({ value: undefined, done: true })
    rl.emit('close')
  }
  rl.question = (q, cb) => {
    opts?.output?.write?.(q)
    rl.once('line', cb)
  }
  rl.setPrompt = () => {}
  rl.prompt = () => {}
  rl.write = () => {}
  rl.pause = () => rl
  rl.resume = () => rl
  rl[Symbol.asyncIterator] = () => ({
    next: () => (queue.length ? Promise.resolve({ value: queue.shift(), done: false }) : closed ? Promise.resolve({ value: undefined, done: true }) : new Promise((r) => waiting.push(r))),
    return: () => {
      rl.close()
      return Promise.resolve({ value: undefined, done: true })
    },
  })
  return rl
}
export default { createInterface }

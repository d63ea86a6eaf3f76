// Timers that keep the program alive the way Node's do (an interval or a pending timeout
// holds the event loop open; unref() lets it go), and route callback errors to exit.
import { state, fatal, realSetTimeout, realClearTimeout } from '../rt/state.js'

const realSetInterval = globalThis.setInterval
const realClearInterval = globalThis.clearInterval

class Timeout {
  constructor(id, repeat) {
    this.id = id
    this.repeat = repeat
    this.refed = true
  }
  close() {
    if (this.repeat) realClearInterval(this.id)
    else realClearTimeout(this.id)
    this.drop()
  }
  drop() {
    if (state.handles.delete(this)) state.changed()
  }
  unref() {
    this.refed = false
    this.drop()
    return this
  }
  ref() {
    this.refed = true
    state.handles.add(this)
    return this
  }
  hasRef() {
    return this.refed
  }
  refresh() {
    return this
  }
  [Symbol.toPrimitive]() {
    return this.id
  }
}

const guard = (fn, args) => {
  if (state.exited) return
  try {
    fn(...args)
  } catch (e) {
    fatal(e)
  }
}

export function setTimeout(fn, ms = 0, ...args) {
  const t = new Timeout(0, false)
  t.id = realSetTimeout(() => {
    t.drop()
    guard(fn, args)
  }, ms)
  state.handles.add(t)
  return t
}
export function setInterval(fn, ms = 0, ...args) {
  const t = new Timeout(0, true)
  t.id = realSetInterval(() => guard(fn, args), Math.max(1, ms))
  state.handles.add(t)
  return t
}
export function setImmediate(fn, ...args) {
  return setTimeout(fn, 0, ...args)
}
const clear = (t) => {
  if (t instanceof Timeout) t.close()
  else if (t !== undefined && t !== null) {
    realClearTimeout(t)
  }
}
export const clearTimeout = clear
export const clearInterval = clear
export const clearImmediate = clear
export const promises = {
  setTimeout: (ms, value) => new Promise((r) => setTimeout(() => r(value), ms)),
  setImmediate: (value) => new Promise((r) => setTimeout(() => r(value), 0)),
}
export default { setTimeout, setInterval, setImmediate, clearTimeout, clearInterval, clearImmediate, promises }

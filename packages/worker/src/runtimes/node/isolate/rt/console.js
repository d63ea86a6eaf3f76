// A console that writes to the program's stdout/stderr with Node's formatting.
import { format, inspect } from 'node:util'
import { emit } from './state.js'

const counts = new Map()
const timers = new Map()
let indent = ''
const line = (fd, args) => emit(fd, `${indent ? format(...args).replace(/^/gm, indent) : format(...args)}\n`)

export const console = {
  log: (...a) => line(1, a),
  info: (...a) => line(1, a),
  debug: (...a) => line(1, a),
  error: (...a) => line(2, a),
  warn: (...a) => line(2, a),
  trace: (...a) => line(2, [`Trace: ${format(...a)}\n${new Error().stack?.split('\n').slice(2).join('\n') ?? ''}`]),
  dir: (o, opts) => emit(1, `${inspect(o, opts)}\n`),
  assert: (ok, ...a) => {
    if (!ok) line(2, a.length ? ['Assertion failed:', ...a] : ['Assertion failed'])
  },
  count: (label = 'default') => {
    counts.set(label, (counts.get(label) ?? 0) + 1)
    line(1, [`${label}: ${counts.get(label)}`])
  },
  countReset: (label = 'default') => counts.delete(label),
  time: (label = 'default') => timers.set(label, performance.now()),
  timeLog: (label = 'default', ...a) => line(1, [`${label}: ${(performance.now() - (timers.get(label) ?? 0)).toFixed(3)}ms`, ...a]),
  timeEnd: (label = 'default') => {
    line(1, [`${label}: ${(performance.now() - (timers.get(label) ?? 0)).toFixed(3)}ms`])
    timers.delete(label)
  },
  group: (...a) => {
    if (a.length) line(1, a)
    indent += '  '
  },
  groupEnd: () => {
    indent = indent.slice(2)
  },
  table: (data) => emit(1, `${inspect(data)}\n`),
}
console.groupCollapsed = console.group

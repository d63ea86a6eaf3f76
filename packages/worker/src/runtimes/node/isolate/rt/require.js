// `require` for built-in modules, as the program bundle and createRequire see it. Program
// files are bundled ahead of time, so only built-ins are looked up here; anything else is
// Node's MODULE_NOT_FOUND.
import * as fs from '../node/fs.js'
import * as fsPromises from '../node/fs-promises.js'
import * as processMod from '../node/process.js'
import * as childProcess from '../node/child_process.js'
import * as http from '../node/http.js'
import * as https from '../node/https.js'
import * as moduleMod from '../node/module.js'
import * as os from '../node/os.js'
import * as timers from '../node/timers.js'
import * as timersPromises from '../node/timers-promises.js'
import * as readline from '../node/readline.js'
import * as workerThreads from '../node/worker_threads.js'
import * as assert from 'node:assert'
import * as assertStrict from 'node:assert/strict'
import * as asyncHooks from 'node:async_hooks'
import * as buffer from 'node:buffer'
import * as crypto from 'node:crypto'
import * as diagnosticsChannel from 'node:diagnostics_channel'
import * as dns from 'node:dns'
import * as events from 'node:events'
import * as net from 'node:net'
import * as path from 'node:path'
import * as pathPosix from 'node:path/posix'
import * as perfHooks from 'node:perf_hooks'
import * as punycode from 'node:punycode'
import * as querystring from 'node:querystring'
import * as stream from 'node:stream'
import * as streamPromises from 'node:stream/promises'
import * as streamWeb from 'node:stream/web'
import * as stringDecoder from 'node:string_decoder'
import * as tty from 'node:tty'
import * as url from 'node:url'
import * as util from 'node:util'
import * as utilTypes from 'node:util/types'
import * as zlib from 'node:zlib'

const table = {
  fs,
  'fs/promises': fsPromises,
  process: processMod,
  child_process: childProcess,
  http,
  https,
  module: moduleMod,
  os,
  timers,
  'timers/promises': timersPromises,
  readline,
  worker_threads: workerThreads,
  assert,
  'assert/strict': assertStrict,
  async_hooks: asyncHooks,
  buffer,
  crypto,
  diagnostics_channel: diagnosticsChannel,
  dns,
  events,
  net,
  path,
  'path/posix': pathPosix,
  perf_hooks: perfHooks,
  punycode,
  querystring,
  stream,
  'stream/promises': streamPromises,
  'stream/web': streamWeb,
  string_decoder: stringDecoder,
  tty,
  url,
  util,
  'util/types': utilTypes,
  zlib,
}
export const builtinNames = Object.keys(table)
moduleMod.builtinModules.push(...builtinNames)

const nameOf = (spec) => {
  const s = String(spec)
  if (s.startsWith('./node/')) return s.slice(7, -3).replace('-', '/')
  return s.startsWith('node:') ? s.slice(5) : s
}

/** What `require(name)` returns: CommonJS callers get the module's default export. */
export function builtin(spec) {
  const ns = table[nameOf(spec)]
  if (!ns) return undefined
  return 'default' in ns && ns.default !== undefined ? ns.default : ns
}

export function notFound(spec, from) {
  const e = new Error(`Cannot find module '${spec}'\nRequire stack:\n- ${from}`)
  e.code = 'MODULE_NOT_FOUND'
  e.requireStack = [from]
  return e
}

export function makeRequire(from) {
  const require = (spec) => {
    const m = builtin(spec)
    if (m === undefined) throw notFound(spec, from)
    return m
  }
  require.resolve = (spec) => {
    if (builtin(spec) !== undefined) return nameOf(spec)
    throw notFound(spec, from)
  }
  require.cache = {}
  require.main = { filename: from }
  return require
}

#!/usr/bin/env node
/** The `nimbus` executable: wires the real process into `runCli`. */
import { runCli } from './main.js'

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  fetch: globalThis.fetch,
})
process.exitCode = code

// The entry module of a program isolate: the session calls run(job, io) once per
// `node` invocation; fetch() serves requests for ports the program listens on.
import { WorkerEntrypoint } from 'cloudflare:workers'
import { run, serve, kill } from './rt/run.js'
import * as program from './program.js'

export default class NodeProgram extends WorkerEntrypoint {
  async run(job, io) {
    return run(job, io, program)
  }
  async serve(port, request) {
    return serve(port, request)
  }
  async kill(code) {
    kill(code)
  }
}

// `https`: the http client over fetch with the https scheme.
import { requestWith, createServer, Server, Agent, IncomingMessage } from './http.js'
export const request = requestWith('https:')
export function get(input, opts, onResponse) {
  const req = request(input, opts, onResponse)
  req.end()
  return req
}
export const globalAgent = new Agent()
export { createServer, Server, Agent, IncomingMessage }
export default { request, get, createServer, Server, Agent, globalAgent, IncomingMessage }

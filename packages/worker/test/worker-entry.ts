/** The Worker under test: the Nimbus handler with its Durable Object, as an embedder would. */
import { createNimbusHandler } from '../src/router/handler.js'

export { NimbusSession } from '../src/session/nimbus-session.js'

export default createNimbusHandler()

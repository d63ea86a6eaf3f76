/** The `token` namespace: Nimbus session tokens (HS256 JWTs signed with JWT_SECRET). */
import { defineCliNamespace } from '../../define.js'

export default defineCliNamespace({ name: 'token', describe: 'Mint and verify Nimbus tokens with JWT_SECRET' })

/** The `session` namespace: browser sessions of a deployment. */
import { defineCliNamespace } from '../../define.js'

export default defineCliNamespace({ name: 'session', describe: 'Create session links' })

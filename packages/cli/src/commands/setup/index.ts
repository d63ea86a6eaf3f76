/** The `setup` namespace: one-time provisioning of a platform for a Nimbus deployment. */
import { defineCliNamespace } from '../../define.js'

export default defineCliNamespace({ name: 'setup', describe: 'Provision cloud resources a deployment needs' })

/** The `runtime` namespace: language runtime assets a deployment serves to its sandboxes. */
import { defineCliNamespace } from '../../define.js'

export default defineCliNamespace({ name: 'runtime', describe: 'Manage runtime assets (pyodide, ruby, clang) in R2' })

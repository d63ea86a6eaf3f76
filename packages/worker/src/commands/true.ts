/** true: do nothing, successfully. */
import { defineCommand } from './define-command.js'

export default defineCommand({
  name: 'true',
  usage: 'true',
  description: 'Exit with a status code indicating success.',
  rawArgs: true,
  async run() {
    return 0
  },
})

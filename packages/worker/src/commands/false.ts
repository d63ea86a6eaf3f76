/** false: do nothing, unsuccessfully. */
import { defineCommand } from './define-command.js'

export default defineCommand({
  name: 'false',
  usage: 'false',
  description: 'Exit with a status code indicating failure.',
  rawArgs: true,
  noHelp: true,
  async run() {
    return 1
  },
})

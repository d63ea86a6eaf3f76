/** `git config`: get, set, unset and list values in `.git/config` or `~/.gitconfig`. */
import { getAll, getValue, keyOf, parseConfig, parseKey, setValue, unsetValue } from './config-file.js'
import { GitError } from './errors.js'
import { defineGitCommand } from './define.js'

export default defineGitCommand({
  name: 'config',
  usage: 'git config [--global | --local] <name> [<value>]\ngit config [--global | --local] --get | --get-all | --unset | --unset-all <name>\ngit config [--global | --local] -l | --list',
  summary: 'Get and set repository or global options',
  flags: {
    global: { type: 'boolean', description: 'use global config file (~/.gitconfig)' },
    local: { type: 'boolean', description: 'use repository config file' },
    get: { type: 'boolean', description: 'get value: name' },
    'get-all': { type: 'boolean', description: 'get all values: key' },
    unset: { type: 'boolean', description: 'remove a variable: name' },
    'unset-all': { type: 'boolean', description: 'remove all matches: name' },
    add: { type: 'boolean', description: 'add a new variable: name value' },
    list: { type: 'boolean', short: 'l', description: 'list all' },
  },
  async run(g, { args, flags }) {
    const scope = flags.global ? 'global' : 'repo'
    if (scope === 'repo' && (flags.local || !flags.list) && (args.length > 1 || flags.unset || flags['unset-all'] || flags.add || flags.local)) g.repo()
    if (flags.list) {
      const texts = flags.global ? [g.readConfig('global')] : flags.local ? [g.readConfig('repo')] : [g.readConfig('global'), g.readConfig('repo')]
      await g.out(texts.flatMap((t) => parseConfig(t).map((e) => `${keyOf(e)}=${e.value}\n`)).join(''))
      return 0
    }
    const [key, value] = args
    if (key === undefined) {
      await g.err('error: no action specified\n')
      return 129
    }
    if (!parseKey(key)) {
      throw new GitError(key.includes('.') ? `error: invalid key: ${key}` : `error: key does not contain a section: ${key}`, 1)
    }
    if (flags.unset || flags['unset-all']) {
      const { text, found } = unsetValue(g.readConfig(scope), key)
      if (!found) return 5
      g.writeConfig(scope, text)
      return 0
    }
    if (value === undefined || flags.get || flags['get-all']) {
      const explicit = flags.global || flags.local
      const values = flags['get-all'] ? (explicit ? getAll(g.readConfig(scope), key) : [...getAll(g.readConfig('global'), key), ...getAll(g.readConfig('repo'), key)]) : []
      const one = explicit ? getValue(g.readConfig(scope), key) : g.config(key)
      const out = flags['get-all'] ? values : one === undefined ? [] : [one]
      if (!out.length) return 1
      await g.out(out.map((v) => `${v}\n`).join(''))
      return 0
    }
    g.writeConfig(scope, setValue(g.readConfig(scope), key, value, { add: flags.add }))
    return 0
  },
})

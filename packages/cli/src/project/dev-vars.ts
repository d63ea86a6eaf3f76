/**
 * The JWT secret for token commands: `JWT_SECRET` from the environment, else from `.dev.vars`
 * in the current directory (the file `wrangler dev` reads, which `nimbus init` writes).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface SecretEnv {
  JWT_SECRET?: string
  JWT_SECRET_PREVIOUS?: string
  /** Where the secret came from, for messages. */
  source: 'environment' | '.dev.vars' | 'none'
}

/** Parses dotenv-style `KEY=value` lines: comments, blank lines, `export `, single or double quotes. */
export function parseDevVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {}
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line)
    if (!m?.[1]) continue
    let value = m[2] ?? ''
    const quote = value[0]
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) value = value.slice(1, -1)
    else value = value.replace(/\s+#.*$/, '')
    vars[m[1]] = value
  }
  return vars
}

export async function loadSecretEnv(cwd: string, env: Record<string, string | undefined>): Promise<SecretEnv> {
  if (env['JWT_SECRET']) {
    return { JWT_SECRET: env['JWT_SECRET'], ...(env['JWT_SECRET_PREVIOUS'] ? { JWT_SECRET_PREVIOUS: env['JWT_SECRET_PREVIOUS'] } : {}), source: 'environment' }
  }
  let text: string
  try {
    text = await readFile(join(cwd, '.dev.vars'), 'utf8')
  } catch {
    return { source: 'none' }
  }
  const vars = parseDevVars(text)
  if (!vars['JWT_SECRET']) return { source: 'none' }
  return { JWT_SECRET: vars['JWT_SECRET'], ...(vars['JWT_SECRET_PREVIOUS'] ? { JWT_SECRET_PREVIOUS: vars['JWT_SECRET_PREVIOUS'] } : {}), source: '.dev.vars' }
}

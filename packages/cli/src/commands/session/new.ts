/**
 * `nimbus session new`: a link to a fresh session. With a JWT_SECRET at hand the link carries
 * a token pinned to that session; without one it is the plain legacy-public `/s/<id>/` URL.
 */
import { defineCliCommand } from '../../define.js'
import { usageError } from '../../errors.js'
import { EXIT } from '../../exit-codes.js'
import { authFailure, loadSessionLibrary } from '../../project/auth.js'
import { loadSecretEnv } from '../../project/dev-vars.js'
import { parseDuration } from '../../util/duration.js'
import { newCliSessionId } from '../../util/session-id.js'

const SESSION_ID_RE = /^[A-Za-z0-9._-]{1,128}$/
export const DEFAULT_ENDPOINT = 'http://127.0.0.1:8787'

export default defineCliCommand({
  command: 'session new',
  describe: 'Print an attach URL for a new session',
  flags: {
    endpoint: { type: 'string', placeholder: 'url', description: `Deployment origin (default: $NIMBUS_ENDPOINT, else ${DEFAULT_ENDPOINT})` },
    id: { type: 'string', placeholder: 'id', description: 'Session id (default: a fresh random id)' },
    tenant: { type: 'string', placeholder: 'id', default: 'default', description: 'Tenant of the minted token' },
    sub: { type: 'string', placeholder: 'id', description: 'Subject of the minted token' },
    ttl: { type: 'string', placeholder: 'duration', default: '1h', description: 'Token lifetime (at most 24h)' },
    legacy: { type: 'boolean', description: 'Print the plain /s/<id>/ URL even when a JWT_SECRET is available' },
  },
  json: true,
  exitCodes: {
    0: 'URL printed',
    2: 'bad endpoint, id, tenant or TTL',
    3: 'JWT_SECRET is set but not usable (32+ hex characters)',
  },
  examples: ['nimbus session new', 'nimbus session new --endpoint https://my-nimbus.example.workers.dev --tenant acme --sub alice'],
  notes: ['The secret is JWT_SECRET from the environment, else from .dev.vars in the current directory.\nWithout one the URL only works on a legacy-public deployment.'],
  async run(args, ctx) {
    const endpoint = args.endpoint ?? (ctx.env['NIMBUS_ENDPOINT'] || DEFAULT_ENDPOINT)
    let origin: URL
    try {
      origin = new URL(endpoint)
    } catch {
      throw usageError(`--endpoint "${endpoint}" is not a URL`, 'Pass the deployment origin, e.g. https://my-nimbus.example.workers.dev')
    }
    if (origin.protocol !== 'http:' && origin.protocol !== 'https:') throw usageError(`--endpoint must be an http(s) URL, not ${origin.protocol}`)
    const id = args.id ?? newCliSessionId()
    if (!SESSION_ID_RE.test(id) || id === '.' || id === '..') throw usageError(`session id "${id}" must be 1-128 of letters, digits, ".", "_" and "-"`)
    const ttlMs = parseDuration(args.ttl)
    if (ttlMs === undefined || ttlMs <= 0) throw usageError(`--ttl "${args.ttl}" is not a duration`, 'Use e.g. 90s, 15m, 1h or 1d.')
    const secret = args.legacy ? ({ source: 'none' } as const) : await loadSecretEnv(ctx.cwd, ctx.env)
    let url: string
    let mode: 'token' | 'legacy'
    if (secret.source === 'none') {
      const base = origin.pathname.endsWith('/') ? origin.pathname : `${origin.pathname}/`
      url = new URL(`${base}s/${id}/`, origin).toString()
      mode = 'legacy'
    } else {
      const { mintAndAttach } = await loadSessionLibrary()
      try {
        ;({ url } = await mintAndAttach(secret, { tn: args.tenant, ...(args.sub !== undefined && { sub: args.sub }) }, { endpoint: origin.toString(), sessionId: id, ttlMs }))
      } catch (err) {
        throw authFailure(err, secret, 'mint')
      }
      mode = 'token'
    }
    if (ctx.json) {
      ctx.out.json({ ok: true, id, url, mode })
      return EXIT.OK
    }
    ctx.out.log(url)
    ctx.out.info(
      ctx.out.errStyle.dim(
        mode === 'token'
          ? `session ${id}; token for tenant ${args.tenant} (secret from ${secret.source}), valid ${args.ttl}`
          : `session ${id}; no JWT_SECRET, so this URL works only on a legacy-public deployment`,
      ),
    )
    return EXIT.OK
  },
})

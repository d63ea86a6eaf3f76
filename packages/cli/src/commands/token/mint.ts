/** `nimbus token mint`: sign a token for a tenant with the local JWT_SECRET. */
import { defineCliCommand } from '../../define.js'
import { usageError } from '../../errors.js'
import { EXIT } from '../../exit-codes.js'
import { authFailure, loadTokenLibrary } from '../../project/auth.js'
import { loadSecretEnv } from '../../project/dev-vars.js'
import { parseDuration } from '../../util/duration.js'

export default defineCliCommand({
  command: 'token mint',
  describe: 'Mint a Nimbus token (prints the token)',
  flags: {
    tenant: { type: 'string', placeholder: 'id', required: true, description: 'Tenant (tn claim)' },
    sub: { type: 'string', placeholder: 'id', description: 'Subject within the tenant (sub claim)' },
    ttl: { type: 'string', placeholder: 'duration', default: '1h', description: 'Lifetime: 90s, 15m, 1h, 1d (at most 24h)' },
    scopes: { type: 'string', placeholder: 'a,b', description: 'Comma-separated capabilities, e.g. session:attach,sandbox:use (default: all)' },
    session: { type: 'string', placeholder: 'id', description: 'Pin the token to one session id (sid claim)' },
  },
  json: true,
  exitCodes: {
    0: 'token printed',
    2: 'bad flag value (ids, scopes, TTL over 24h)',
    3: 'no usable JWT_SECRET in the environment or ./.dev.vars',
  },
  examples: ['nimbus token mint --tenant acme --sub alice --ttl 1h', 'TOKEN=$(nimbus token mint --tenant acme --scopes sandbox:use)'],
  notes: ['The secret is JWT_SECRET from the environment, else from .dev.vars in the current directory.'],
  async run(args, ctx) {
    const ttlMs = parseDuration(args.ttl)
    if (ttlMs === undefined || ttlMs <= 0) throw usageError(`--ttl "${args.ttl}" is not a duration`, 'Use e.g. 90s, 15m, 1h or 1d.')
    const scopes = args.scopes === undefined ? undefined : args.scopes.split(',').map((s) => s.trim()).filter((s) => s !== '')
    const secret = await loadSecretEnv(ctx.cwd, ctx.env)
    const { issueNimbusToken, verifyNimbusToken } = await loadTokenLibrary()
    let token: string
    let claims
    try {
      token = await issueNimbusToken(
        secret,
        { tn: args.tenant, ...(args.sub !== undefined && { sub: args.sub }), ...(scopes !== undefined && { scopes }), ...(args.session !== undefined && { sid: args.session }) },
        { ttlMs },
      )
      ;({ claims } = await verifyNimbusToken(secret, token))
    } catch (err) {
      throw authFailure(err, secret, 'mint')
    }
    const expiresAt = new Date(claims.exp * 1000).toISOString()
    if (ctx.json) {
      ctx.out.json({ ok: true, token, claims, expiresAt, secretSource: secret.source })
      return EXIT.OK
    }
    ctx.out.log(token)
    ctx.out.info(ctx.out.errStyle.dim(`tenant ${claims.tn}${claims.sub ? `, subject ${claims.sub}` : ''}; expires ${expiresAt}; secret from ${secret.source}`))
    return EXIT.OK
  },
})

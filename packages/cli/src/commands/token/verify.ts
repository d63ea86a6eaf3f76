/** `nimbus token verify <token>`: check a token against the local JWT_SECRET and show its claims. */
import { text } from 'node:stream/consumers'
import { defineCliCommand } from '../../define.js'
import { usageError } from '../../errors.js'
import { EXIT } from '../../exit-codes.js'
import { authFailure, loadTokenLibrary } from '../../project/auth.js'
import { loadSecretEnv } from '../../project/dev-vars.js'

export default defineCliCommand({
  command: 'token verify',
  describe: 'Verify a Nimbus token and print its claims',
  positionals: [{ name: 'token', description: 'The token, or - to read it from stdin', required: true }],
  flags: {
    scope: { type: 'string', placeholder: 'scope', description: 'Require this capability, e.g. sandbox:use' },
    session: { type: 'string', placeholder: 'id', description: 'Check the token may open this session id' },
  },
  json: true,
  exitCodes: {
    0: 'the token is valid (for the scope and session, if given)',
    2: 'no token given',
    3: 'no usable JWT_SECRET in the environment or ./.dev.vars',
    5: 'the token is invalid: malformed, bad signature, bad claims, expired, missing scope or pinned to another session',
  },
  examples: ['nimbus token verify eyJhbGciOi... --scope sandbox:use', 'nimbus token mint --tenant acme | nimbus token verify -'],
  notes: ['On failure, --json prints { ok: false, error, code } with the auth error code (E_TOKEN_EXPIRED, E_SCOPE_MISSING, ...).'],
  async run(args, ctx) {
    const token = args.token === '-' ? (await text(ctx.stdin)).trim() : args.token.trim()
    if (token === '') throw usageError('no token given')
    const secret = await loadSecretEnv(ctx.cwd, ctx.env)
    const { verifyNimbusToken } = await loadTokenLibrary()
    let verified
    try {
      verified = await verifyNimbusToken(secret, token, {
        ...(args.scope !== undefined && { requiredScope: args.scope }),
        ...(args.session !== undefined && { sessionId: args.session }),
      })
    } catch (err) {
      throw authFailure(err, secret, 'verify')
    }
    const { claims, doInstanceName } = verified
    const expiresAt = new Date(claims.exp * 1000).toISOString()
    if (ctx.json) {
      ctx.out.json({ ok: true, claims, doInstanceName, expiresAt })
      return EXIT.OK
    }
    const s = ctx.out.style
    ctx.out.log(`${s.green('valid')} token for tenant ${s.bold(claims.tn)}`)
    ctx.out.log(`  subject:     ${claims.sub ?? '(none)'}`)
    ctx.out.log(`  scopes:      ${claims.scopes === undefined ? '(all)' : claims.scopes.join(', ') || '(none)'}`)
    ctx.out.log(`  session:     ${claims.sid ?? '(any)'}`)
    ctx.out.log(`  issued:      ${new Date(claims.iat * 1000).toISOString()}`)
    ctx.out.log(`  expires:     ${expiresAt}`)
    ctx.out.log(`  DO instance: ${doInstanceName}`)
    return EXIT.OK
  },
})

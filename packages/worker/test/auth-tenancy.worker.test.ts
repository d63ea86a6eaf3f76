/**
 * Tenancy end to end inside workerd: a token's tenant and subject name the Durable Object,
 * so the same session id under two tenants is two sandboxes with separate files; a token
 * pinned to a session opens only that one; legacy mode puts everyone in one tenant.
 * Files are written and read through the terminal WebSocket route, as a user would.
 */
import { env, runInDurableObject } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { issueNimbusToken } from '../src/auth/index.js'
import { doSqlStore } from '../src/vfs/sql.js'
import { SqliteVfs } from '../src/vfs/sqlite-vfs.js'
import { SECRET, bearer, openTerminal, send, upgrade } from './auth-helpers.js'

const vars = { JWT_SECRET: SECRET }
const mint = (claims: { tn: string; sub?: string; scopes?: string[]; sid?: string }) => issueNimbusToken(vars, claims)

/** A file's text in the Durable Object with this full name (null when absent), bypassing the router. */
const readInDo = (name: string, path: string): Promise<string | null> =>
  runInDurableObject(env.NIMBUS_SESSION.get(env.NIMBUS_SESSION.idFromName(name)), (_instance, state) => {
    const fs = new SqliteVfs(doSqlStore(state.storage))
    return fs.exists(path) ? fs.readText(path) : null
  })

// `END''MARK` is echoed as typed but prints as ENDMARK, so matching the output is unambiguous.
const DONE = /ENDMARK/

describe('tenancy through the router', () => {
  it('the same session id under two tenants is two sandboxes', async () => {
    const a = await openTerminal(undefined, vars, 'shared', bearer(await mint({ tn: 'tenant-a' })))
    await a.run(`echo secret-of-a > /home/user/owned.txt; echo END''MARK`, DONE)
    expect(await a.run(`cat /home/user/owned.txt; echo END''MARK`, DONE)).toContain('secret-of-a')
    a.close()

    const b = await openTerminal(undefined, vars, 'shared', bearer(await mint({ tn: 'tenant-b' })))
    const seen = await b.run(`cat /home/user/owned.txt; echo END''MARK`, DONE)
    expect(seen).toContain('No such file or directory')
    expect(seen).not.toContain('secret-of-a')
    b.close()

    expect(await readInDo('tenant-a:_:shared', '/home/user/owned.txt')).toBe('secret-of-a\n')
    expect(await readInDo('tenant-b:_:shared', '/home/user/owned.txt')).toBeNull()
  })

  it('subjects within one tenant are separate too', async () => {
    const alice = await openTerminal({ mode: 'enforce' }, vars, 'desk', bearer(await mint({ tn: 'acme', sub: 'alice' })))
    await alice.run(`echo alice-notes > /home/user/notes.txt; echo END''MARK`, DONE)
    alice.close()
    const bob = await openTerminal({ mode: 'enforce' }, vars, 'desk', bearer(await mint({ tn: 'acme', sub: 'bob' })))
    expect(await bob.run(`cat /home/user/notes.txt; echo END''MARK`, DONE)).toContain('No such file or directory')
    bob.close()
    expect(await readInDo('acme:alice:desk', '/home/user/notes.txt')).toBe('alice-notes\n')
  })

  it('a token pinned to a session opens only that session, in its own tenant', async () => {
    const pinned = await mint({ tn: 'tenant-p', sid: 'pinned-1', scopes: ['session:attach'] })
    const t = await openTerminal(undefined, vars, 'pinned-1', bearer(pinned))
    await t.run(`echo pinned > /home/user/p.txt; echo END''MARK`, DONE)
    t.close()
    expect(await readInDo('tenant-p:_:pinned-1', '/home/user/p.txt')).toBe('pinned\n')

    const other = await send(undefined, vars, '/s/pinned-2/ws', upgrade(bearer(pinned)))
    expect(other.status).toBe(403)
    expect(await other.json()).toMatchObject({ ok: false, code: 'E_SESSION_PIN_MISMATCH' })
    const create = await send(undefined, vars, '/new', { headers: bearer(pinned) })
    expect(create.status).toBe(403)
    // Even without a scopes list, a pinned token cannot start new sessions.
    const unscoped = await send(undefined, vars, '/new', { headers: bearer(await mint({ tn: 'tenant-p', sid: 'pinned-1' })) })
    expect(await unscoped.json()).toMatchObject({ ok: false, code: 'E_SESSION_PIN_MISMATCH' })
  })

  it('the session cookie from an attach link authenticates the terminal socket', async () => {
    const token = await mint({ tn: 'tenant-c', sid: 'cookie-ws' })
    const redirect = await send(undefined, vars, `/s/cookie-ws/?nimbus_token=${token}`)
    expect(redirect.status).toBe(302)
    const cookie = (redirect.headers.get('set-cookie') ?? '').split(';')[0] as string
    const t = await openTerminal(undefined, vars, 'cookie-ws', { cookie })
    await t.run(`echo via-cookie > /home/user/c.txt; echo END''MARK`, DONE)
    t.close()
    expect(await readInDo('tenant-c:_:cookie-ws', '/home/user/c.txt')).toBe('via-cookie\n')
    expect((await send(undefined, vars, '/s/cookie-ws/ws', upgrade())).status).toBe(401)
  })

  it('legacy mode: every caller shares the legacy:public:_ tenant', async () => {
    const one = await openTerminal({ mode: 'legacy' }, vars, 'lobby', bearer(await mint({ tn: 'tenant-a' })))
    await one.run(`echo shared > /home/user/l.txt; echo END''MARK`, DONE)
    one.close()
    const two = await openTerminal({ mode: 'legacy' }, vars, 'lobby', {})
    expect(await two.run(`cat /home/user/l.txt; echo END''MARK`, DONE)).toContain('shared')
    two.close()
    expect(await readInDo('legacy:public:_:lobby', '/home/user/l.txt')).toBe('shared\n')
    expect(await readInDo('tenant-a:_:lobby', '/home/user/l.txt')).toBeNull()
  })
})

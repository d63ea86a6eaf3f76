/**
 * node inside the real NimbusSession in workerd (the vitest plugin provides the Worker
 * Loader): programs run through the sandbox's shell with no extra wiring, and a program's
 * server is reached through the sandbox's port registry and the router.
 */
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { defineNimbusConfig } from '@nimbus-sh/config'
import { Nimbus } from '@nimbus-sh/sdk/sandbox'
import { ORIGIN, send } from '../../../test/auth-helpers.js'

const config = defineNimbusConfig({ endpoint: ORIGIN, sandboxes: { default: { root: '/home/user' } } })

describe('node in the session', () => {
  it('runs -e and a script over the sandbox files', async () => {
    const box = Nimbus.fromEnv(env, config).sandbox(`node-${Date.now()}`)
    expect(await box.exec('node -e "console.log(1 + 1); process.exitCode = 4"')).toMatchObject({ stdout: '2\n', exitCode: 4 })
    await box.files.write('/home/user/w.js', 'require("fs").writeFileSync("/home/user/out.txt", process.argv[2])')
    expect(await box.exec('node w.js written && cat out.txt')).toMatchObject({ stdout: 'written', exitCode: 0 })
  })

  it("serves a program's http server on an exposed port", async () => {
    const id = `node-port-${Date.now()}`
    const box = Nimbus.fromEnv(env, config).sandbox(id)
    await box.files.write('/home/user/srv.js', 'require("http").createServer((req, res) => res.end("from node " + req.url)).listen(3000)')
    await box.startProcess('node srv.js')
    await box.ports.expose(3000)
    for (let i = 0; i < 100 && !(await box.ports.list()).some((p) => p.listening); i++) await new Promise((r) => setTimeout(r, 20))
    const res = await send({ mode: 'legacy' }, {}, `/s/${id}/port/3000/hi`)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('from node /hi')
  })
})

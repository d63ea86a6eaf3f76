/**
 * A bench-only Worker: the Nimbus handler with the remote SDK route on (legacy mode, for
 * loopback), plus routes that time the SDK over DO RPC from inside the Worker.
 */
import { Nimbus } from '../../../packages/sdk/src/sandbox.js'
import { createNimbusHandler } from '../../../packages/worker/src/router/handler.js'
import type { NimbusEnv } from '../../../packages/worker/src/session/env.js'

export { NimbusSession } from '../../../packages/worker/src/session/nimbus-session.js'

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

/** Times `batch` sequential runs of `fn` per sample (workerd's clock moves on I/O); per-run medians. */
async function time(fn: (i: number) => Promise<void>, samples: number, batch: number): Promise<{ medianMs: number; runs: number }> {
  const per: number[] = []
  let i = 0
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now()
    for (let b = 0; b < batch; b++) await fn(i++)
    per.push((performance.now() - t0) / batch)
  }
  return { medianMs: median(per), runs: samples * batch }
}

export default createNimbusHandler<NimbusEnv>({
  sdk: { remote: { enabled: true, allowLegacy: true } },
  routes: async (request, env) => {
    const url = new URL(request.url)
    if (!url.pathname.startsWith('/bench/')) return null
    const nimbus = Nimbus.fromEnv(env, { endpoint: url.origin, sandboxes: { default: {} } })
    const run = url.searchParams.get('run') ?? '0'
    switch (url.pathname) {
      case '/bench/exec': {
        const box = nimbus.sandbox(`warm-${run}`)
        for (let i = 0; i < 20; i++) await box.exec('echo hi')
        return Response.json(await time(async () => {
          const r = await box.exec('echo hi')
          if (r.stdout !== 'hi\n') throw new Error('bad output')
        }, 15, 20))
      }
      case '/bench/noop': {
        const box = nimbus.sandbox(`noop-${run}`)
        for (let i = 0; i < 20; i++) await box.runtimes.installed()
        return Response.json(await time(async () => {
          await box.runtimes.installed()
        }, 15, 20))
      }
      case '/bench/new-sandbox':
        return Response.json(await time(async (i) => {
          const r = await nimbus.sandbox(`fresh-${run}-${i}-${Date.now()}`).exec('echo hi')
          if (r.stdout !== 'hi\n') throw new Error('bad output')
        }, 15, 1))
      case '/bench/files-1000': {
        const box = nimbus.sandbox(`files-${run}`)
        await box.ready()
        return Response.json(await time(async (i) => {
          const dir = `set-${i}`
          await Promise.all(Array.from({ length: 1000 }, (_, k) => box.files.write(`${dir}/f${k}.txt`, `file ${k}\n`)))
          const texts = await Promise.all(Array.from({ length: 1000 }, (_, k) => box.files.read(`${dir}/f${k}.txt`)))
          if (texts.some((t, k) => t !== `file ${k}\n`)) throw new Error('bad read')
        }, 5, 1))
      }
      default:
        return new Response('unknown bench', { status: 404 })
    }
  },
})

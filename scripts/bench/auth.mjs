/**
 * Token figures in plain Node (WebCrypto HMAC, the same code workerd runs): the cost of
 * minting and verifying one Nimbus token, from the built `packages/worker/dist/auth`.
 * Each run times a batch of calls and divides, so sub-millisecond work is measured
 * above timer resolution.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { median } from './_stats.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const dist = join(root, 'packages/worker/dist/auth/index.js')

const SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'
const PREVIOUS = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210'
const BATCH = 200
const RUNS = 25

async function perCall(fn) {
  for (let i = 0; i < BATCH; i++) await fn(i)
  const times = []
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now()
    for (let i = 0; i < BATCH; i++) await fn(i)
    times.push((performance.now() - t0) / BATCH)
  }
  return median(times)
}

export default async function bench() {
  if (!existsSync(dist)) {
    // Type errors elsewhere in the package do not stop tsc from emitting auth/.
    try {
      execFileSync('npx', ['tsc', '-p', 'packages/worker/tsconfig.build.json'], { cwd: root, stdio: 'ignore' })
    } catch {}
    if (!existsSync(dist)) throw new Error('packages/worker/dist/auth is missing: run npx tsc -p packages/worker/tsconfig.build.json')
  }
  const auth = await import(pathToFileURL(dist).href)
  const env = { JWT_SECRET: SECRET }
  const rotated = { JWT_SECRET: SECRET, JWT_SECRET_PREVIOUS: PREVIOUS }
  const claims = { tn: 'acme', sub: 'alice', scopes: ['session:attach', 'sandbox:use'], sid: 'pretty-otter-1234' }
  const token = await auth.issueNimbusToken(env, claims)
  const oldToken = await auth.issueNimbusToken({ JWT_SECRET: PREVIOUS }, claims)
  const forged = `${token.slice(0, -4)}AAAA`

  const issue = await perCall(() => auth.issueNimbusToken(env, claims, { ttlMs: 3_600_000 }))
  const verify = await perCall(() => auth.verifyNimbusToken(env, token, { requiredScope: 'session:attach', sessionId: 'pretty-otter-1234' }))
  const verifyPrevious = await perCall(() => auth.verifyNimbusToken(rotated, oldToken))
  const reject = await perCall(() =>
    auth.verifyNimbusToken(env, forged).then(
      () => {
        throw new Error('forged token accepted')
      },
      (e) => {
        if (!(e instanceof auth.NimbusTokenSignatureError)) throw e
      },
    ),
  )
  const notes = `Node ${process.version}, WebCrypto HMAC-SHA256, median of ${RUNS} batches of ${BATCH}`
  const row = (name, medianMs, target) => ({ area: 'auth', name, target, medianMs, runs: RUNS * BATCH, notes })
  return [
    row('issueNimbusToken (HS256, 4 claims)', issue, '≤ 0.5 ms'),
    row('verifyNimbusToken (valid, scope + session pin)', verify, '≤ 0.5 ms'),
    row('verifyNimbusToken (signed with JWT_SECRET_PREVIOUS)', verifyPrevious, '≤ 1 ms'),
    row('verifyNimbusToken (bad signature, rejected)', reject, '≤ 1 ms'),
  ]
}

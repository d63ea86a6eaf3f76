/**
 * The method table of the sandbox API: one entry per wire method name with a zod schema for
 * its params. Both transports call `callSandbox`, so a remote call and a DO RPC call are
 * validated and answered the same way: unknown method → E_METHOD_UNKNOWN, bad params →
 * E_INVALID_PARAMS naming the field.
 */
import { RUNTIME_NAMES } from '@nimbus-sh/config'
import { z } from 'zod'
import { SandboxError, replyOf, type SandboxReply } from './errors.js'
import { LOGS_PAGE_MAX } from './processes.js'
import type { SandboxCallContext, SandboxService } from './service.js'

const path = z.string().min(1).max(4096)
const bytes = z.instanceof(Uint8Array)
const env = z.record(z.string(), z.string())
const runtime = z.enum(RUNTIME_NAMES)
const pid = z.number().int().nonnegative()
const port = z.number().int().min(1).max(65535)
const timeoutMs = z.number().int().positive().max(24 * 60 * 60 * 1000)

interface Method<S extends z.ZodType> {
  params: S
  run(svc: SandboxService, c: SandboxCallContext, p: z.output<S>): unknown
}

const method = <S extends z.ZodType>(params: S, run: Method<S>['run']): Method<z.ZodType> => ({ params, run }) as unknown as Method<z.ZodType>

const none = z.strictObject({}).optional()

export const SANDBOX_METHODS: Readonly<Record<string, Method<z.ZodType>>> = {
  ready: method(none, (s, c) => s.ready(c)),
  exec: method(
    z.strictObject({ command: z.string(), cwd: path.optional(), env: env.optional(), timeoutMs: timeoutMs.optional(), stdin: z.union([z.string(), bytes]).optional() }),
    (s, c, { command, ...opts }) => s.exec(c, command, opts),
  ),
  startProcess: method(z.strictObject({ command: z.string().min(1), cwd: path.optional(), env: env.optional() }), (s, c, { command, ...opts }) =>
    s.startProcess(c, command, opts),
  ),
  runCode: method(
    z.strictObject({ code: z.string(), language: z.string(), install: z.enum(['ifMissing', 'never']).optional(), timeoutMs: timeoutMs.optional(), cwd: path.optional() }),
    (s, c, { code, ...opts }) => s.runCode(c, code, opts),
  ),
  'files.write': method(z.strictObject({ path, content: z.union([z.string(), bytes]), append: z.boolean().optional() }), (s, c, p) =>
    s.writeFile(c, p.path, p.content, p.append ? { append: true } : {}),
  ),
  'files.read': method(z.strictObject({ path, encoding: z.enum(['utf8', 'binary']).optional() }), (s, c, p) => s.readFile(c, p.path, p.encoding)),
  'files.list': method(z.strictObject({ path }), (s, c, p) => s.listFiles(c, p.path)),
  'files.delete': method(z.strictObject({ path, recursive: z.boolean().optional() }), (s, c, p) => s.deleteFile(c, p.path, p.recursive ? { recursive: true } : {})),
  'files.stat': method(z.strictObject({ path }), (s, c, p) => s.stat(c, p.path)),
  'files.exists': method(z.strictObject({ path }), (s, c, p) => s.exists(c, p.path)),
  'files.mkdir': method(z.strictObject({ path, recursive: z.boolean().optional() }), (s, c, p) => s.mkdir(c, p.path, p.recursive === undefined ? {} : { recursive: p.recursive })),
  'files.rename': method(z.strictObject({ from: path, to: path }), (s, c, p) => s.rename(c, p.from, p.to)),
  'runtimes.available': method(none, (s, c) => s.availableRuntimes(c)),
  'runtimes.installed': method(none, (s) => s.installedRuntimes()),
  'runtimes.install': method(z.strictObject({ name: runtime }), (s, c, p) => s.installRuntime(c, p.name)),
  'runtimes.ensure': method(z.strictObject({ names: z.union([runtime, z.array(runtime)]) }), (s, c, p) =>
    s.ensureRuntimes(c, typeof p.names === 'string' ? [p.names] : p.names),
  ),
  'processes.list': method(none, (s) => s.listProcesses()),
  'processes.get': method(z.strictObject({ pid }), (s, _c, p) => s.processes.get(p.pid)),
  'processes.logs': method(z.strictObject({ pid, cursor: z.number().int().nonnegative().optional(), limit: z.number().int().positive().max(LOGS_PAGE_MAX).optional() }), (s, _c, p) =>
    s.logs(p.pid, { ...(p.cursor !== undefined && { cursor: p.cursor }), ...(p.limit !== undefined && { limit: p.limit }) }),
  ),
  'processes.kill': method(z.strictObject({ pid }), (s, _c, p) => s.kill(p.pid)),
  'processes.wait': method(z.strictObject({ pid }), (s, _c, p) => s.processes.wait(p.pid)),
  'ports.expose': method(z.strictObject({ port }), (s, c, p) => s.exposePort(c, p.port)),
  'ports.unexpose': method(z.strictObject({ port }), (s, _c, p) => s.unexposePort(p.port)),
  'ports.list': method(none, (s, c) => s.listPorts(c)),
}

/** Most calls one `batch` may carry. */
export const MAX_BATCH = 10_000

export const SANDBOX_METHOD_NAMES = [...Object.keys(SANDBOX_METHODS), 'batch']

const batchParams = z.strictObject({ calls: z.array(z.strictObject({ method: z.string(), params: z.unknown().optional() })).max(MAX_BATCH) })

/**
 * `batch`: several calls in one round trip, run one after another in order; each gets its
 * own reply. The SDK sends calls issued together this way, so 1,000 concurrent writes cost
 * one round trip instead of 1,000.
 */
async function callBatch(svc: SandboxService, c: SandboxCallContext, params: unknown): Promise<SandboxReply> {
  const parsed = batchParams.safeParse(params)
  if (!parsed.success) return replyOf(new SandboxError('E_INVALID_PARAMS', paramsMessage('batch', parsed.error)))
  const results: SandboxReply[] = []
  for (const call of parsed.data.calls) {
    results.push(call.method === 'batch' ? replyOf(new SandboxError('E_INVALID_PARAMS', 'batch: calls cannot nest a batch')) : await callSandbox(svc, c, call.method, call.params))
  }
  return { ok: true, result: results }
}

/** `params.path: expected string, received number` — the first few issues, each with its field. */
function paramsMessage(method: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((i) => {
    const field = ['params', ...i.path.map(String)].join('.')
    return i.code === 'unrecognized_keys' ? `${field}: unknown field(s) ${i.keys.join(', ')}` : `${field}: ${i.message}`
  })
  return `${method}: invalid params: ${parts.join('; ')}`
}

/** Validates and runs one call; never throws — failures come back as `{ ok: false, … }`. */
export async function callSandbox(svc: SandboxService, c: SandboxCallContext, methodName: unknown, params: unknown): Promise<SandboxReply> {
  if (methodName === 'batch') return callBatch(svc, c, params)
  try {
    const m = typeof methodName === 'string' && Object.hasOwn(SANDBOX_METHODS, methodName) ? SANDBOX_METHODS[methodName] : undefined
    if (!m) throw new SandboxError('E_METHOD_UNKNOWN', `unknown method ${JSON.stringify(methodName)}`)
    const parsed = m.params.safeParse(params ?? undefined)
    if (!parsed.success) throw new SandboxError('E_INVALID_PARAMS', paramsMessage(String(methodName), parsed.error))
    const result = await m.run(svc, c, parsed.data)
    return { ok: true, result: result ?? null }
  } catch (e) {
    return replyOf(e)
  }
}

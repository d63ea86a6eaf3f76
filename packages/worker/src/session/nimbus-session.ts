/**
 * NimbusSession: one Durable Object per sandbox. A thin shell around the sandbox's parts:
 * the SQLite filesystem, the shell, the terminal hub. Screens attach over hibernatable
 * WebSockets, so an idle sandbox costs nothing; code reaches it through RPC methods.
 */
import { DurableObject } from 'cloudflare:workers'
import type { NimbusRuntimesConfig } from '@nimbus-sh/config'
import { hooksOf } from '../router/hook-registry.js'
import { callSandbox } from '../sandbox/methods.js'
import type { SandboxReply } from '../sandbox/errors.js'
import { SandboxService, type SandboxCallContext } from '../sandbox/service.js'
import { InteractiveShell, Shell } from '../shell/index.js'
import type { ExecOptions, ExecResult } from '../shell/types.js'
import { HOME, seedSandbox } from '../vfs/seed.js'
import { doSqlStore } from '../vfs/sql.js'
import { SqliteVfs } from '../vfs/sqlite-vfs.js'
import type { NimbusEnv } from './env.js'
import { ATTACH_HEADERS, MAX_FRAME_BYTES, SESSION_START_HEADER, parseClientMessage, type ServerMessage } from './protocol.js'
import { SessionStore } from './session-store.js'
import { TerminalHub } from './terminal-hub.js'

const DEFAULT_COLS = 80
const DEFAULT_ROWS = 24
const encoder = new TextEncoder()

const parseQuota = (raw: string | undefined): number | undefined => {
  const n = raw === undefined ? Number.NaN : Number(raw)
  return Number.isFinite(n) && n > 0 ? n : undefined
}

/** While processes run, an alarm this often keeps the object from being put to sleep. */
const KEEPALIVE_MS = 20_000
const PORT_PATH_RE = /^\/s\/[^/]+\/port\/(\d+)(\/.*)?$/

/** In-process access to a session's sandbox services (tests, runtimes); a symbol, so never an RPC method. */
export const SANDBOX_SERVICE: unique symbol = Symbol('nimbus.sandboxService')

/** One sandbox API call as the SDK sends it over DO RPC (and the router for remote calls). */
export interface SandboxRpcCall extends SandboxCallContext {
  method: string
  params?: unknown
}

const clampSize = (raw: string | null, fallback: number): number => {
  const n = Number(raw)
  return Number.isInteger(n) && n > 0 && n <= 1000 ? n : fallback
}

/** What a terminal socket remembers across hibernation: who attached it, for onSessionEnd. */
interface AttachInfo {
  handler: number
  sessionId: string
  tenantSegment: string
  /** The URL the screen attached with (onSessionEnd gets a Request for it). */
  url: string
}

function attachInfoOf(request: Request): AttachInfo | null {
  const handler = Number(request.headers.get(ATTACH_HEADERS.handler))
  const sessionId = request.headers.get(ATTACH_HEADERS.session)
  const tenantSegment = request.headers.get(ATTACH_HEADERS.tenant)
  if (!Number.isInteger(handler) || handler < 0 || !sessionId || !tenantSegment) return null
  return { handler, sessionId, tenantSegment, url: request.url }
}

export class NimbusSession extends DurableObject<NimbusEnv> {
  readonly #fs: SqliteVfs
  readonly #store: SessionStore
  readonly #hub: TerminalHub
  readonly #sandbox: SandboxService
  #interactive: InteractiveShell | undefined
  #shell: Shell | undefined

  constructor(ctx: DurableObjectState, env: NimbusEnv) {
    super(ctx, env)
    // Keep-alive pings are answered by the runtime itself, without waking a hibernated object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(JSON.stringify({ t: 'ping' }), JSON.stringify({ t: 'pong' })))
    const sql = doSqlStore(ctx.storage)
    const quotaBytes = parseQuota(env.NIMBUS_QUOTA_BYTES)
    this.#fs = new SqliteVfs(sql, quotaBytes === undefined ? {} : { quotaBytes })
    seedSandbox(this.#fs)
    this.#store = new SessionStore(sql)
    this.#sandbox = new SandboxService({ fs: this.#fs, sql, env: env as unknown as Record<string, unknown> })
    this.#sandbox.processes.onChange(() => this.#keepAlive())
    this.#hub = new TerminalHub(
      () => ctx.getWebSockets(),
      this.#store.loadScrollback(),
      (scrollback) => {
        this.#store.saveScrollback(scrollback)
        if (this.#shell) this.#store.saveSnapshot(this.#shell.snapshot())
      },
    )
  }

  override async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const portMatch = PORT_PATH_RE.exec(url.pathname)
    if (portMatch) return this.#toPort(Number(portMatch[1]), url, request)
    if (!url.pathname.endsWith('/ws')) return Response.json({ ok: false, error: 'Not found', code: 'E_NOT_FOUND' }, { status: 404 })
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
      return Response.json({ ok: false, error: 'Expected a WebSocket upgrade', code: 'E_UPGRADE_REQUIRED' }, { status: 426 })
    }
    // The first screen to attach while none is attached starts a session (the router's onSessionStart).
    const starts = this.ctx.getWebSockets().length === 0
    const { 0: client, 1: server } = new WebSocketPair()
    this.ctx.acceptWebSocket(server)
    server.serializeAttachment(attachInfoOf(request))
    this.#hub.attach(server)
    this.#ensureInteractive(clampSize(url.searchParams.get('cols'), DEFAULT_COLS), clampSize(url.searchParams.get('rows'), DEFAULT_ROWS))
    return new Response(null, { status: 101, webSocket: client, headers: starts ? { [SESSION_START_HEADER]: '1' } : {} })
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const size = typeof message === 'string' ? (message.length * 3 > MAX_FRAME_BYTES ? encoder.encode(message).length : message.length) : message.byteLength
    if (size > MAX_FRAME_BYTES) return this.#reject(ws, 'E_FRAME_TOO_LARGE', `Frame of ${size} bytes is over the ${MAX_FRAME_BYTES}-byte limit; it was dropped`)
    if (typeof message !== 'string') return this.#reject(ws, 'E_BAD_FRAME', 'Binary frames are not part of the terminal protocol')
    const msg = parseClientMessage(message)
    if (!msg) return this.#reject(ws, 'E_BAD_FRAME', 'Unrecognised terminal frame')
    switch (msg.t) {
      case 'i':
        this.#ensureInteractive(DEFAULT_COLS, DEFAULT_ROWS).input(msg.d)
        return
      case 'r':
        this.#ensureInteractive(msg.c, msg.r).resize(msg.c, msg.r)
        return
      case 'ping':
        ws.send(JSON.stringify({ t: 'pong' } satisfies ServerMessage))
        return
    }
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.#hub.flush()
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason)
    } catch {
      // Already closed.
    }
    this.#detached(ws)
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.#hub.flush()
    this.#detached(ws)
  }

  /** The last screen leaving ends the session: the attaching handler's onSessionEnd runs. */
  #detached(ws: WebSocket): void {
    if (this.ctx.getWebSockets().some((w) => w !== ws && w.readyState === WebSocket.OPEN)) return
    const info = ws.deserializeAttachment() as AttachInfo | null
    const onEnd = info ? hooksOf(info.handler)?.onSessionEnd : undefined
    if (!info || !onEnd) return
    const hookCtx = { sessionId: info.sessionId, tenantSegment: info.tenantSegment, request: new Request(info.url) }
    this.ctx.waitUntil(Promise.resolve(onEnd(hookCtx)).catch((e: unknown) => console.error('nimbus: onSessionEnd failed', e)))
  }

  /** Runs a command line non-interactively in a fresh shell over this sandbox's files. */
  async exec(command: string, opts: ExecOptions = {}): Promise<ExecResult> {
    const shell = new Shell({ fs: this.#fs, cwd: opts.cwd ?? HOME, fetch: (input, init) => fetch(input, init) })
    return shell.exec(command, opts)
  }

  get [SANDBOX_SERVICE](): SandboxService {
    return this.#sandbox
  }

  /** The sandbox API (`Nimbus.fromEnv` and the remote RPC route): one call, one reply envelope. */
  async rpc(call: SandboxRpcCall): Promise<SandboxReply> {
    const { method, params, ...context } = call
    return callSandbox(this.#sandbox, context, method, params)
  }

  override async alarm(): Promise<void> {
    this.#keepAlive()
  }

  /**
   * Sets the runtime policy the sandbox's shell runs under (the router applies its
   * `sdk.config` default profile as a screen attaches; `ready()` applies the SDK's profile).
   */
  async applyShellPolicy(policy: NimbusRuntimesConfig): Promise<void> {
    this.#sandbox.runtimes.setShellPolicy(policy)
  }

  /** Reads a file as UTF-8 text (for loaded isolates; the SDK uses `rpc`).*/
  async readTextFile(path: string): Promise<string> {
    return this.#fs.readText(path)
  }

  async writeTextFile(path: string, text: string): Promise<void> {
    this.#fs.writeFile(path, text)
  }

  /** Hands `/s/<id>/port/<n>/rest` to port n's listener as a request for `/rest`. */
  #toPort(port: number, url: URL, request: Request): Promise<Response> {
    const inner = new URL(url)
    inner.pathname = PORT_PATH_RE.exec(url.pathname)?.[2] ?? '/'
    // The Nimbus token is for the router, not for the program behind the port.
    inner.searchParams.delete('nimbus_token')
    return this.#sandbox.ports.dispatch(port, new Request(inner, request))
  }

  /** Keeps an alarm pending while background processes run, so the object stays awake. */
  #keepAlive(): void {
    if (this.#sandbox.processes.runningCount === 0) return
    void this.ctx.storage.getAlarm().then((at) => {
      if (at === null) return this.ctx.storage.setAlarm(Date.now() + KEEPALIVE_MS)
    })
  }

  #shellFor(): Shell {
    if (this.#shell) return this.#shell
    const snapshot = this.#store.loadSnapshot()
    this.#shell = new Shell({
      fs: this.#fs,
      cwd: snapshot?.cwd ?? HOME,
      ...(snapshot ? { env: snapshot.env, aliases: snapshot.aliases } : {}),
      history: this.#store.history(),
      fetch: (input, init) => fetch(input, init),
      hostname: 'nimbus',
    })
    return this.#shell
  }

  #ensureInteractive(cols: number, rows: number): InteractiveShell {
    if (this.#interactive) return this.#interactive
    const interactive = new InteractiveShell(this.#shellFor(), { write: (data) => this.#hub.write(data), cols, rows })
    this.#interactive = interactive
    // A new shell after a restart: clear the stale prompt line the screens still show.
    const scrollback = this.#hub.scrollback
    if (scrollback !== '' && !scrollback.endsWith('\n')) this.#hub.write('\r\x1b[2K')
    interactive.start()
    return interactive
  }

  #reject(ws: WebSocket, code: string, error: string): void {
    ws.send(JSON.stringify({ t: 'e', code, error } satisfies ServerMessage))
  }
}

/**
 * The RPC entrypoint classes an embedding Worker re-exports (spec 000), so wrangler's
 * `class_name` lookup and `ctx.exports` can hand them to Worker Loader isolates. Each
 * is the callback surface one kind of loaded code uses to reach the sandbox; they are
 * deliberately narrow, and grow with the runtimes that call them.
 */
import { WorkerEntrypoint } from 'cloudflare:workers'
import type { NimbusEnv } from './env.js'

/** Props a loaded isolate's entrypoints carry: which sandbox they act for. */
export interface SandboxProps {
  /** The Durable Object name: `<tenantSegment>:<sessionId>`. */
  sandbox: string
}

const stubFor = (env: NimbusEnv, props: SandboxProps) => env.NIMBUS_SESSION.get(env.NIMBUS_SESSION.idFromName(props.sandbox))

/** Static assets (wasm, bundles) for loaded isolates, from the ASSETS binding. */
export class NimbusAssetsRPC extends WorkerEntrypoint<NimbusEnv> {
  async read(path: string): Promise<ArrayBuffer | null> {
    if (!this.env.ASSETS || !path.startsWith('/')) return null
    const res = await this.env.ASSETS.fetch(new Request(new URL(path, 'https://assets.invalid')))
    return res.ok ? res.arrayBuffer() : null
  }
}

/** A sandbox's Durable Object as seen from a loaded isolate (props name the sandbox). */
export class NimbusDOStub extends WorkerEntrypoint<NimbusEnv, SandboxProps> {
  async exec(command: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    const { stdout, stderr, exitCode } = await stubFor(this.env, this.ctx.props).exec(command)
    return { stdout, stderr, exitCode }
  }
  async readTextFile(path: string): Promise<string> {
    return stubFor(this.env, this.ctx.props).readTextFile(path)
  }
  async writeTextFile(path: string, text: string): Promise<void> {
    await stubFor(this.env, this.ctx.props).writeTextFile(path, text)
  }
}

/** Reaches any sandbox by its Durable Object name, for code that holds only a name. */
export class NimbusDurableObjectNamespace extends WorkerEntrypoint<NimbusEnv> {
  async exec(sandbox: string, command: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    const { stdout, stderr, exitCode } = await stubFor(this.env, { sandbox }).exec(command)
    return { stdout, stderr, exitCode }
  }
}

/** Process supervision callbacks (exit codes, output) from loaded isolates. */
export class SupervisorRPC extends WorkerEntrypoint<NimbusEnv, SandboxProps> {
  async log(line: string): Promise<void> {
    console.log(`[${this.ctx.props.sandbox}] ${line}`)
  }
}

/** Spawns Worker Loader isolates on behalf of a sandbox. */
export class NimbusLoaderRPC extends WorkerEntrypoint<NimbusEnv> {
  async available(): Promise<boolean> {
    return this.env.LOADER !== undefined
  }
}

/** The default entrypoint of a loaded isolate, as the session calls it. */
export class NimbusLoadedWorker extends WorkerEntrypoint<NimbusEnv> {
  override async fetch(): Promise<Response> {
    return Response.json({ ok: false, error: 'No program is loaded here', code: 'E_NOT_LOADED' }, { status: 404 })
  }
}

/** A named entrypoint of a loaded isolate. */
export class NimbusLoadedEntrypoint extends WorkerEntrypoint<NimbusEnv> {
  override async fetch(): Promise<Response> {
    return Response.json({ ok: false, error: 'No program is loaded here', code: 'E_NOT_LOADED' }, { status: 404 })
  }
}

/** Hot-module-reload messages from dev servers running in a sandbox. */
export class CirrusHmrRPC extends WorkerEntrypoint<NimbusEnv, SandboxProps> {
  async notify(path: string): Promise<void> {
    console.log(`[${this.ctx.props.sandbox}] hmr ${path}`)
  }
}

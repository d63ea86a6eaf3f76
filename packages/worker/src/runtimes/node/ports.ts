/**
 * Where a program's `listen(port)` goes: the port registry of the runtime host when it has
 * one, else the sandbox's own port registry (bound to the filesystem by the sandbox
 * service), so `/s/<id>/port/<n>/` reaches servers without extra wiring.
 */
import { sandboxHostOf } from '../../sandbox/host.js'
import type { Vfs } from '../../vfs/types.js'
import type { PortRegistry, RuntimeHost } from './host.js'

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError'
  readonly code = 'EADDRINUSE'
}

export function portsFor(fs: Vfs, host: RuntimeHost): PortRegistry | undefined {
  if (host.ports) return host.ports
  const sandbox = sandboxHostOf(fs)
  if (!sandbox) return undefined
  const stops = new Map<number, { isolateId: string; stop: () => void }>()
  return {
    register(port, target) {
      try {
        const stop = sandbox.ports.listen(port, (request) => target.serve(request))
        stops.set(port, { isolateId: target.isolateId, stop })
      } catch (e) {
        throw new PortInUseError(e instanceof Error ? e.message : String(e))
      }
    },
    unregister(port, isolateId) {
      const s = stops.get(port)
      if (s?.isolateId !== isolateId) return
      s.stop()
      stops.delete(port)
    },
  }
}

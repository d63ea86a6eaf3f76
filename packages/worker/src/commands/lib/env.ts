/** A Map-backed Environment, for tests and for commands that run children with a changed env. */
import type { Environment } from '../types.js'

export class MapEnvironment implements Environment {
  readonly #vars: Map<string, string>
  constructor(init: Iterable<[string, string]> | Record<string, string> = {}) {
    this.#vars = new Map(Symbol.iterator in init ? (init as Iterable<[string, string]>) : Object.entries(init))
  }
  get(name: string): string | undefined {
    return this.#vars.get(name)
  }
  set(name: string, value: string): void {
    this.#vars.set(name, value)
  }
  delete(name: string): void {
    this.#vars.delete(name)
  }
  entries(): Iterable<[string, string]> {
    return [...this.#vars.entries()]
  }
}

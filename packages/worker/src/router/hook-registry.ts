/**
 * Where a session's Durable Object finds the hooks of the handler that attached it. The DO
 * runs the same Worker script, so every isolate that evaluates the embedder's module creates
 * the same handlers in the same order: a handler's number names its hooks everywhere, and
 * the socket carries that number (not the functions) across hibernation.
 */
import type { NimbusHooks } from './options.js'

const registry: NimbusHooks[] = []

/** Registers a handler's hooks; the answer is the handler's number. */
export function registerHooks(hooks: NimbusHooks | undefined): number {
  registry.push(hooks ?? {})
  return registry.length - 1
}

export const hooksOf = (handler: number): NimbusHooks | undefined => registry[handler]

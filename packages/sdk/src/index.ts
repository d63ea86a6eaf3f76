/**
 * `@nimbus-sh/sdk`: the SDK's portable surface from one entry — tokens, typed errors,
 * session URLs and programmatic sandboxes (`Nimbus`). It runs anywhere (Workers, Node, Bun,
 * browsers). The Worker embedder API stays on `@nimbus-sh/sdk/worker`, because it needs the Workers runtime.
 */
export * from './token.js'
export * from './errors.js'
export * from './session.js'
export * from './sandbox.js'

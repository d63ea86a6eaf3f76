/** The global `Env` that `wrangler types` would generate for the quickstarts below. */
export {}

declare global {
  interface Env extends Cloudflare.Env {}
}

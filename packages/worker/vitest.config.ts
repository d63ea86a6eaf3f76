import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

/** Tests that need real workerd: Durable Object SQLite, WebSockets, the router. */
export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './test/wrangler.test.jsonc' } })],
  test: {
    name: 'workers',
    include: ['src/**/*.worker.test.ts', 'test/**/*.worker.test.ts'],
    testTimeout: 30_000,
  },
})

/** Types for chromium.mjs. */
import type { BrowserContext } from 'playwright-core'
export declare function chromiumPath(): string
export declare function launchChromium(opts?: { viewport?: { width: number; height: number } }): Promise<{
  context: BrowserContext
  /** Closes the browser and removes its temporary profile. */
  close(): Promise<void>
}>

/** Types for screen.mjs. */
import type { Page } from 'playwright-core'
export interface WaitOptions {
  timeoutMs?: number
  what?: string
}
export declare function isBarePrompt(line: string): boolean
export declare function commandRows(lines: string[], cmd: string): number[]
export declare function lastRunOutput(lines: string[], cmd: string): string[] | undefined
export declare function readScreen(page: Page): Promise<string[]>
export declare function waitForScreen(page: Page, predicate: (lines: string[]) => boolean, opts?: WaitOptions): Promise<string[]>
export declare function waitForPrompt(page: Page, opts?: WaitOptions): Promise<string[]>
export declare function runCommand(page: Page, cmd: string, opts?: { timeoutMs?: number }): Promise<string[]>

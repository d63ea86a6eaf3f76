/** Types for instrument.mjs. */
export interface TerminalProbe {
  sent: string[]
  received: string[]
  sockets: WebSocket[]
  states: string[]
}
export declare function instrumentTerminalPage(): void

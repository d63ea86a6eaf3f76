/**
 * Fans terminal output out to every attached screen and keeps the scrollback, persisting
 * it a moment after output settles (not on every write, so floods stay cheap).
 */
import type { ServerMessage } from './protocol.js'
import { trimScrollback } from './session-store.js'

export interface Screen {
  send(message: string): void
}

const FLUSH_DELAY_MS = 100

export class TerminalHub {
  #scrollback: string
  #timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly screens: () => Iterable<Screen>,
    scrollback: string,
    private readonly persist: (scrollback: string) => void,
  ) {
    this.#scrollback = scrollback
  }

  get scrollback(): string {
    return this.#scrollback + this.#pending
  }

  /**
   * Sends output to every screen and records it for replay. Writes made in the same turn
   * are coalesced into one frame: a command's echo, output and next prompt usually are.
   */
  write(data: string): void {
    if (data === '') return
    if (this.#pending === '') queueMicrotask(() => this.#emit())
    this.#pending += data
  }

  #pending = ''

  #emit(): void {
    const data = this.#pending
    if (data === '') return
    this.#pending = ''
    this.#scrollback = trimScrollback(this.#scrollback + data)
    this.#send({ t: 'o', d: data })
    this.#schedule()
  }

  broadcast(message: ServerMessage): void {
    this.#emit()
    this.#send(message)
  }

  #send(message: ServerMessage): void {
    const frame = JSON.stringify(message)
    for (const screen of this.screens()) {
      try {
        screen.send(frame)
      } catch {
        // A socket closing mid-send is not the other screens' problem.
      }
    }
  }

  /** Sends a screen everything it needs to continue: the recent scrollback. */
  attach(screen: Screen): void {
    this.#emit()
    screen.send(JSON.stringify({ t: 'h', d: this.#scrollback } satisfies ServerMessage))
  }

  flush(): void {
    this.#emit()
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = undefined
    this.persist(this.#scrollback)
  }

  #schedule(): void {
    if (this.#timer !== undefined) return
    this.#timer = setTimeout(() => this.flush(), FLUSH_DELAY_MS)
  }
}

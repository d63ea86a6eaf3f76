/**
 * Questions on the terminal. Only used when stdin is a TTY: CI and pipes have nobody to
 * answer, so commands fall back to flags and environment variables there.
 */
import { createInterface } from 'node:readline/promises'
import { Writable } from 'node:stream'
import type { InStream, OutStream } from './io.js'

export interface Prompter {
  readonly interactive: boolean
  ask(question: string): Promise<string>
  /** Like `ask`, without echoing what is typed (API tokens). */
  askSecret(question: string): Promise<string>
  confirm(question: string, defaultYes?: boolean): Promise<boolean>
}

export function createPrompter(stdin: InStream, stderr: OutStream): Prompter {
  const interactive = stdin.isTTY === true
  async function read(question: string, echo: boolean): Promise<string> {
    stderr.write(question)
    const sink = new Writable({
      write(chunk: Buffer | string, _enc, done) {
        if (echo) stderr.write(chunk.toString())
        done()
      },
    })
    const rl = createInterface({ input: stdin, output: sink, terminal: interactive })
    try {
      const answer = await rl.question('')
      if (!echo) stderr.write('\n')
      return answer.trim()
    } finally {
      rl.close()
    }
  }
  return {
    interactive,
    ask: (q) => read(q, true),
    askSecret: (q) => read(q, false),
    async confirm(q, defaultYes = true) {
      const answer = (await read(`${q} ${defaultYes ? '[Y/n]' : '[y/N]'} `, true)).toLowerCase()
      if (answer === '') return defaultYes
      return answer === 'y' || answer === 'yes'
    },
  }
}

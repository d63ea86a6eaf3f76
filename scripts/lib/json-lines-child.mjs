/**
 * Runs a Node child that reports its progress as JSON lines on stdout, and kills it when it
 * goes quiet: a synchronous endless loop cannot be timed out from inside its own process.
 * Shared by the shell benchmark and the parity comparison of shell engines.
 */
import { spawn } from 'node:child_process'

/**
 * @param {string[]} args arguments after the Node executable
 * @param {{ quietMs: number, onRecord: (record: any) => void }} opts
 * @returns {Promise<{ code: number | null, hung: boolean }>}
 */
export function runJsonLinesChild(args, { quietMs, onRecord }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] })
    let buf = ''
    let hung = false
    let watchdog
    const arm = () => {
      clearTimeout(watchdog)
      watchdog = setTimeout(() => {
        hung = true
        child.kill('SIGKILL')
      }, quietMs)
    }
    arm()
    child.stdout.on('data', (d) => {
      buf += d
      let nl
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl)
        buf = buf.slice(nl + 1)
        if (!line.startsWith('{')) continue
        onRecord(JSON.parse(line))
        arm()
      }
    })
    child.on('close', (code) => {
      clearTimeout(watchdog)
      resolve({ code, hung })
    })
  })
}

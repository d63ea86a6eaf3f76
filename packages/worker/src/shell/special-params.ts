/** The shell's special and dynamic parameters: `$?`, `$#`, `$$`, `$!`, `$-`, RANDOM, SECONDS, LINENO and the rest. */
import type { ShellState } from './state.js'

/** The value of special parameter `name`, or undefined when `name` is an ordinary variable. */
export function specialParameter(state: ShellState, startTime: number, name: string): string | undefined {
  switch (name) {
    case '?': return String(state.lastStatus)
    case '#': return String(state.positional.length)
    case '$': return '1'
    case '!': return state.lastBgPid ? String(state.lastBgPid) : ''
    case '-': return state.optionFlags()
    case 'RANDOM': return String(Math.floor(Math.random() * 32768))
    case 'SECONDS': return String(Math.floor((Date.now() - startTime) / 1000))
    case 'EPOCHSECONDS': return String(Math.floor(Date.now() / 1000))
    case 'BASHPID': return String(1 + state.subshell)
    case 'PPID': return '0'
    case 'UID': case 'EUID': return '1000'
    case 'LINENO': return String(state.lineno)
    case 'BASH_VERSION': return '5.2.15(1)-release'
    case 'FUNCNAME': return state.funcStack[state.funcStack.length - 1]
    case 'BASH_SUBSHELL': return String(state.subshell)
    case 'SHLVL': return '1'
    default: return undefined
  }
}

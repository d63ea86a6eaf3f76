// `os`: a fixed description of the sandbox machine.
import { state } from '../rt/state.js'
export const EOL = '\n'
export const platform = () => 'linux'
export const type = () => 'Linux'
export const arch = () => 'x64'
export const release = () => '6.1.0-nimbus'
export const version = () => '#1 SMP'
export const machine = () => 'x86_64'
export const hostname = () => 'nimbus'
export const homedir = () => state.env?.HOME ?? '/home/user'
export const tmpdir = () => '/tmp'
export const endianness = () => 'LE'
export const uptime = () => Math.floor(performance.now() / 1000)
export const totalmem = () => 128 * 1024 * 1024
export const freemem = () => 64 * 1024 * 1024
export const availableParallelism = () => 1
export const cpus = () => [{ model: 'nimbus', speed: 0, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } }]
export const loadavg = () => [0, 0, 0]
export const networkInterfaces = () => ({})
export const userInfo = () => ({ uid: 1000, gid: 1000, username: state.env?.USER ?? 'user', homedir: homedir(), shell: '/bin/sh' })
export const constants = { signals: { SIGINT: 2, SIGTERM: 15, SIGKILL: 9 }, errno: {} }
export const devNull = '/dev/null'
export default { EOL, platform, type, arch, release, version, machine, hostname, homedir, tmpdir, endianness, uptime, totalmem, freemem, availableParallelism, cpus, loadavg, networkInterfaces, userInfo, constants, devNull }

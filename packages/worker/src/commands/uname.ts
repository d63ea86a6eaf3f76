/** uname: system information, as a Linux-like sandbox reports it. */
import { defineCommand } from './define-command.js'
import { readHostname } from './hostname.js'

export default defineCommand({
  name: 'uname',
  usage: 'uname [OPTION]...',
  description: 'Print certain system information. With no OPTION, same as -s.',
  flags: {
    a: { type: 'boolean', long: 'all', description: 'print all information' },
    s: { type: 'boolean', long: 'kernel-name', description: 'print the kernel name' },
    n: { type: 'boolean', long: 'nodename', description: 'print the network node hostname' },
    r: { type: 'boolean', long: 'kernel-release', description: 'print the kernel release' },
    v: { type: 'boolean', long: 'kernel-version', description: 'print the kernel version' },
    m: { type: 'boolean', long: 'machine', description: 'print the machine hardware name' },
    p: { type: 'boolean', long: 'processor', description: 'print the processor type' },
    i: { type: 'boolean', long: 'hardware-platform', description: 'print the hardware platform' },
    o: { type: 'boolean', long: 'operating-system', description: 'print the operating system' },
  },
  async run(ctx) {
    const f = ctx.flags
    const info = { s: 'Linux', n: readHostname(ctx), r: '6.1.0-nimbus', v: '#1 SMP nimbus', m: 'x86_64', p: 'unknown', i: 'unknown', o: 'GNU/Linux' }
    const parts: string[] = []
    const none = !(f.a || f.s || f.n || f.r || f.v || f.m || f.p || f.i || f.o)
    if (f.a || f.s || none) parts.push(info.s)
    if (f.a || f.n) parts.push(info.n)
    if (f.a || f.r) parts.push(info.r)
    if (f.a || f.v) parts.push(info.v)
    if (f.a || f.m) parts.push(info.m)
    if (f.p && !f.a) parts.push(info.p)
    if (f.i && !f.a) parts.push(info.i)
    if (f.a || f.o) parts.push(info.o)
    await ctx.stdout.write(`${parts.join(' ')}\n`)
    return 0
  },
})

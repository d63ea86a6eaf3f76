import { describe, expect, it } from 'vitest'
import { testSandbox } from '../../sandbox/testing.js'

// The test sandbox has no Worker Loader: what is checked here is everything the commands
// decide before the toolchain runs (help, input checks, the profile gate, running by path).
describe('clang and clang++ in the shell', () => {
  it('print their help and name the tool that was called', async () => {
    const { svc, ctx } = testSandbox()
    const help = await svc.exec(ctx, 'clang --help')
    expect(help).toMatchObject({ exitCode: 0, stderr: '' })
    expect(help.stdout).toMatch(/^OVERVIEW: clang LLVM compiler .*, targeting wasm32-wasip1\n\nUSAGE: clang \[options\] file\.\.\.\n/)
    expect((await svc.exec(ctx, 'clang++ --help')).stdout).toContain('USAGE: clang++ [options] file...')
    expect((await svc.exec(ctx, 'cc --help')).stdout).toContain('USAGE: clang [options] file...')
  })

  it('refuse a command line with no inputs, or with inputs that do not exist, as clang words it', async () => {
    const { svc, ctx } = testSandbox()
    expect(await svc.exec(ctx, 'clang')).toMatchObject({ exitCode: 1, stderr: 'clang: error: no input files\n' })
    expect(await svc.exec(ctx, 'c++ -O2 missing.cpp -o m')).toMatchObject({ exitCode: 1, stderr: "clang++: error: no such file or directory: 'missing.cpp'\nclang++: error: no input files\n" })
  })

  it('say so when the deployment has no Worker Loader, and write nothing', async () => {
    const { svc, ctx } = testSandbox()
    svc.writeFile(ctx, 'hello.c', 'int main(void) { return 0; }\n')
    const r = await svc.exec(ctx, 'clang hello.c -o hello; echo "status=$?"; ls')
    expect(r.stdout).toBe('status=1\nhello.c\n')
    expect(r.stderr).toBe('clang: this deployment has no Worker Loader binding (worker_loaders: LOADER), which the C/C++ toolchain needs\n')
  })

  it('are refused with 126 when the profile does not allow clang', async () => {
    const { svc, ctx } = testSandbox({ runtimes: { allow: ['shell', 'python'] } })
    await svc.ready(ctx)
    expect(await svc.exec(ctx, 'clang --help')).toMatchObject({ exitCode: 126, stderr: 'clang: runtime "clang" is not allowed by this sandbox profile (allowed: shell, python)\n' })
  })
})

describe('running a WebAssembly program by path', () => {
  it('takes an executable file starting with \\0asm as a WASI program, not as a script', async () => {
    const { svc, ctx } = testSandbox()
    svc.fs.writeFile('/home/user/prog', new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]))
    svc.fs.chmod('/home/user/prog', 0o755)
    // Without a Worker Loader the program cannot start: 126, as for any program that cannot run.
    expect(await svc.exec(ctx, './prog a b; echo "status=$?"')).toMatchObject({
      stdout: 'status=126\n',
      stderr: './prog: this deployment has no Worker Loader binding (worker_loaders: LOADER), which the C/C++ toolchain needs\n',
    })
    svc.fs.chmod('/home/user/prog', 0o644)
    expect(await svc.exec(ctx, './prog')).toMatchObject({ exitCode: 126, stderr: expect.stringContaining('Permission denied') })
  })
})

/**
 * The `npm` and `npx` commands over install.ts: init, install/i/add, uninstall, ls, run
 * (through the sandbox shell with node_modules/.bin on PATH), and npx (a local bin, or a
 * package installed into a cache folder first).
 */
import type { CommandContext } from '../../commands/types.js'
import { resolveRuntimeHost } from '../node/host.js'
import { install, parseSpec, type InstallResult } from './install.js'
import { NpmError, RegistryClient, registryUrl } from './registry.js'

export const NPM_VERSION = '10.9.0'

const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`)

async function clientFor(ctx: CommandContext): Promise<RegistryClient> {
  const host = await resolveRuntimeHost(ctx.fs)
  return new RegistryClient(registryUrl(ctx.fs, ctx.cwd, ctx.env), ctx.fetch, {
    ...(host?.npmPackumentCache ? { packuments: host.npmPackumentCache } : {}),
    ...(host?.npmTarballCache ? { tarballs: host.npmTarballCache } : {}),
    disk: { fs: ctx.fs, dir: `${ctx.env.get('HOME') ?? '/home/user'}/.npm/_cache` },
  })
}

async function reportError(ctx: CommandContext, e: unknown): Promise<number> {
  if (e instanceof NpmError) {
    const lines = e.message.split('\n')
    await ctx.stderr.write(`npm error code ${e.code}\n${lines.map((l) => (l.startsWith('npm error') ? l : `npm error ${l}`)).join('\n')}\n`)
    return 1
  }
  throw e
}

/** The project folder: the nearest ancestor with a package.json, else the cwd. */
function projectDir(ctx: CommandContext): string {
  for (let d = ctx.cwd; ; d = d.slice(0, d.lastIndexOf('/')) || '/') {
    if (ctx.fs.exists(`${d === '/' ? '' : d}/package.json`)) return d
    if (d === '/') return ctx.cwd
  }
}

const summary = (r: InstallResult, ms: number) => {
  const parts = [r.added ? `added ${r.added} package${r.added === 1 ? '' : 's'}` : '', r.removed ? `removed ${r.removed} package${r.removed === 1 ? '' : 's'}` : '', r.changed ? `changed ${r.changed} package${r.changed === 1 ? '' : 's'}` : ''].filter(Boolean)
  const took = ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(1)}s`
  return `\n${parts.length ? parts.join(', ') : 'up to date'}, audited ${r.total + 1} package${r.total ? 's' : ''} in ${took}\n`
}

async function runInstall(ctx: CommandContext, args: string[], mode: 'install' | 'uninstall'): Promise<number> {
  const specs = args.filter((a) => !a.startsWith('-'))
  const saveDev = args.includes('-D') || args.includes('--save-dev')
  const save = !args.includes('--no-save')
  const dir = projectDir(ctx)
  const started = Date.now()
  let last = ''
  const progress = ctx.stderr.isTTY
    ? (msg: string) => {
        last = msg
        void ctx.stderr.write(`\r\x1b[2K\x1b[2m${msg}\x1b[0m`)
      }
    : undefined
  try {
    const r = await install({
      fs: ctx.fs,
      dir,
      client: await clientFor(ctx),
      ...(mode === 'install' ? { add: specs } : { remove: specs.map((s) => parseSpec(s).name) }),
      saveDev,
      save,
      ...(progress ? { progress } : {}),
    })
    if (last) await ctx.stderr.write('\r\x1b[2K')
    if (r.skippedScripts.length) await ctx.stderr.write(`npm warn install scripts are not run in the sandbox; skipped for: ${r.skippedScripts.join(', ')}\n`)
    await ctx.stdout.write(summary(r, Date.now() - started))
    return 0
  } catch (e) {
    if (last) await ctx.stderr.write('\r\x1b[2K')
    return reportError(ctx, e)
  }
}

async function init(ctx: CommandContext): Promise<number> {
  const path = `${ctx.cwd === '/' ? '' : ctx.cwd}/package.json`
  if (ctx.fs.exists(path)) {
    await ctx.stdout.write(`Wrote to ${path}:\n\n${ctx.fs.readText(path)}\n`)
    return 0
  }
  const name = (ctx.cwd.split('/').pop() || 'project').toLowerCase().replace(/[^a-z0-9._-]/g, '-')
  const pkg = { name, version: '1.0.0', description: '', main: 'index.js', scripts: { test: 'echo "Error: no test specified" && exit 1' }, keywords: [], author: '', license: 'ISC' }
  const text = `${JSON.stringify(pkg, null, 2)}\n`
  ctx.fs.writeFile(path, text)
  await ctx.stdout.write(`Wrote to ${path}:\n\n${text}\n\n`)
  return 0
}

async function ls(ctx: CommandContext, args: string[]): Promise<number> {
  const dir = projectDir(ctx)
  const all = args.includes('--all') || args.includes('-a')
  let pkg: { name?: string; version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> } = {}
  let lock: { packages?: Record<string, { version?: string; dependencies?: Record<string, string> }> } = {}
  try {
    pkg = JSON.parse(ctx.fs.readText(`${dir}/package.json`))
  } catch {
    // No package.json: an empty project.
  }
  try {
    lock = JSON.parse(ctx.fs.readText(`${dir}/package-lock.json`))
  } catch {
    // Not installed yet.
  }
  const packages = lock.packages ?? {}
  const lines = [`${pkg.name ?? dir.split('/').pop()}${pkg.version ? `@${pkg.version}` : ''} ${dir}`]
  const top = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).sort()
  const walk = (names: string[], from: string, indent: string, seen: Set<string>) => {
    names.forEach((name, i) => {
      const lastOne = i === names.length - 1
      let at = from
      let found: string | undefined
      for (;;) {
        const p = at ? `${at}/node_modules/${name}` : `node_modules/${name}`
        if (packages[p]) {
          found = p
          break
        }
        if (!at) break
        const k = at.lastIndexOf('/node_modules/')
        at = k === -1 ? '' : at.slice(0, k)
      }
      const v = found ? packages[found]?.version : undefined
      lines.push(`${indent}${lastOne ? '└── ' : '├── '}${v ? `${name}@${v}` : `UNMET DEPENDENCY ${name}`}`)
      if (all && found && !seen.has(found)) {
        const kids = Object.keys(packages[found]?.dependencies ?? {}).sort()
        walk(kids, found, `${indent}${lastOne ? '    ' : '│   '}`, new Set([...seen, found]))
      }
    })
  }
  walk(top, '', '', new Set())
  if (top.length === 0) lines.push('└── (empty)')
  await ctx.stdout.write(`${lines.join('\n')}\n`)
  return 0
}

async function runScript(ctx: CommandContext, args: string[]): Promise<number> {
  const dir = projectDir(ctx)
  let scripts: Record<string, string> = {}
  try {
    scripts = (JSON.parse(ctx.fs.readText(`${dir}/package.json`)) as { scripts?: Record<string, string> }).scripts ?? {}
  } catch {
    await ctx.stderr.write(`npm error code ENOENT\nnpm error Could not read package.json in ${dir}\n`)
    return 254
  }
  const [name, ...rest] = args.filter((a, i) => !(a === '--' && i === 1))
  if (!name) {
    await ctx.stdout.write(Object.keys(scripts).length ? `Scripts available via \`npm run\`:\n${Object.entries(scripts).map(([k, v]) => `  ${k}\n    ${v}`).join('\n')}\n` : '')
    return 0
  }
  const script = scripts[name]
  if (script === undefined) {
    await ctx.stderr.write(`npm error Missing script: "${name}"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\n`)
    return 1
  }
  const line = [script, ...rest.map(quote)].join(' ')
  await ctx.stderr.write(`\n> ${name}\n> ${line}\n\n`)
  return ctx.shell.runScript(`cd ${quote(dir)} && PATH=${quote(`${dir}/node_modules/.bin`)}:"$PATH" && ${line}`)
}

export async function runNpm(ctx: CommandContext): Promise<number> {
  const [sub, ...rest] = ctx.args
  switch (sub) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      await ctx.stdout.write('Usage: npm <command>\n\nnpm init -y | install [pkg@range...] [-D] | uninstall <pkg...> | ls [--all] | run <script> | test | start | exec\n')
      return sub === undefined ? 1 : 0
    case '-v':
    case '--version':
      await ctx.stdout.write(`${NPM_VERSION}\n`)
      return 0
    case 'init':
      return init(ctx)
    case 'install':
    case 'i':
    case 'add':
    case 'ci':
      return runInstall(ctx, rest, 'install')
    case 'uninstall':
    case 'remove':
    case 'rm':
    case 'un':
      return runInstall(ctx, rest, 'uninstall')
    case 'ls':
    case 'list':
      return ls(ctx, rest)
    case 'run':
    case 'run-script':
      return runScript(ctx, rest)
    case 'test':
    case 't':
    case 'start':
      return runScript(ctx, [sub === 't' ? 'test' : sub, ...rest])
    case 'exec':
    case 'x':
      return runNpx(ctx, rest.filter((a) => a !== '--'))
    case 'config':
      if (rest[0] === 'get' && rest[1] === 'registry') {
        await ctx.stdout.write(`${registryUrl(ctx.fs, ctx.cwd, ctx.env)}\n`)
        return 0
      }
      break
  }
  await ctx.stderr.write(`npm error Unknown command: "${sub}"\n`)
  return 1
}

/** `npx pkg [args]`: a bin from the project, else the package installed into a cache first. */
export async function runNpx(ctx: CommandContext, argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== '-y' && a !== '--yes')
  const [spec, ...rest] = args
  if (!spec) {
    await ctx.stderr.write('npx: missing package name\n')
    return 1
  }
  const { name } = parseSpec(spec)
  const binName = name.startsWith('@') ? (name.split('/')[1] as string) : name
  const dir = projectDir(ctx)
  const local = `${dir}/node_modules/.bin/${binName}`
  if (ctx.fs.exists(local)) return ctx.shell.runArgv([local, ...rest], {})
  const home = ctx.env.get('HOME') ?? '/home/user'
  const cacheDir = `${home}/.npm/_npx/${spec.replace(/[^\w.@-]/g, '_')}`
  ctx.fs.mkdir(cacheDir, { recursive: true })
  const bin = `${cacheDir}/node_modules/.bin/${binName}`
  if (!ctx.fs.exists(bin)) {
    try {
      await install({ fs: ctx.fs, dir: cacheDir, client: await clientFor(ctx), add: [spec] })
    } catch (e) {
      return reportError(ctx, e)
    }
  }
  if (!ctx.fs.exists(bin)) {
    // A package whose only bin has another name.
    const bins = ctx.fs.exists(`${cacheDir}/node_modules/.bin`) ? ctx.fs.readdir(`${cacheDir}/node_modules/.bin`).map((e) => e.name) : []
    if (bins.length !== 1) {
      await ctx.stderr.write(`npm error could not determine executable to run for ${spec}\n`)
      return 1
    }
    return ctx.shell.runArgv([`${cacheDir}/node_modules/.bin/${bins[0]}`, ...rest], {})
  }
  return ctx.shell.runArgv([bin, ...rest], {})
}

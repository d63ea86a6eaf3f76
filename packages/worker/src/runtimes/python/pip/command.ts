/**
 * `pip`: install, uninstall, list and show pure-Python packages in the sandbox. Downloads
 * go through the command's fetch from the index named by `--index-url`/`-i` or
 * `PIP_INDEX_URL` (default: the public Python package index); wheels land in the
 * site-packages directory every `python` run sees. There is no build step here, so only
 * wheels tagged `none-any` install; dependencies are resolved by name (no version ranges).
 */
import type { CommandContext } from '../../../commands/types.js'
import { PipError, downloadWheel, findWheel, normalizeName, parseRequirement, parseWheelName, type Requirement } from './index-client.js'
import { installWheel, listInstalled, uninstallDist, SITE_PACKAGES } from './wheel.js'
import { PYTHON_VERSION } from '../assets.js'

export const DEFAULT_INDEX_URL = 'https://pypi.org/simple'

const USAGE = `Usage:
  pip install [--index-url URL] [--no-deps] <requirement | wheel file> ...
  pip uninstall [-y] <package> ...
  pip list
  pip show <package>
`

interface InstallOpts {
  index: string
  deps: boolean
  requirements: string[]
}

function parseInstall(args: string[], env: CommandContext['env']): InstallOpts | string {
  const opts: InstallOpts = { index: env.get('PIP_INDEX_URL') ?? DEFAULT_INDEX_URL, deps: true, requirements: [] }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '-i' || a === '--index-url') {
      const v = args[++i]
      if (v === undefined) return `${a} requires an argument`
      opts.index = v
    } else if (a.startsWith('--index-url=')) opts.index = a.slice('--index-url='.length)
    else if (a === '--no-deps') opts.deps = false
    else if (a === '-q' || a === '--quiet' || a === '--user' || a === '-U' || a === '--upgrade' || a === '--no-cache-dir' || a === '--disable-pip-version-check') continue
    else if (a.startsWith('-')) return `no such option: ${a}`
    else opts.requirements.push(a)
  }
  if (opts.requirements.length === 0) return 'You must give at least one requirement to install (see "pip help install")'
  return opts
}

async function install(ctx: CommandContext, opts: InstallOpts): Promise<number> {
  const done = new Set(listInstalled(ctx.fs).map((d) => normalizeName(d.name)))
  const installed: string[] = []
  const queue: Array<{ spec: string; explicit: boolean }> = opts.requirements.map((spec) => ({ spec, explicit: true }))
  const seen = new Set<string>()
  while (queue.length > 0) {
    if (ctx.signal.aborted) return 130
    const { spec, explicit } = queue.shift() as { spec: string; explicit: boolean }
    let filename: string
    let bytes: Uint8Array
    if (spec.endsWith('.whl')) {
      const path = ctx.resolve(spec)
      if (!ctx.fs.exists(path)) throw new PipError(`Could not find the wheel file ${spec}`)
      filename = path.split('/').pop() as string
      if (!parseWheelName(filename)) throw new PipError(`${filename} is not a valid wheel filename`)
      bytes = ctx.fs.readFile(path)
    } else {
      const req: Requirement | undefined = parseRequirement(spec)
      if (!req) throw new PipError(`Invalid requirement: '${spec}' (only NAME or NAME==VERSION)`)
      const key = normalizeName(req.name)
      if (seen.has(key)) continue
      seen.add(key)
      if (!explicit && done.has(key)) continue
      if (explicit && done.has(key) && !req.version) {
        await ctx.stdout.write(`Requirement already satisfied: ${req.name}\n`)
        continue
      }
      const link = await findWheel(ctx.fetch, opts.index, req)
      await ctx.stdout.write(`Collecting ${spec}\n  Downloading ${link.filename}\n`)
      filename = link.filename
      bytes = await downloadWheel(ctx.fetch, link)
    }
    const dist = await installWheel(ctx.fs, filename, bytes)
    done.add(normalizeName(dist.name))
    installed.push(`${dist.name}-${dist.version}`)
    if (opts.deps) for (const dep of dist.requires) if (!done.has(normalizeName(dep))) queue.push({ spec: dep, explicit: false })
  }
  if (installed.length > 0) await ctx.stdout.write(`Successfully installed ${installed.join(' ')}\n`)
  return 0
}

async function uninstall(ctx: CommandContext, args: string[]): Promise<number> {
  const names = args.filter((a) => !a.startsWith('-'))
  if (names.length === 0) {
    await ctx.stderr.write('ERROR: You must give at least one requirement to uninstall\n')
    return 1
  }
  for (const name of names) {
    const dist = listInstalled(ctx.fs).find((d) => normalizeName(d.name) === normalizeName(name))
    if (!dist) {
      await ctx.stderr.write(`WARNING: Skipping ${name} as it is not installed.\n`)
      continue
    }
    uninstallDist(ctx.fs, dist)
    await ctx.stdout.write(`Found existing installation: ${dist.name} ${dist.version}\nSuccessfully uninstalled ${dist.name}-${dist.version}\n`)
  }
  return 0
}

export async function runPipCommand(ctx: CommandContext): Promise<number> {
  const [sub, ...rest] = ctx.args
  try {
    switch (sub) {
      case 'install': {
        const opts = parseInstall(rest, ctx.env)
        if (typeof opts === 'string') {
          await ctx.stderr.write(`ERROR: ${opts}\n`)
          return 2
        }
        return await install(ctx, opts)
      }
      case 'uninstall':
        return await uninstall(ctx, rest)
      case 'list':
      case 'freeze': {
        const dists = listInstalled(ctx.fs)
        if (sub === 'freeze') await ctx.stdout.write(dists.map((d) => `${d.name}==${d.version}\n`).join(''))
        else {
          const width = Math.max(7, ...dists.map((d) => d.name.length))
          const rows = dists.map((d) => `${d.name.padEnd(width)} ${d.version}\n`).join('')
          await ctx.stdout.write(`${'Package'.padEnd(width)} Version\n${'-'.repeat(width)} -------\n${rows}`)
        }
        return 0
      }
      case 'show': {
        let status = 0
        for (const name of rest) {
          const dist = listInstalled(ctx.fs).find((d) => normalizeName(d.name) === normalizeName(name))
          if (!dist) {
            await ctx.stderr.write(`WARNING: Package(s) not found: ${name}\n`)
            status = 1
            continue
          }
          await ctx.stdout.write(`Name: ${dist.name}\nVersion: ${dist.version}\nLocation: ${SITE_PACKAGES}\n`)
        }
        return status
      }
      case '--version':
      case '-V':
        await ctx.stdout.write(`pip (nimbus) from ${SITE_PACKAGES} (python ${PYTHON_VERSION.split('.').slice(0, 2).join('.')})\n`)
        return 0
      case undefined:
      case 'help':
      case '-h':
      case '--help':
        await ctx.stdout.write(USAGE)
        return 0
      default:
        await ctx.stderr.write(`ERROR: unknown command "${sub}"\n`)
        return 1
    }
  } catch (e) {
    if (e instanceof PipError) {
      await ctx.stderr.write(`ERROR: ${e.message}\n`)
      return 1
    }
    throw e
  }
}

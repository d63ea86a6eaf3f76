/** `nimbus init [dir]`: scaffold a deployable Worker that embeds Nimbus. */
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { defineCliCommand } from '../define.js'
import { CliError } from '../errors.js'
import { EXIT } from '../exit-codes.js'
import { cliVersion } from '../version.js'
import { scaffoldFiles } from '../scaffold/templates.js'
import { fsFailure } from '../util/fs-error.js'
import { workerNameFrom } from '../util/names.js'

/** A directory holding only these counts as empty: `git init && nimbus init .` is common. */
const IGNORED_ENTRIES = new Set(['.git'])

async function existingEntries(dir: string): Promise<string[] | undefined> {
  try {
    if (!(await stat(dir)).isDirectory()) {
      throw new CliError('E_DIR_NOT_EMPTY', `${dir} exists and is not a directory`, EXIT.LOCAL, 'Choose another path.')
    }
    return (await readdir(dir)).filter((e) => !IGNORED_ENTRIES.has(e))
  } catch (err) {
    if (err instanceof CliError) throw err
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return undefined
    throw fsFailure(err, 'read', dir)
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false)
}

export default defineCliCommand({
  command: 'init',
  describe: 'Scaffold a Worker that embeds Nimbus',
  positionals: [{ name: 'dir', description: 'Target directory (default: the current directory)' }],
  flags: {
    name: { type: 'string', placeholder: 'name', description: 'Worker name (default: from the directory name)' },
    force: { type: 'boolean', description: 'Write into a non-empty directory, replacing files with the same names' },
  },
  json: true,
  exitCodes: {
    0: 'scaffold written',
    2: 'bad arguments, or a Worker name that cannot be derived from the directory',
    3: 'the directory is not empty (use --force) or is not a directory',
  },
  examples: ['nimbus init my-nimbus-worker', 'nimbus init . --name my-nimbus --force'],
  notes: [
    'Writes package.json, wrangler.jsonc, tsconfig.json, src/index.ts, nimbus.config.ts,\n' +
      '.dev.vars (a fresh 64-hex JWT_SECRET), .gitignore and README.md.\n' +
      'With --force an existing .dev.vars is kept, so a local secret is never replaced.',
  ],
  async run(args, ctx) {
    const { createWranglerConfig, renderWranglerJsonc } = await import('@nimbus-sh/config')
    const dir = resolve(ctx.cwd, args.dir ?? '.')
    const name = args.name ?? workerNameFrom(basename(dir))
    if (!name) {
      throw new CliError('E_INVALID_NAME', `cannot derive a Worker name from "${basename(dir)}"`, EXIT.USAGE, 'Pass one with --name, e.g. --name my-nimbus.')
    }
    let wrangler
    try {
      wrangler = createWranglerConfig({ name })
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      throw new CliError('E_INVALID_NAME', message, EXIT.USAGE, 'Pass a valid name with --name (lowercase letters, digits and "-", at most 41 characters).')
    }
    const entries = await existingEntries(dir)
    if (entries !== undefined && entries.length > 0 && !args.force) {
      const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', …' : '')
      throw new CliError(
        'E_DIR_NOT_EMPTY',
        `${dir} is not empty (${shown})`,
        EXIT.LOCAL,
        'Choose an empty or new directory, or pass --force to write the scaffold into it (files with the same names are replaced).',
      )
    }
    const files = scaffoldFiles({
      name,
      nimbusVersion: `^${cliVersion()}`,
      wrangler,
      wranglerJsonc: renderWranglerJsonc(wrangler),
      jwtSecret: randomBytes(32).toString('hex'),
    })
    const written: string[] = []
    const kept: string[] = []
    for (const [file, content] of files) {
      const path = join(dir, file)
      if (file === '.dev.vars' && (await exists(path))) {
        kept.push(file)
        continue
      }
      try {
        await mkdir(dirname(path), { recursive: true })
        await writeFile(path, content)
      } catch (err) {
        throw fsFailure(err, 'write', path)
      }
      written.push(file)
    }
    const rel = relative(ctx.cwd, dir) || '.'
    const next = [
      ...(rel === '.' ? [] : [`cd ${rel}`]),
      'npm install',
      'npx wrangler dev',
    ]
    if (ctx.json) {
      ctx.out.json({ ok: true, dir, name, files: written, kept, buckets: wrangler.r2_buckets, next })
      return EXIT.OK
    }
    const s = ctx.out.style
    ctx.out.log(`${s.green('Created')} ${s.bold(name)} in ${dir}`)
    for (const f of written) ctx.out.log(`  ${f}`)
    for (const f of kept) ctx.out.log(`  ${f} ${s.dim('(kept existing)')}`)
    ctx.out.log('')
    ctx.out.log('Next:')
    for (const step of next) ctx.out.log(`  ${step}`)
    ctx.out.log('')
    ctx.out.log('To deploy: npx nimbus setup cloudflare, then npx wrangler secret put JWT_SECRET and npx wrangler deploy.')
    return EXIT.OK
  },
})

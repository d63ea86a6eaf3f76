/**
 * `nimbus runtime sync [--from DIR]`: upload runtime assets to the NIMBUS_RUNTIME_CACHE bucket
 * (by default the ones the installed @nimbus-sh/worker ships, listed by its
 * `runtime-sync-helper` export under the keys the runtimes look up)
 * through the Cloudflare API, one object per file, keyed by its path under DIR.
 */
import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { cloudflareFailure, openCloudflare } from '../../cloudflare/session.js'
import { putObject } from '../../cloudflare/r2.js'
import { defineCliCommand } from '../../define.js'
import { CliError, usageError } from '../../errors.js'
import { EXIT } from '../../exit-codes.js'
import { readWranglerBuckets } from '../../project/wrangler-file.js'
import { contentTypeFor } from '../../util/content-type.js'
import { fsFailure } from '../../util/fs-error.js'
import { walkFiles } from '../../util/walk.js'

/** The Cloudflare API refuses single uploads above 300 MiB. */
const MAX_OBJECT_BYTES = 300 * 1024 * 1024
const KEY_PREFIX_RE = /^[A-Za-z0-9._\-/]*$/

async function sourceDir(cwd: string, from: string): Promise<string> {
  const dir = resolve(cwd, from)
  const info = await stat(dir).catch(() => undefined)
  if (!info?.isDirectory()) {
    throw new CliError('E_SOURCE_DIR', `${dir} is not a directory`, EXIT.LOCAL, 'Pass the directory holding the runtime assets with --from <dir>.')
  }
  return dir
}

interface SizedFile {
  rel: string
  path: string
  key: string
  size: number
}

async function directoryAssets(ctx: { cwd: string; out: { warn(msg: string): void } }, from: string, prefix: string): Promise<SizedFile[]> {
  const dir = await sourceDir(ctx.cwd, from)
  const { files, skipped } = await walkFiles(dir).catch((err: unknown) => {
    throw fsFailure(err, 'read', dir)
  })
  for (const rel of skipped) ctx.out.warn(`skipping ${rel}: not a regular file`)
  return Promise.all(files.map(async (f) => ({ ...f, key: prefix + f.rel, size: (await stat(f.path)).size })))
}

/** The runtime assets of the installed @nimbus-sh/worker (pyodide, ruby, esbuild). */
async function bundledAssets(prefix: string): Promise<SizedFile[]> {
  const helper = await import('@nimbus-sh/worker/runtime-sync-helper').catch(() => undefined)
  if (!helper) {
    throw new CliError('E_SOURCE_DIR', '@nimbus-sh/worker is not installed here', EXIT.LOCAL, 'Run this in a project that depends on @nimbus-sh/worker, or pass --from <dir>.')
  }
  const assets = helper.listRuntimeAssets()
  if (assets.length === 0) {
    throw new CliError('E_SOURCE_DIR', `no runtime assets in ${helper.runtimeAssetsDir()}`, EXIT.LOCAL, 'Build @nimbus-sh/worker (npm run build), or pass --from <dir>.')
  }
  return assets.map((a) => ({ rel: a.key, path: a.path, key: prefix + a.key, size: a.size }))
}

export default defineCliCommand({
  command: 'runtime sync',
  describe: 'Upload runtime assets from a directory to the NIMBUS_RUNTIME_CACHE bucket',
  flags: {
    from: { type: 'string', placeholder: 'dir', description: 'Directory of assets; object keys are paths relative to it (default: the runtime assets of the installed @nimbus-sh/worker)' },
    bucket: { type: 'string', placeholder: 'name', description: 'Bucket (default: NIMBUS_RUNTIME_CACHE in ./wrangler.jsonc, else nimbus-runtime-cache-public)' },
    prefix: { type: 'string', placeholder: 'key-prefix', description: 'Prefix for every object key, e.g. pyodide/0.27/' },
    'account-id': { type: 'string', placeholder: 'id', description: 'Cloudflare account ID (default: $CLOUDFLARE_ACCOUNT_ID)' },
    concurrency: { type: 'string', placeholder: 'n', default: '4', description: 'Parallel uploads' },
    'dry-run': { type: 'boolean', description: 'List what would be uploaded; upload nothing' },
  },
  json: true,
  exitCodes: {
    0: 'every file uploaded (or listed, with --dry-run)',
    1: 'an upload failed or the bucket does not exist',
    2: 'bad arguments',
    3: 'missing credentials, or --from is not a directory',
    4: 'the Cloudflare API could not be reached',
    5: 'the API token was rejected or lacks R2 access',
    6: 'R2 is not enabled for the account (Cloudflare error 10042)',
  },
  examples: ['nimbus runtime sync', 'nimbus runtime sync --dry-run --json', 'nimbus runtime sync --from ./runtime-assets', 'nimbus runtime sync --from ./pyodide --prefix pyodide/ --dry-run'],
  notes: ['Uses CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_BASE_URL like `setup cloudflare`.'],
  async run(args, ctx) {
    const concurrency = Number(args.concurrency)
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw usageError('--concurrency must be an integer from 1 to 32')
    const prefix = args.prefix ?? ''
    if (!KEY_PREFIX_RE.test(prefix) || prefix.startsWith('/') || prefix.split('/').includes('..')) {
      throw usageError('--prefix may use letters, digits, ".", "_", "-" and "/", and must not start with "/" or contain ".."')
    }
    const { DEFAULT_RUNTIME_CACHE_BUCKET } = await import('@nimbus-sh/config')
    const bucket = args.bucket ?? (await readWranglerBuckets(ctx.cwd))?.buckets.NIMBUS_RUNTIME_CACHE ?? DEFAULT_RUNTIME_CACHE_BUCKET
    const sized = args.from === undefined ? await bundledAssets(prefix) : await directoryAssets(ctx, args.from, prefix)
    const tooBig = sized.find((f) => f.size > MAX_OBJECT_BYTES)
    if (tooBig) throw new CliError('E_SOURCE_DIR', `${tooBig.rel} is ${tooBig.size} bytes; the API accepts at most 300 MiB per object`, EXIT.LOCAL, 'Split the file, then rerun.')
    const rerun = args.from === undefined ? 'nimbus runtime sync' : `nimbus runtime sync --from ${args.from}`
    const totalBytes = sized.reduce((n, f) => n + f.size, 0)
    const uploaded: Array<{ key: string; size: number }> = []
    let accountId: string | undefined
    if (!args['dry-run']) {
      const cf = await openCloudflare(ctx, args['account-id'], rerun)
      accountId = cf.accountId
      let next = 0
      const worker = async (): Promise<void> => {
        while (next < sized.length) {
          const f = sized[next++]
          if (!f) return
          const body = await readFile(f.path).catch((err: unknown) => {
            throw fsFailure(err, 'read', f.path)
          })
          try {
            await putObject(cf.api, cf.accountId, bucket, f.key, body, contentTypeFor(f.rel))
          } catch (err) {
            const failure = cloudflareFailure(err, cf.accountId, rerun)
            if (failure instanceof CliError) {
              throw new CliError(failure.code, `uploading ${f.key} to ${bucket}: ${failure.message} (${uploaded.length} of ${sized.length} uploaded before)`, failure.exitCode, failure.hint)
            }
            throw failure
          }
          uploaded.push({ key: f.key, size: f.size })
          if (!ctx.json) ctx.out.info(`  uploaded ${f.key} (${f.size} bytes)`)
        }
      }
      await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(sized.length, 1)) }, worker))
    }
    const objects = args['dry-run'] ? sized.map((f) => ({ key: f.key, size: f.size })) : uploaded.sort((a, b) => (a.key < b.key ? -1 : 1))
    if (ctx.json) {
      ctx.out.json({ ok: true, bucket, accountId: accountId ?? null, dryRun: args['dry-run'], objects, bytes: totalBytes })
      return EXIT.OK
    }
    if (args['dry-run']) {
      for (const o of objects) ctx.out.log(`  would upload ${o.key} (${o.size} bytes)`)
      ctx.out.log(`${objects.length} file(s), ${totalBytes} bytes would be uploaded to ${bucket} (dry run: nothing changed).`)
    } else {
      ctx.out.log(`Uploaded ${objects.length} file(s), ${totalBytes} bytes, to R2 bucket ${bucket} in account ${accountId}.`)
    }
    return EXIT.OK
  },
})

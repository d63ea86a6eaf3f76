/**
 * `nimbus setup cloudflare`: verify the API token, then make sure the three R2 buckets named in
 * wrangler.jsonc exist. Idempotent: existing buckets are reported and left alone.
 */
import { cloudflareFailure, openCloudflare } from '../../cloudflare/session.js'
import { createBucket, listBuckets } from '../../cloudflare/r2.js'
import { defineCliCommand } from '../../define.js'
import { CliError } from '../../errors.js'
import { EXIT } from '../../exit-codes.js'
import { readWranglerBuckets, type WranglerBuckets } from '../../project/wrangler-file.js'

type BucketStatus = 'exists' | 'created' | 'would-create'

const NEXT_STEPS = ['npx wrangler secret put JWT_SECRET', 'npx wrangler deploy']

async function bucketNames(cwd: string, config: string | undefined, name: string | undefined): Promise<WranglerBuckets> {
  const fromFile = await readWranglerBuckets(cwd, config)
  if (fromFile) return fromFile
  if (name === undefined) {
    throw new CliError(
      'E_WRANGLER_CONFIG',
      `no wrangler.jsonc in ${cwd}`,
      EXIT.LOCAL,
      'Run this in your Worker project (created by `nimbus init`), pass --config <path>, or pass --name <worker> to use the default bucket names.',
    )
  }
  const { createWranglerConfig } = await import('@nimbus-sh/config')
  let wrangler
  try {
    wrangler = createWranglerConfig({ name })
  } catch (err) {
    throw new CliError('E_INVALID_NAME', err instanceof Error ? err.message : String(err), EXIT.USAGE)
  }
  const buckets = Object.fromEntries(wrangler.r2_buckets.map((b) => [b.binding, b.bucket_name])) as WranglerBuckets['buckets']
  return { workerName: name, buckets }
}

export default defineCliCommand({
  command: 'setup cloudflare',
  describe: 'Verify the API token and create the R2 buckets (idempotent)',
  flags: {
    'account-id': { type: 'string', placeholder: 'id', description: 'Cloudflare account ID (default: $CLOUDFLARE_ACCOUNT_ID)' },
    name: { type: 'string', placeholder: 'worker', description: 'Worker name, for default bucket names when there is no wrangler.jsonc' },
    config: { type: 'string', placeholder: 'path', description: 'wrangler config to read bucket names from (default: ./wrangler.jsonc)' },
    'dry-run': { type: 'boolean', description: 'Verify and list only; create nothing' },
    yes: { type: 'boolean', short: 'y', description: 'Do not ask before creating buckets' },
  },
  json: true,
  exitCodes: {
    0: 'every bucket exists (or, with --dry-run, the plan was printed)',
    1: 'Cloudflare refused a request, or creation was declined at the prompt',
    2: 'bad arguments (malformed account ID or worker name)',
    3: 'no API token, account ID or wrangler.jsonc',
    4: 'the Cloudflare API could not be reached',
    5: 'the API token was rejected or lacks R2 access',
    6: 'R2 is not enabled for the account (Cloudflare error 10042)',
  },
  examples: [
    'CLOUDFLARE_ACCOUNT_ID=<account-id> nimbus setup cloudflare --name my-nimbus',
    'nimbus setup cloudflare --dry-run --json',
  ],
  notes: [
    'Environment: CLOUDFLARE_API_TOKEN (needs "Workers R2 Storage: Edit"), CLOUDFLARE_ACCOUNT_ID,\n' +
      'CLOUDFLARE_API_BASE_URL (default: the Cloudflare v4 API). Missing values are asked for only\n' +
      'when stdin is a terminal; without one, buckets are created without asking.',
  ],
  async run(args, ctx) {
    const rerun = 'nimbus setup cloudflare' + (args.name ? ` --name ${args.name}` : '')
    const names = await bucketNames(ctx.cwd, args.config, args.name)
    const { api, accountId } = await openCloudflare(ctx, args['account-id'], rerun)
    const out = ctx.out
    const s = out.style
    if (!ctx.json) {
      out.info(`Cloudflare API token verified; account ${accountId}.`)
      if (names.source) out.info(`Bucket names from ${names.source}.`)
    }
    let existing: Set<string>
    try {
      existing = new Set((await listBuckets(api, accountId)).map((b) => b.name))
    } catch (err) {
      throw cloudflareFailure(err, accountId, rerun)
    }
    const plan = Object.entries(names.buckets).map(([binding, name]) => ({
      binding,
      name,
      status: (existing.has(name) ? 'exists' : 'would-create') as BucketStatus,
    }))
    const missing = plan.filter((b) => b.status === 'would-create')
    if (missing.length > 0 && !args['dry-run'] && !args.yes && ctx.prompt.interactive && !ctx.json) {
      const ok = await ctx.prompt.confirm(`Create ${missing.length} R2 bucket(s) (${missing.map((b) => b.name).join(', ')}) in account ${accountId}?`)
      if (!ok) throw new CliError('E_CANCELLED', 'cancelled; nothing was created', EXIT.FAILURE, `Rerun with --yes to skip the question: ${rerun}`)
    }
    if (!args['dry-run']) {
      for (const bucket of missing) {
        try {
          const result = await createBucket(api, accountId, bucket.name)
          bucket.status = result === 'created' ? 'created' : 'exists'
        } catch (err) {
          const created = plan.filter((b) => b.status === 'created').map((b) => b.name)
          const failure = cloudflareFailure(err, accountId, rerun)
          if (failure instanceof CliError && created.length > 0) {
            throw new CliError(failure.code, `${failure.message} (created before the failure: ${created.join(', ')})`, failure.exitCode, failure.hint)
          }
          throw failure
        }
      }
    }
    if (ctx.json) {
      out.json({ ok: true, accountId, dryRun: args['dry-run'], source: names.source ?? null, buckets: plan, next: NEXT_STEPS })
      return EXIT.OK
    }
    const label: Record<BucketStatus, string> = {
      exists: s.dim('exists'),
      created: s.green('created'),
      'would-create': s.yellow('would create'),
    }
    out.log(`R2 buckets in account ${accountId}${args['dry-run'] ? ' (dry run: nothing changed)' : ''}:`)
    for (const b of plan) out.log(`  ${b.binding.padEnd(22)}${b.name.padEnd(40)}${label[b.status]}`)
    out.log('')
    if (plan.every((b) => b.status === 'exists')) out.log('All buckets already exist; nothing changed.')
    out.log('Remaining steps:')
    out.log(`  ${NEXT_STEPS[0]}   # 32+ hex characters: openssl rand -hex 32`)
    out.log(`  ${NEXT_STEPS[1]}`)
    return EXIT.OK
  },
})

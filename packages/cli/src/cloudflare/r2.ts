/** R2 bucket and object calls of the Cloudflare v4 API. */
import type { CloudflareApi } from './api.js'
import { CF, CloudflareApiError } from './errors.js'

export interface R2Bucket {
  name: string
  creation_date?: string
  location?: string
}

const accountPath = (accountId: string) => `/accounts/${encodeURIComponent(accountId)}/r2/buckets`

/** Every bucket of the account, following the cursor across pages. */
export async function listBuckets(api: CloudflareApi, accountId: string): Promise<R2Bucket[]> {
  const buckets: R2Bucket[] = []
  let cursor: string | undefined
  for (let page = 0; page < 1000; page++) {
    const { result, resultInfo } = await api.request<{ buckets?: R2Bucket[] }>('GET', accountPath(accountId), {
      query: { per_page: '1000', cursor },
    })
    buckets.push(...(result?.buckets ?? []))
    const next = resultInfo?.['cursor']
    if (typeof next !== 'string' || next === '') break
    cursor = next
  }
  return buckets
}

/** Creates a bucket; `existing` when someone (a concurrent run) created it first. */
export async function createBucket(api: CloudflareApi, accountId: string, name: string): Promise<'created' | 'existing'> {
  try {
    await api.request('POST', accountPath(accountId), { json: { name } })
    return 'created'
  } catch (err) {
    if (err instanceof CloudflareApiError && err.has(CF.BUCKET_EXISTS)) return 'existing'
    throw err
  }
}

/** `a/b c.txt` → `a/b%20c.txt`: each segment encoded, the slashes kept as key separators. */
export const encodeObjectKey = (key: string): string => key.split('/').map(encodeURIComponent).join('/')

export async function putObject(
  api: CloudflareApi,
  accountId: string,
  bucket: string,
  key: string,
  body: Uint8Array,
  contentType: string,
): Promise<void> {
  await api.request('PUT', `${accountPath(accountId)}/${encodeURIComponent(bucket)}/objects/${encodeObjectKey(key)}`, {
    body,
    headers: { 'content-type': contentType },
  })
}

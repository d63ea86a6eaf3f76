import { describe, expect, it } from 'vitest'
import { NimbusConfigError } from '../errors.js'
import { parseJsonc } from './jsonc.js'
import { nimbusBucketsFromWrangler } from './read.js'

describe('parseJsonc', () => {
  it('drops comments and trailing commas but keeps strings intact', () => {
    const text = `// top\n{\n  "a": "http://x/*y*/", /* block\n comment */ "b": [1, 2,],\n  "c": "\\"//\\"", // tail\n}\n`
    expect(parseJsonc(text)).toEqual({ a: 'http://x/*y*/', b: [1, 2], c: '"//"' })
  })

  it('reports the line of a syntax error', () => {
    expect(() => parseJsonc('{\n  // c\n  "a": 1\n  "b": 2\n}', 'w.jsonc')).toThrow(/Cannot parse w\.jsonc:\n.*line 4/)
    try {
      parseJsonc('{')
    } catch (e) {
      expect((e as NimbusConfigError).code).toBe('E_JSONC_SYNTAX')
    }
  })
})

describe('nimbusBucketsFromWrangler', () => {
  it('names the missing binding or bad entry', () => {
    expect(() => nimbusBucketsFromWrangler({})).toThrow(/r2_buckets: missing/)
    expect(() =>
      nimbusBucketsFromWrangler({
        r2_buckets: [
          { binding: 'NPM_TARBALL_CACHE', bucket_name: 'a-b-c' },
          { binding: 'NPM_PACKUMENT_CACHE' },
          { binding: 'OTHER', bucket_name: 'zzz' },
        ],
      }),
    ).toThrow(/r2_buckets\[1\]\.bucket_name: expected the bucket name for NPM_PACKUMENT_CACHE\n.*r2_buckets: no entry with binding "NIMBUS_RUNTIME_CACHE"/)
  })
})

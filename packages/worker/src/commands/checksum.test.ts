import { describe } from 'vitest'
import { parityCases } from './testing/parity.js'

// md5sum, sha1sum, sha256sum, sha512sum and base64 against GNU coreutils.
describe('checksums and base64', () => {
  parityCases('checksum')
})

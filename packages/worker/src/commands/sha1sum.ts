/** sha1sum: SHA1 message digests. */
import { checksumCommand } from './lib/checksum.js'

export default checksumCommand('sha1sum', 'SHA-1', 'SHA1')

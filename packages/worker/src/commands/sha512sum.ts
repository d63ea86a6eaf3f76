/** sha512sum: SHA512 message digests. */
import { checksumCommand } from './lib/checksum.js'

export default checksumCommand('sha512sum', 'SHA-512', 'SHA512')

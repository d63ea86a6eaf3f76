/** sha256sum: SHA256 message digests. */
import { checksumCommand } from './lib/checksum.js'

export default checksumCommand('sha256sum', 'SHA-256', 'SHA256')

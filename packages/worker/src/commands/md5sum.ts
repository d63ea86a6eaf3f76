/** md5sum: MD5 message digests. */
import { checksumCommand } from './lib/checksum.js'

export default checksumCommand('md5sum', 'md5', 'MD5')

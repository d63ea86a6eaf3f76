import { describe } from 'vitest'
import { parityCases } from './testing/parity.js'

// od, xxd and split against GNU coreutils and vim's xxd.
describe('od, xxd, split', () => {
  parityCases('dump')
})

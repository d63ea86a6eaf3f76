import { describe } from 'vitest'
import { parityCases } from './testing/parity.js'

// Expected outputs come from file 5.44.
describe('file', () => {
  parityCases('file')
})

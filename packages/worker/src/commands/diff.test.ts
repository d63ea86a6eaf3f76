import { describe } from 'vitest'
import { parityCases } from './testing/parity.js'

describe('diff', () => {
  parityCases('diff')
})

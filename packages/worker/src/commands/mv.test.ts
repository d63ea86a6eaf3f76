import { describe } from 'vitest'
import { parityCases } from './testing/parity.js'

describe('mv', () => {
  parityCases('mv')
})

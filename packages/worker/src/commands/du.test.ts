import { describe } from 'vitest'
import { parityCases } from './testing/parity.js'

describe('du', () => {
  parityCases('du')
})

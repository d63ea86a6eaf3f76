import { describe } from 'vitest'
import { parityCases } from './testing/parity.js'

describe('test', () => {
  parityCases('test')
})

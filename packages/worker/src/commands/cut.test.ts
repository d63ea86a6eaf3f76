import { describe } from 'vitest'
import { parityCases } from './testing/parity.js'

describe('cut', () => {
  parityCases('cut')
})

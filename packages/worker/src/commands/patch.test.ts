import { describe } from 'vitest'
import { parityCases } from './testing/parity.js'

describe('patch', () => {
  parityCases('patch')
})

import { describe } from 'vitest'
import { parityCases } from './testing/parity.js'

describe('dirname', () => {
  parityCases('dirname')
})

// `timers/promises` over the tracked timers.
import { promises } from './timers.js'
export const setTimeout = promises.setTimeout
export const setImmediate = promises.setImmediate
export default promises

// Sends the filesystem changes logged so far to the Durable Object, in order.
import { state } from './state.js'
import { takeOps } from './vfs.js'

export async function flushFs() {
  const ops = takeOps()
  if (ops.length && state.io) await state.io.applyFs(ops)
}

// `worker_threads`: a program always runs on the main thread here.
export const isMainThread = true
export const parentPort = null
export const workerData = null
export const threadId = 0
export class Worker {
  constructor() {
    throw new Error('worker_threads.Worker is not available in the sandbox')
  }
}
export default { isMainThread, parentPort, workerData, threadId, Worker }

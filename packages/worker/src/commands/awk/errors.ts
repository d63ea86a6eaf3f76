/** Runtime errors an awk program can raise (division by zero, array misuse, I/O). */
export class AwkRuntimeError extends Error {
  override readonly name = 'AwkRuntimeError'
}

/**
 * What the compiler needs besides its code: the data segments split off its main module
 * (see scripts/build-clang-assets.mjs) and the sysroot tar. They arrive once per isolate
 * through `prime`, gzip-compressed, because a Loader isolate's modules may total 64 MiB.
 */
let primed

const inflate = (bytes) => new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()

/** Stores the (gzip-compressed) data segments and sysroot. */
export async function prime({ dataSegments, sysroot }) {
  const [segments, tar] = await Promise.all([inflate(dataSegments), inflate(sysroot)])
  primed = { segments: new Uint8Array(segments), sysroot: tar }
}

export const isPrimed = () => primed !== undefined

export function resources() {
  if (!primed) throw new Error('the compiler isolate was not primed with its data and sysroot')
  return primed
}

/** Instantiates a core module; the compiler's main module also gets its data segments written into memory. */
export async function instantiateWithData(module, imports, mainModule) {
  const instance = await WebAssembly.instantiate(module, imports)
  if (module === mainModule) {
    const { segments } = resources()
    const view = new DataView(segments.buffer, segments.byteOffset, segments.byteLength)
    const memory = new Uint8Array(instance.exports.memory.buffer)
    let at = 4
    for (let i = view.getUint32(0, true); i > 0; i--) {
      const offset = view.getUint32(at, true)
      const length = view.getUint32(at + 4, true)
      memory.set(segments.subarray(at + 8, at + 8 + length), offset)
      at += 8 + length
    }
  }
  return instance
}

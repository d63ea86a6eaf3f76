/** Content types for the runtime assets we upload; R2 serves them back with this header. */
const TYPES: Record<string, string> = {
  wasm: 'application/wasm',
  js: 'text/javascript',
  mjs: 'text/javascript',
  cjs: 'text/javascript',
  json: 'application/json',
  map: 'application/json',
  html: 'text/html; charset=utf-8',
  css: 'text/css',
  txt: 'text/plain; charset=utf-8',
  py: 'text/x-python',
  whl: 'application/zip',
  zip: 'application/zip',
  tar: 'application/x-tar',
  gz: 'application/gzip',
  tgz: 'application/gzip',
  data: 'application/octet-stream',
}

export function contentTypeFor(path: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase()
  return (ext && TYPES[ext]) || 'application/octet-stream'
}

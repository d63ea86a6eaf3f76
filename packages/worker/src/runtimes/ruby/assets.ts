/**
 * Which files the Ruby runtime loads: the CRuby 3.3 interpreter with its standard library
 * (from @ruby/3.3-wasm-wasi) and the isolate's bundled JavaScript, both built into
 * `public/_assets/ruby/<version>/` by scripts/build-python-assets.mjs and read from the
 * NIMBUS_RUNTIME_CACHE bucket first, under the same keys.
 */
export const RUBY_PACKAGE_VERSION = '2.10.1'
export const RUBY_VERSION = '3.3'

const base = `ruby/${RUBY_VERSION}-${RUBY_PACKAGE_VERSION}/`

export const RUBY_ASSETS = {
  wasm: `${base}ruby+stdlib.wasm.gz`,
  isolateJs: `${base}ruby-isolate.js`,
} as const

// `module`: createRequire for built-ins (files are bundled ahead of time) and the list of
// built-in names.
import { makeRequire } from '../rt/require.js'
// Filled in by rt/require.js (which imports this module) once its table exists.
export const builtinModules = []
export const createRequire = (filename) => makeRequire(String(filename).replace(/^file:\/\//, ''))
export const isBuiltin = (name) => builtinModules.includes(String(name).replace(/^node:/, ''))
export class Module {}
Module.builtinModules = builtinModules
Module.createRequire = createRequire
Module.isBuiltin = isBuiltin
export default Module

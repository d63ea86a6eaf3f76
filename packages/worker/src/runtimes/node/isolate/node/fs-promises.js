// `fs/promises`: the promise half of node/fs.js.
import { promises } from './fs.js'
export const { access, appendFile, chmod, copyFile, cp, lstat, mkdir, mkdtemp, readdir, readFile, readlink, realpath, rename, rm, rmdir, stat, symlink, truncate, unlink, utimes, writeFile, open, constants } = promises
export default promises

/** chmod-style modes: octal (`755`) or symbolic (`u+x,go-w`, `a=rX`, `+t`), as GNU applies them. */

const UMASK = 0o022

/** New permission bits for `spec` applied to `current`, or null when `spec` is invalid. */
export const applyMode = (spec: string, current: number, isDir: boolean): number | null => {
  if (/^[0-7]+$/.test(spec)) {
    const n = parseInt(spec, 8)
    if (n > 0o7777) return null
    // GNU keeps a directory's setuid/setgid bits unless the octal number names them (5+ digits).
    return isDir && spec.length < 5 ? (n & 0o777) | (current & 0o6000) | (n & 0o1000) : n
  }
  let mode = current & 0o7777
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)((?:[-+=](?:[rwxXst]*|[ugo]))+)$/.exec(clause)
    if (!m) return null
    const who = m[1] ?? ''
    let mask = 0
    for (const w of who === '' ? 'a' : who) mask |= w === 'u' ? 0o4700 : w === 'g' ? 0o2070 : w === 'o' ? 0o1007 : 0o7777
    for (const [, op, perms] of (m[2] ?? '').matchAll(/([-+=])([ugo]|[rwxXst]*)/g)) {
      let bits = 0
      if (perms && /^[ugo]$/.test(perms)) {
        const shift = perms === 'u' ? 6 : perms === 'g' ? 3 : 0
        const v = (mode >> shift) & 7
        bits = (v << 6) | (v << 3) | v
      } else {
        for (const p of perms ?? '') {
          if (p === 'r') bits |= 0o444
          else if (p === 'w') bits |= 0o222
          else if (p === 'x') bits |= 0o111
          else if (p === 'X') bits |= isDir || mode & 0o111 ? 0o111 : 0
          else if (p === 's') bits |= 0o6000
          else if (p === 't') bits |= 0o1000
        }
      }
      let eff = bits & mask
      if (who === '') eff &= ~UMASK | 0o7000
      if (op === '+') mode |= eff
      else if (op === '-') mode &= ~eff
      else {
        const clear = who === '' ? 0o7777 & ~(UMASK & 0o777) : mask
        mode = (mode & ~(clear & (isDir ? ~0o6000 : 0o7777))) | eff
      }
    }
  }
  return mode
}

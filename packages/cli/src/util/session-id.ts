/** A fresh session id for `nimbus session new`: `cli-` and 12 unambiguous characters (60 bits). */
import { randomBytes } from 'node:crypto'

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

export function newCliSessionId(): string {
  let id = 'cli-'
  for (const b of randomBytes(12)) id += ALPHABET[b % ALPHABET.length]
  return id
}

/**
 * Session ids: what the router accepts in `/s/<id>/`, and fresh ids for `/new` —
 * readable, with enough randomness that an id cannot be guessed.
 */

export const SESSION_ID_RE = /^[A-Za-z0-9._-]{1,128}$/

export const isValidSessionId = (id: string): boolean => SESSION_ID_RE.test(id) && id !== '.' && id !== '..'

const ADJECTIVES = ['amber', 'brave', 'calm', 'clever', 'bright', 'eager', 'gentle', 'happy', 'jolly', 'keen', 'lucky', 'merry', 'nimble', 'proud', 'quick', 'quiet', 'rapid', 'shiny', 'sunny', 'swift', 'tidy', 'vivid', 'witty', 'zesty']
const ANIMALS = ['otter', 'badger', 'falcon', 'heron', 'lynx', 'marten', 'panda', 'puffin', 'raven', 'seal', 'tiger', 'walrus', 'wombat', 'yak', 'zebra', 'koala', 'gecko', 'ibis', 'lemur', 'orca', 'quokka', 'robin', 'stoat', 'vole']
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

/** e.g. `swift-otter-k3m9x2qa`: 8 random characters (40 bits) after two words. */
export function newSessionId(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const bytes = random(10)
  const pick = <T>(list: readonly T[], b: number): T => list[b % list.length] as T
  let suffix = ''
  for (let i = 2; i < 10; i++) suffix += ALPHABET[(bytes[i] as number) % ALPHABET.length]
  return `${pick(ADJECTIVES, bytes[0] as number)}-${pick(ANIMALS, bytes[1] as number)}-${suffix}`
}

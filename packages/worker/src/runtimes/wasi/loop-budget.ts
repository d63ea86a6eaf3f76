/**
 * A loop budget for WebAssembly programs (compiled C/C++ and ruby.wasm). A program
 * spinning in a loop never yields, and
 * inside workerd the clock stands still while it runs, so nothing outside can stop it in
 * time. This rewrites a module so that every `loop` first takes one unit from an exported
 * i64 global and traps (`unreachable`) when it is spent; the runner sets the budget from the
 * time limit and reads it back to tell a spent budget from the program's own trap.
 *
 * Only what clang emits for wasm32-wasip1 is understood (MVP, sign-extension, saturating
 * conversions, bulk memory, reference types, tail calls); a module using anything else
 * (SIMD, threads, exception handling, GC) comes back unchanged, with `instrumented: false`.
 */

/** The exported global holding the remaining loop iterations. */
export const BUDGET_EXPORT = 'nimbus_loop_budget'

/**
 * Loop iterations a compiled program may run per millisecond of its time limit: about what
 * a tight loop manages, so an endless one stops near its limit and a heavier one later.
 */
export const LOOPS_PER_MS = 500_000
/** The same for ruby.wasm, whose interpreter loop runs about 60,000 times a millisecond. */
export const RUBY_LOOPS_PER_MS = 60_000

import { concatBytes } from '../../commands/lib/bytes.js'

class Unsupported extends Error {}

class Reader {
  pos: number
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
  ) {
    this.pos = start
  }
  byte(): number {
    if (this.pos >= this.bytes.length) throw new Unsupported('unexpected end of module')
    return this.bytes[this.pos++] as number
  }
  u32(): number {
    let result = 0
    let shift = 0
    for (;;) {
      const b = this.byte()
      result += (b & 0x7f) * 2 ** shift
      shift += 7
      if ((b & 0x80) === 0) return result
      if (shift > 35) throw new Unsupported('bad LEB128')
    }
  }
  /** Skips a signed LEB128 of any width. */
  skipLeb(): void {
    while (this.byte() & 0x80) {
      // continuation bytes
    }
  }
  skip(n: number): void {
    this.pos += n
    if (this.pos > this.bytes.length) throw new Unsupported('unexpected end of module')
  }
}

const uleb = (n: number): number[] => {
  const out: number[] = []
  do {
    let b = n % 128
    n = Math.floor(n / 128)
    if (n > 0) b |= 0x80
    out.push(b)
  } while (n > 0)
  return out
}


/**
 * The instructions put at the head of every loop: take one unit, trap once none is left.
 * `< 1` rather than `== 0`, so code that catches the trap and loops on (Ruby's crash
 * reporter) traps again instead of running on a negative budget.
 */
const check = (global: number): number[] => [
  0x23, ...uleb(global), // global.get
  0x42, 0x01, // i64.const 1
  0x7d, // i64.sub
  0x24, ...uleb(global), // global.set
  0x23, ...uleb(global), // global.get
  0x42, 0x01, // i64.const 1
  0x53, // i64.lt_s
  0x04, 0x40, // if (no result)
  0x00, // unreachable
  0x0b, // end
]

function skipBlockType(r: Reader): void {
  const b = r.bytes[r.pos] as number
  if (b === 0x40 || b === 0x7f || b === 0x7e || b === 0x7d || b === 0x7c || b === 0x70 || b === 0x6f) r.pos++
  else r.skipLeb() // a type index (s33)
}

function skipMemarg(r: Reader): void {
  const align = r.u32()
  if (align & 0x40) r.u32() // memory index (multi-memory)
  r.u32()
}

/** Copies one function body with the check inserted after every `loop`'s block type. */
function instrumentBody(body: Uint8Array, global: number): Uint8Array {
  const r = new Reader(body)
  for (let groups = r.u32(); groups > 0; groups--) {
    r.u32()
    r.byte()
  }
  const out: Uint8Array[] = []
  let copied = 0
  const guard = Uint8Array.from(check(global))
  while (r.pos < body.length) {
    const op = r.byte()
    switch (op) {
      case 0x02: // block
      case 0x04: // if
        skipBlockType(r)
        break
      case 0x03: // loop
        skipBlockType(r)
        out.push(body.subarray(copied, r.pos), guard)
        copied = r.pos
        break
      case 0x0c: // br
      case 0x0d: // br_if
      case 0x10: // call
      case 0x12: // return_call
      case 0x20: // local.get
      case 0x21: // local.set
      case 0x22: // local.tee
      case 0x23: // global.get
      case 0x24: // global.set
      case 0x25: // table.get
      case 0x26: // table.set
      case 0xd2: // ref.func
        r.u32()
        break
      case 0x0e: // br_table
        for (let n = r.u32(); n >= 0; n--) r.u32()
        break
      case 0x11: // call_indirect
      case 0x13: // return_call_indirect
        r.u32()
        r.u32()
        break
      case 0x1c: // select with types
        for (let n = r.u32(); n > 0; n--) r.byte()
        break
      case 0x3f: // memory.size
      case 0x40: // memory.grow
        r.u32()
        break
      case 0x41: // i32.const
      case 0x42: // i64.const
        r.skipLeb()
        break
      case 0x43: // f32.const
        r.skip(4)
        break
      case 0x44: // f64.const
        r.skip(8)
        break
      case 0xd0: // ref.null
        r.byte()
        break
      case 0xfc: {
        const sub = r.u32()
        if (sub <= 7) break // saturating truncations
        if (sub === 8) {
          r.u32()
          r.u32()
        } else if (sub === 9 || sub === 11 || sub === 13 || sub === 15 || sub === 16 || sub === 17) r.u32()
        else if (sub === 10 || sub === 12 || sub === 14) {
          r.u32()
          r.u32()
        } else throw new Unsupported(`0xfc ${sub}`)
        break
      }
      default:
        if (op >= 0x28 && op <= 0x3e) skipMemarg(r)
        else if (op === 0x00 || op === 0x01 || op === 0x05 || op === 0x0b || op === 0x0f || op === 0x1a || op === 0x1b || op === 0xd1) {
          // no immediates
        } else if (op >= 0x45 && op <= 0xc4) {
          // numeric instructions have no immediates
        } else throw new Unsupported(`opcode 0x${op.toString(16)}`)
    }
  }
  if (out.length === 0) return body
  out.push(body.subarray(copied))
  return concatBytes(out)
}

/** Counts imported globals (defined globals are numbered after them). */
function importedGlobals(section: Uint8Array): number {
  const r = new Reader(section)
  let globals = 0
  for (let n = r.u32(); n > 0; n--) {
    r.skip(r.u32())
    r.skip(r.u32())
    const kind = r.byte()
    if (kind === 0x00) r.u32()
    else if (kind === 0x01) {
      r.byte()
      const flags = r.u32()
      r.u32()
      if (flags & 1) r.u32()
    } else if (kind === 0x02) {
      const flags = r.u32()
      r.u32()
      if (flags & 1) r.u32()
    } else if (kind === 0x03) {
      r.byte()
      r.byte()
      globals++
    } else throw new Unsupported(`import kind ${kind}`)
  }
  return globals
}

const section = (id: number, payload: Uint8Array): Uint8Array => concatBytes([Uint8Array.of(id, ...uleb(payload.length)), payload])

/** Appends an entry to a vector section (count + items), creating the section when absent. */
function appendToVector(payload: Uint8Array | undefined, item: number[]): { payload: Uint8Array; index: number } {
  if (!payload) return { payload: Uint8Array.from([1, ...item]), index: 0 }
  const r = new Reader(payload)
  const count = r.u32()
  return { payload: concatBytes([Uint8Array.from(uleb(count + 1)), payload.subarray(r.pos), Uint8Array.from(item)]), index: count }
}

/** `binary` with a loop budget, or unchanged (`instrumented: false`) when it cannot be done safely. */
export function addLoopBudget(binary: Uint8Array): { binary: Uint8Array; instrumented: boolean } {
  try {
    return { binary: rewrite(binary), instrumented: true }
  } catch (e) {
    if (e instanceof Unsupported) return { binary, instrumented: false }
    throw e
  }
}

function rewrite(binary: Uint8Array): Uint8Array {
  const r = new Reader(binary, 8)
  const sections: Array<{ id: number; payload: Uint8Array }> = []
  while (r.pos < binary.length) {
    const id = r.byte()
    const size = r.u32()
    const payload = binary.subarray(r.pos, r.pos + size)
    r.skip(size)
    // Debug info and names point into the code this changes; they are dropped.
    if (id === 0) {
      const nr = new Reader(payload)
      const length = nr.u32()
      const name = new TextDecoder().decode(payload.subarray(nr.pos, nr.pos + length))
      if (name.startsWith('.debug') || name === 'name' || name === 'sourceMappingURL') continue
    }
    sections.push({ id, payload })
  }
  const find = (id: number) => sections.find((s) => s.id === id)
  const code = find(10)
  if (!code) throw new Unsupported('no code section')
  const imported = importedGlobals(find(2)?.payload ?? Uint8Array.of(0))
  // A mutable i64 global, starting at the largest budget; the runner lowers it.
  const globals = appendToVector(find(6)?.payload, [0x7e, 0x01, 0x42, ...[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00], 0x0b])
  const globalIndex = imported + globals.index
  const name = new TextEncoder().encode(BUDGET_EXPORT)
  const exports = appendToVector(find(7)?.payload, [...uleb(name.length), ...name, 0x03, ...uleb(globalIndex)])
  const cr = new Reader(code.payload)
  const bodies: Uint8Array[] = []
  for (let n = cr.u32(); n > 0; n--) {
    const size = cr.u32()
    const body = instrumentBody(code.payload.subarray(cr.pos, cr.pos + size), globalIndex)
    cr.skip(size)
    bodies.push(Uint8Array.from(uleb(body.length)), body)
  }
  const codePayload = concatBytes([Uint8Array.from(uleb(bodies.length / 2)), ...bodies])
  const replaced = new Map<number, Uint8Array>([
    [6, globals.payload],
    [7, exports.payload],
    [10, codePayload],
  ])
  // Sections keep their order; a missing global or export section goes where it belongs.
  const order = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11]
  const present = new Set(sections.map((s) => s.id))
  const parts: Uint8Array[] = [binary.subarray(0, 8)]
  const emitted = new Set<number>()
  for (const s of sections) {
    if (s.id !== 0) {
      // Insert an absent global/export section before the first section that follows it.
      for (const missing of [6, 7]) {
        if (!present.has(missing) && !emitted.has(missing) && order.indexOf(s.id) > order.indexOf(missing)) {
          parts.push(section(missing, replaced.get(missing) as Uint8Array))
          emitted.add(missing)
        }
      }
    }
    parts.push(section(s.id, replaced.get(s.id) ?? s.payload))
    emitted.add(s.id)
  }
  return concatBytes(parts)
}

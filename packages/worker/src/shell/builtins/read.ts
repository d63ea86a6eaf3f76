/**
 * `read [-r] [-a arr] [-d delim] [-n n] [-p prompt] [-s] [-t secs] [name…]`: one line from
 * stdin, split by IFS into the names (the last takes the rest). Status 1 at end of input.
 */
import { defineBuiltin, fail, isName, state } from './types.js'

export default defineBuiltin({
  name: 'read',
  usage: 'read [-ers] [-a array] [-d delim] [-n nchars] [-p prompt] [-t timeout] [name ...]',
  async run(ctx) {
    const st = state(ctx)
    let raw = false
    let arrayName: string | undefined
    let delim = '\n'
    let nchars: number | undefined
    let prompt = ''
    let timeout: number | undefined
    const names: string[] = []
    const args = ctx.args
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!
      if (a.startsWith('-') && a.length > 1 && names.length === 0) {
        for (let j = 1; j < a.length; j++) {
          const c = a[j]!
          const takeValue = (): string | undefined => {
            const rest = a.slice(j + 1)
            j = a.length
            return rest !== '' ? rest : args[++i]
          }
          if (c === 'r') raw = true
          else if (c === 's' || c === 'e') continue
          else if (c === 'a') arrayName = takeValue()
          else if (c === 'd') delim = takeValue()?.[0] ?? '\0'
          else if (c === 'n' || c === 'N') nchars = Number(takeValue())
          else if (c === 'p') prompt = takeValue() ?? ''
          else if (c === 't') timeout = Number(takeValue())
          else if (c === 'u') takeValue()
          else return fail(ctx, `-${c}: invalid option`, 2)
        }
        continue
      }
      names.push(a)
    }
    for (const n of names) if (!isName(n)) return fail(ctx, `\`${n}': not a valid identifier`)
    if (prompt) await ctx.env.io.stderr.write(prompt)
    const input = ctx.env.io.stdin
    let line: string | null
    let complete = true
    const readIt = async (): Promise<void> => {
      if (nchars !== undefined) {
        line = await input.readChars(nchars)
        return
      }
      line = ''
      for (;;) {
        const r = await input.readLine(delim.charCodeAt(0))
        if (r === null) {
          complete = false
          if (line === '') line = null
          return
        }
        complete = r.complete
        if (!raw && r.complete && /(^|[^\\])(\\\\)*\\$/.test(r.line)) {
          line += r.line.slice(0, -1)
          continue
        }
        line += r.line
        return
      }
    }
    line = null
    if (timeout !== undefined) {
      let timer: ReturnType<typeof setTimeout> | undefined
      const timedOut = await Promise.race([
        readIt().then(() => false),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(true), timeout * 1000))),
      ])
      if (timer !== undefined) clearTimeout(timer)
      if (timedOut) return 142
    } else await readIt()
    if (line === null) {
      for (const n of names.length ? names : ['REPLY']) st.set(n, '')
      if (arrayName) st.setArray(arrayName, [])
      return 1
    }
    let text: string = line
    const ifs = st.get('IFS') ?? ' \t\n'
    const unescape = (s: string): string => (raw ? s : s.replace(/\\(.)/g, '$1'))
    if (names.length === 0 && !arrayName) {
      st.set('REPLY', unescape(text))
      return complete ? 0 : 1
    }
    const fields = splitRead(text, ifs, arrayName ? Infinity : names.length, raw)
    if (arrayName) st.setArray(arrayName, fields.map(unescape))
    else names.forEach((n, i) => st.set(n, unescape(fields[i] ?? '')))
    text = ''
    return complete ? 0 : 1
  },
})

/** Splits into at most `max` fields; the last keeps the remainder (minus trailing IFS blanks). */
function splitRead(text: string, ifs: string, max: number, raw: boolean): string[] {
  const ws = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').join('')
  const isSep = (c: string): boolean => ifs.includes(c)
  const fields: string[] = []
  let i = 0
  while (i < text.length && ws.includes(text[i]!)) i++
  while (i < text.length) {
    if (fields.length === max - 1) {
      let rest = text.slice(i)
      let end = rest.length
      while (end > 0 && ws.includes(rest[end - 1]!) && !(end > 1 && rest[end - 2] === '\\' && !raw)) end--
      rest = rest.slice(0, end)
      // A single trailing non-blank separator is dropped as well.
      fields.push(rest)
      return fields
    }
    let f = ''
    while (i < text.length && !isSep(text[i]!)) {
      if (!raw && text[i] === '\\' && i + 1 < text.length) {
        f += text[i]! + text[i + 1]!
        i += 2
        continue
      }
      f += text[i++]
    }
    fields.push(f)
    let j = i
    while (j < text.length && ws.includes(text[j]!)) j++
    if (j < text.length && isSep(text[j]!) && !ws.includes(text[j]!)) {
      j++
      while (j < text.length && ws.includes(text[j]!)) j++
    }
    i = j
  }
  return fields
}

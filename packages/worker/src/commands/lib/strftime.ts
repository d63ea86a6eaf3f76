/** strftime for awk and date: the common conversions, in UTC (the sandbox clock). */
import { DAYS, MONTHS } from './format.js'

const FULL_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export const strftime = (fmt: string, ms: number): string => {
  const d = new Date(ms)
  const p2 = (n: number) => String(n).padStart(2, '0')
  const yday = Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 864e5) + 1
  return fmt.replace(/%([-_0^#]?)([a-zA-Z%+])/g, (m, flag: string, c: string) => {
    let v: string
    switch (c) {
      case 'a':
        v = DAYS[d.getUTCDay()] as string
        break
      case 'A':
        v = FULL_DAYS[d.getUTCDay()] as string
        break
      case 'b':
      case 'h':
        v = MONTHS[d.getUTCMonth()] as string
        break
      case 'B':
        v = FULL_MONTHS[d.getUTCMonth()] as string
        break
      case 'c':
        v = `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`
        break
      case 'C':
        v = p2(Math.floor(d.getUTCFullYear() / 100))
        break
      case 'd':
        v = p2(d.getUTCDate())
        break
      case 'D':
        v = `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`
        break
      case 'e':
        v = String(d.getUTCDate()).padStart(2)
        break
      case 'F':
        v = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`
        break
      case 'H':
        v = p2(d.getUTCHours())
        break
      case 'I':
        v = p2(d.getUTCHours() % 12 || 12)
        break
      case 'j':
        v = String(yday).padStart(3, '0')
        break
      case 'k':
        v = String(d.getUTCHours()).padStart(2)
        break
      case 'l':
        v = String(d.getUTCHours() % 12 || 12).padStart(2)
        break
      case 'm':
        v = p2(d.getUTCMonth() + 1)
        break
      case 'M':
        v = p2(d.getUTCMinutes())
        break
      case 'n':
        v = '\n'
        break
      case 'N':
        v = String((ms % 1000) * 1e6).padStart(9, '0')
        break
      case 'p':
        v = d.getUTCHours() < 12 ? 'AM' : 'PM'
        break
      case 'P':
        v = d.getUTCHours() < 12 ? 'am' : 'pm'
        break
      case 'r':
        v = `${p2(d.getUTCHours() % 12 || 12)}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`
        break
      case 'R':
        v = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`
        break
      case 's':
        v = String(Math.floor(ms / 1000))
        break
      case 'S':
        v = p2(d.getUTCSeconds())
        break
      case 't':
        v = '\t'
        break
      case 'T':
        v = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`
        break
      case 'u':
        v = String(d.getUTCDay() || 7)
        break
      case 'w':
        v = String(d.getUTCDay())
        break
      case 'y':
        v = p2(d.getUTCFullYear() % 100)
        break
      case 'Y':
        v = String(d.getUTCFullYear())
        break
      case 'z':
        v = '+0000'
        break
      case 'Z':
        v = 'UTC'
        break
      case '%':
        v = '%'
        break
      case '+':
        v = `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
        break
      default:
        return m
    }
    if (flag === '-') v = v.replace(/^[0 ]+(?=.)/, '')
    else if (flag === '_') v = v.replace(/^0(?=.)/, ' ')
    else if (flag === '^') v = v.toUpperCase()
    return v
  })
}

/** A minimal route table: method (`*` for any) + path pattern (`:name` segments) → handler. */

export type Params = Record<string, string>

export interface Route<C> {
  method: string
  pattern: string
  handler: (ctx: C, params: Params) => Promise<Response> | Response
  match(method: string, pathname: string): Params | undefined
}

export function route<C>(method: string, pattern: string, handler: Route<C>['handler']): Route<C> {
  const keys: string[] = []
  const source = pattern
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        keys.push(seg.slice(1))
        return '([^/]+)'
      }
      if (seg === '*') {
        keys.push('rest')
        return '(.*)'
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('/')
  const re = new RegExp(`^${source}$`)
  return {
    method,
    pattern,
    handler,
    match(m, pathname) {
      if (method !== '*' && m !== method && !(method === 'GET' && m === 'HEAD')) return undefined
      const found = re.exec(pathname)
      if (!found) return undefined
      const params: Params = {}
      keys.forEach((k, i) => {
        params[k] = decodeURIComponent(found[i + 1] ?? '')
      })
      return params
    },
  }
}

/** jq syntax trees: filters (Node) and destructuring patterns, shared by the parser and the evaluator. */
export type Node =
  | { k: 'identity' }
  | { k: 'recurse' }
  | { k: 'literal'; v: unknown }
  | { k: 'str'; parts: Array<string | Node>; fmt?: string }
  | { k: 'format'; name: string }
  | { k: 'field'; target: Node; name: Node; opt: boolean }
  | { k: 'index'; target: Node; index: Node; opt: boolean }
  | { k: 'slice'; target: Node; from?: Node; to?: Node; opt: boolean }
  | { k: 'iterate'; target: Node; opt: boolean }
  | { k: 'try'; body: Node; handler?: Node }
  | { k: 'pipe'; left: Node; right: Node }
  | { k: 'comma'; left: Node; right: Node }
  | { k: 'binop'; op: string; left: Node; right: Node }
  | { k: 'and' | 'or' | 'alt'; left: Node; right: Node }
  | { k: 'neg'; expr: Node }
  | { k: 'assign'; op: string; left: Node; right: Node }
  | { k: 'array'; body?: Node }
  | { k: 'object'; entries: Array<{ key: Node; value?: Node }> }
  | { k: 'var'; name: string }
  | { k: 'as'; source: Node; patterns: Pattern[]; body: Node }
  | { k: 'reduce'; source: Node; pattern: Pattern; init: Node; update: Node }
  | { k: 'foreach'; source: Node; pattern: Pattern; init: Node; update: Node; extract?: Node }
  | { k: 'if'; cond: Node; then: Node; elifs: Array<{ cond: Node; then: Node }>; else?: Node }
  | { k: 'def'; name: string; params: string[]; body: Node; rest: Node }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'label'; name: string; body: Node }
  | { k: 'break'; name: string }

export type Pattern = { p: 'var'; name: string } | { p: 'array'; items: Pattern[] } | { p: 'object'; entries: Array<{ key: Node | string; keyVar?: string; value?: Pattern }> }

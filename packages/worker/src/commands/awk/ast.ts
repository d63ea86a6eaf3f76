/** awk syntax tree. */

export type Expr =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'regex'; src: string }
  | { t: 'var'; name: string }
  | { t: 'field'; index: Expr }
  | { t: 'index'; name: string; subs: Expr[] }
  | { t: 'assign'; op: string; target: Expr; value: Expr }
  | { t: 'cond'; test: Expr; yes: Expr; no: Expr }
  | { t: 'and' | 'or'; left: Expr; right: Expr }
  | { t: 'in'; subs: Expr[]; name: string }
  | { t: 'match'; neg: boolean; left: Expr; re: Expr }
  | { t: 'binary'; op: string; left: Expr; right: Expr }
  | { t: 'concat'; left: Expr; right: Expr }
  | { t: 'unary'; op: string; expr: Expr }
  | { t: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { t: 'call'; name: string; args: Expr[] }
  | { t: 'builtin'; name: string; args: Expr[] }
  | { t: 'getline'; kind: 'plain' | 'file' | 'cmd'; target?: Expr; src?: Expr }
  | { t: 'group'; expr: Expr }
  /** An already computed value (used when async sub-expressions are resolved first). */
  | { t: 'value'; cell: unknown }

export type Stmt =
  | { t: 'expr'; expr: Expr }
  | { t: 'print' | 'printf'; args: Expr[]; redirect?: { op: '>' | '>>' | '|'; dest: Expr } }
  | { t: 'if'; test: Expr; yes: Stmt; no?: Stmt }
  | { t: 'while'; test: Expr; body: Stmt }
  | { t: 'do'; body: Stmt; test: Expr }
  | { t: 'for'; init?: Stmt; test?: Expr; step?: Stmt; body: Stmt }
  | { t: 'forin'; key: string; arr: string; body: Stmt }
  | { t: 'block'; body: Stmt[] }
  | { t: 'next' | 'nextfile' | 'break' | 'continue' }
  | { t: 'exit' | 'return'; value?: Expr }
  | { t: 'delete'; name: string; subs?: Expr[] }
  | { t: 'getline'; expr: Expr }

export interface Rule {
  kind: 'begin' | 'end' | 'main'
  pattern?: Expr
  /** Second pattern of a range `p1, p2`. */
  pattern2?: Expr
  action?: Stmt[]
  inRange?: boolean
}

export interface FuncDef {
  name: string
  params: string[]
  body: Stmt[]
}

export interface Program {
  rules: Rule[]
  funcs: Map<string, FuncDef>
}

/**
 * The shell's syntax tree: the one contract between the parser and the interpreter.
 * Words keep their quoting structure so expansion can decide what splits and globs.
 */

/** A piece of a word, in source order. */
export type WordPart =
  /** Unquoted literal text (subject to brace expansion and globbing). */
  | { type: 'lit'; value: string }
  /** Text that came from quotes or a backslash escape: taken literally. */
  | { type: 'quoted'; value: string }
  /** `"…"`: its parts expand but never split or glob. */
  | { type: 'dq'; parts: WordPart[] }
  | ParamPart
  /** `$(…)` or backticks. */
  | { type: 'cmdsub'; script: Script }
  /** `$(( … ))`: the raw text, expanded then evaluated at run time. */
  | { type: 'arith'; expr: string }
  /** `~` or `~user` at the start of a word or after `=`/`:` in assignments. */
  | { type: 'tilde'; user: string }

export type ParamOp =
  | { kind: 'default'; colon: boolean; word: Word } // ${v:-w} ${v-w}
  | { kind: 'assign'; colon: boolean; word: Word } // ${v:=w}
  | { kind: 'alt'; colon: boolean; word: Word } // ${v:+w}
  | { kind: 'error'; colon: boolean; word: Word } // ${v:?w}
  | { kind: 'length' } // ${#v}
  | { kind: 'trimPrefix'; longest: boolean; word: Word } // ${v#p} ${v##p}
  | { kind: 'trimSuffix'; longest: boolean; word: Word } // ${v%p} ${v%%p}
  | { kind: 'replace'; all: boolean; anchor: '' | '#' | '%'; pattern: Word; replacement: Word }
  | { kind: 'substring'; offset: string; length?: string } // ${v:o:l}, arithmetic texts
  | { kind: 'case'; upper: boolean; all: boolean } // ${v^} ${v^^} ${v,} ${v,,}
  | { kind: 'indirect' } // ${!v}
  | { kind: 'keys' } // ${!a[@]}
  | { kind: 'prefixNames'; star: boolean } // ${!pre*} ${!pre@}

export interface ParamPart {
  type: 'param'
  name: string
  /** Array subscript text (`@`, `*` or an arithmetic/string index). */
  index?: string
  op?: ParamOp
}

export interface Word {
  parts: WordPart[]
}

export type RedirectOp = '>' | '>>' | '<' | '>|' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<'

export interface Redirect {
  op: RedirectOp
  /** Explicit fd before the operator (`2>`); undefined means the operator's default. */
  fd?: number
  target: Word
  /** Heredoc body; `quoted` delimiters keep the body literal. */
  heredoc?: { body: Word; quoted: boolean }
}

export interface Assignment {
  name: string
  /** `a[i]=v`: the index text. */
  index?: string
  append: boolean
  value?: Word
  /** `a=(x y z)` */
  array?: Word[]
}

export interface SimpleCommand {
  type: 'simple'
  assignments: Assignment[]
  words: Word[]
  /** `local a=(1 2)`: array values given to declaration builtins, by word index. */
  arrays?: Array<{ index: number; values: Word[] }>
  redirects: Redirect[]
  line: number
}

export interface Pipeline {
  type: 'pipeline'
  commands: Command[]
  negate: boolean
  /** `time pipeline` */
  timed: boolean
}

export interface AndOr {
  type: 'andor'
  first: Pipeline
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>
}

/** A list item with its terminator: `&` runs it in the background. */
export interface ListItem {
  command: AndOr
  background: boolean
  /** Source text of a background item, for `jobs`. */
  text?: string
}

export interface Script {
  type: 'script'
  items: ListItem[]
}

export interface IfClause {
  type: 'if'
  clauses: Array<{ cond: Script; body: Script }>
  elseBody?: Script
}
export interface ForClause {
  type: 'for'
  name: string
  /** undefined: iterate "$@". */
  words?: Word[]
  body: Script
}
export interface ArithForClause {
  type: 'arithfor'
  init: string
  cond: string
  step: string
  body: Script
}
export interface WhileClause {
  type: 'while'
  until: boolean
  cond: Script
  body: Script
}
export interface CaseClause {
  type: 'case'
  word: Word
  items: Array<{ patterns: Word[]; body: Script; terminator: ';;' | ';&' | ';;&' }>
}
export interface Subshell {
  type: 'subshell'
  body: Script
}
export interface Group {
  type: 'group'
  body: Script
}
export interface FunctionDef {
  type: 'function'
  name: string
  body: Command
}
export interface ArithCommand {
  type: 'arithcmd'
  expr: string
  line: number
}

export type CondExpr =
  | { type: 'unary'; op: string; arg: Word }
  | { type: 'binary'; op: string; left: Word; right: Word }
  | { type: 'word'; word: Word }
  | { type: 'not'; expr: CondExpr }
  | { type: 'and'; left: CondExpr; right: CondExpr }
  | { type: 'or'; left: CondExpr; right: CondExpr }

export interface CondCommand {
  type: 'cond'
  expr: CondExpr
  line: number
}

/** A compound command with its trailing redirections (`while …; done < file`). */
export interface Compound {
  type: 'compound'
  body: IfClause | ForClause | ArithForClause | WhileClause | CaseClause | Subshell | Group | ArithCommand | CondCommand
  redirects: Redirect[]
}

export type Command = SimpleCommand | Compound | FunctionDef

export const word = (...parts: WordPart[]): Word => ({ parts })
export const litWord = (value: string): Word => ({ parts: [{ type: 'lit', value }] })

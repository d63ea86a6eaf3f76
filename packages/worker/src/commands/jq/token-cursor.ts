/** Walking jq tokens: lookahead, expectations and jq's syntax error message. */
import { JqSyntaxError, type Tok } from './lexer.js'

export class JqTokenCursor {
  pos = 0
  constructor(
    readonly toks: Tok[],
    readonly src: string,
  ) {}
  get tok(): Tok {
    return this.toks[this.pos] as Tok
  }
  isOp(v: string): boolean {
    const t = this.tok
    return t.t === 'op' && t.v === v
  }
  isIdent(v: string): boolean {
    const t = this.tok
    return t.t === 'ident' && t.v === v
  }
  fail(): never {
    const t = this.tok
    const what = t.t === 'eof' ? '$end' : t.t === 'op' ? `'${t.v}'` : t.t === 'ident' ? `IDENT ${t.v}` : t.t
    throw new JqSyntaxError(`syntax error, unexpected ${what} (Unix shell quoting issues?) at <top-level>, line 1:\n${this.src}`)
  }
  eatOp(v: string) {
    if (!this.isOp(v)) this.fail()
    this.pos++
  }
  eatIdent(v: string) {
    if (!this.isIdent(v)) this.fail()
    this.pos++
  }
}

/** Walking awk tokens: lookahead, expectations and the one syntax error message. */
import { AwkSyntaxError, type Token } from './lexer.js'

export class TokenCursor {
  pos = 0
  constructor(readonly toks: Token[]) {}

  get tok(): Token {
    return this.toks[this.pos] as Token
  }
  is(value: string, kind?: string): boolean {
    const t = this.tok
    return t.value === value && (kind === undefined ? t.kind === 'op' || t.kind === 'kw' : t.kind === kind)
  }
  next(): Token {
    return this.toks[this.pos++] as Token
  }
  expect(value: string): Token {
    if (!this.is(value)) this.fail()
    return this.next()
  }
  fail(): never {
    const t = this.tok
    throw new AwkSyntaxError(`syntax error at source line ${t.line}: unexpected ${t.kind === 'eof' ? 'end of input' : t.kind === 'nl' ? 'newline' : `'${t.value}'`}`)
  }
  skipNl() {
    while (this.tok.kind === 'nl') this.pos++
  }
  skipTerms() {
    while (this.tok.kind === 'nl' || this.is(';')) this.pos++
  }
}

import { describe, expect, it } from 'vitest'
import { ShellSyntaxError } from './errors.js'
import { parse } from './parser.js'

describe('parser', () => {
  it('builds and-or lists of pipelines', () => {
    const s = parse('a | b && ! c || d &')
    const item = s.items[0]!
    expect(item.background).toBe(true)
    expect(item.command.first.commands).toHaveLength(2)
    expect(item.command.rest.map((r) => [r.op, r.pipeline.negate])).toEqual([['&&', true], ['||', false]])
  })

  it('parses compound commands with redirections', () => {
    const s = parse('while read l; do echo $l; done < f')
    const cmd = s.items[0]!.command.first.commands[0]!
    expect(cmd.type).toBe('compound')
    if (cmd.type === 'compound') {
      expect(cmd.body.type).toBe('while')
      expect(cmd.redirects[0]?.op).toBe('<')
    }
  })

  it('parses functions, case, for and arithmetic for', () => {
    const s = parse('f() { :; }\ncase x in a|b) echo;; *) :;; esac\nfor i in 1 2; do :; done\nfor ((i=0;i<3;i++)); do :; done')
    const kinds = s.items.map((i) => {
      const c = i.command.first.commands[0]!
      return c.type === 'compound' ? c.body.type : c.type
    })
    expect(kinds).toEqual(['function', 'case', 'for', 'arithfor'])
  })

  it('reads heredoc bodies after the line', () => {
    const s = parse('cat <<EOF\nhello $x\nEOF\necho done')
    const cmd = s.items[0]!.command.first.commands[0]!
    expect(cmd.type === 'simple' && cmd.redirects[0]?.heredoc?.body.parts.length).toBeGreaterThan(0)
    expect(s.items).toHaveLength(2)
  })

  it('parses [[ ]] with =~ and && inside', () => {
    const s = parse('[[ $x =~ ^(a|b)$ && -n $y ]]')
    const cmd = s.items[0]!.command.first.commands[0]!
    expect(cmd.type === 'compound' && cmd.body.type === 'cond' && cmd.body.expr.type).toBe('and')
  })

  it('reports bash-style syntax errors', () => {
    expect(() => parse('echo a; fi')).toThrow("syntax error near unexpected token `fi'")
    expect(() => parse('if true; then')).toThrow('syntax error: unexpected end of file')
    try {
      parse('if true; then')
    } catch (e) {
      expect(e).toBeInstanceOf(ShellSyntaxError)
      expect((e as ShellSyntaxError).incomplete).toBe(true)
    }
  })

  it('expands aliases at command position only', () => {
    const aliases = new Map([['ll', 'ls -l']])
    const s = parse('ll ll', { aliases })
    const cmd = s.items[0]!.command.first.commands[0]!
    expect(cmd.type === 'simple' && cmd.words.map((w) => (w.parts[0]?.type === 'lit' ? w.parts[0].value : ''))).toEqual(['ls', '-l', 'll'])
  })
})

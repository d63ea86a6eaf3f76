/**
 * Cases where the sandbox shell knowingly differs from bash, each with the reason. They run
 * as expected failures: if one starts matching bash, its test fails until it is removed here,
 * so this list can only shrink honestly. docs/shell.md reports the pass rate.
 */
export const knownDifferences: Record<string, string> = {
  'builtins/eval syntax error': 'bash names the eval line (`bash: eval: line 2: …`); we print `bash: syntax error: …`',
  'errors/error in command substitution continues':
    "bash -c prefixes `line 1:` to errors; we print `bash: foo: command not found` (the interactive form), and here the message is captured into stdout where the corpus normalisation does not reach",
  'functions/deep recursion limited by FUNCNEST': 'bash attributes the FUNCNEST error to `environment: line 1:`; we print `bash: f: …`',
  'pipes/stderr pipe with |&': 'the `line 1:` prefix, captured into stdout through `|&`',
  'redirection/stderr to stdout': 'the `line 1:` prefix, captured into stdout through `2>&1 | tr`',
}

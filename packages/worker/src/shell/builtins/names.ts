/** Registered commands that real bash implements as builtins (for `type` and `builtin`). */
export const BASH_BUILTIN_COMMANDS: ReadonlySet<string> = new Set([
  'echo', 'printf', 'pwd', 'test', '[', 'true', 'false', 'kill', 'help', 'times', 'umask', 'hash', 'ulimit',
  'dirs', 'pushd', 'popd', 'suspend', 'logout', 'enable', 'caller', 'compgen', 'complete', 'disown',
])

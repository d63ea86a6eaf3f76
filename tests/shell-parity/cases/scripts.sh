## run script with bash
printf 'echo "script $1"\n' > s.sh; bash s.sh arg
## run script with sh
printf 'echo from sh\n' > s.sh; sh s.sh
## dot slash needs exec bit
printf '#!/bin/bash\necho hi\n' > s.sh; ./s.sh; echo $?
## dot slash with exec bit
printf '#!/bin/bash\necho "run $0 $#"\n' > s.sh; chmod +x s.sh; ./s.sh a b
## script without shebang
printf 'echo no shebang\n' > s; chmod +x s; ./s
## env shebang
printf '#!/usr/bin/env bash\necho env bash\n' > s; chmod 755 s; ./s
## script on PATH
mkdir bin; printf '#!/bin/sh\necho on path\n' > bin/tool; chmod +x bin/tool; PATH="$PWD/bin:$PATH"; tool
## script exit status
printf 'exit 42\n' > s.sh; bash s.sh; echo $?
## script variables isolated
printf 'x=inner\n' > s.sh; x=outer; bash s.sh; echo $x
## script sees exported
printf 'echo "[$E][$N]"\n' > s.sh; export E=e; N=n; bash s.sh
## script functions not inherited
f() { echo f; }; printf 'f\n' > s.sh; bash s.sh 2>/dev/null; echo $?
## missing script
./nosuch.sh; echo $?
## directory as command
mkdir dd; ./dd; echo $?
## bash -c with args
bash -c 'echo "$0 $1 $2"' name one two
## bash -c exit status
bash -c 'exit 9'; echo $?
## nested bash
bash -c 'bash -c "echo nested"'
## script reads stdin
printf 'read l; echo "got $l"\n' > s.sh; echo input | bash s.sh
## script from stdin
echo 'echo piped script' | bash
## sourced script changes cwd
mkdir sub; echo 'cd sub' > c.sh; . ./c.sh; basename $PWD
## script cwd does not leak
mkdir sub; echo 'cd sub' > c.sh; bash c.sh; basename $PWD
## script with functions
printf 'f() { echo "f $1"; }\nf a\nf b\n' > s.sh; bash s.sh
## bash -e flag
bash -e -c 'false; echo no'; echo $?
## script dollar hash
printf 'echo $#\n' > s.sh; bash s.sh a b c
## shebang with args to script
printf '#!/bin/bash\nfor a in "$@"; do echo "<$a>"; done\n' > s; chmod +x s; ./s "x y" z
## script set -e
printf 'set -e\necho one\nfalse\necho two\n' > s.sh; bash s.sh; echo $?
## script trap
printf 'trap "echo trapped" EXIT\necho body\n' > s.sh; bash s.sh
## chmod minus x
printf 'echo x\n' > s; chmod +x s; chmod -x s; ./s; echo $?

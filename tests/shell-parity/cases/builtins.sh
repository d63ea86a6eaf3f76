## cd and pwd
mkdir -p a/b; cd a/b; pwd
## cd dash
cd /; cd /home; cd - ; pwd
## cd missing
cd nosuch; echo $?
## cd to file
touch f; cd f; echo $?
## cd home
cd /; cd; pwd
## cd dotdot
mkdir -p x/y; cd x/y; cd ../..; pwd
## export listing has var
export MYVAR=1; export -p | grep MYVAR
## export invalid name
export 1abc=2; echo $?
## unset variable
x=1; unset x; echo "[${x-unset}]"
## unset readonly
readonly r=1; unset r; echo $?
## set positional
set -- p q; echo $2
## set -o listing has pipefail
set -o | grep pipefail
## source file
echo 'sourced=yes; echo in source' > lib.sh; source lib.sh; echo $sourced
## dot file with args
echo 'echo "args: $@"' > lib.sh; . ./lib.sh x y
## source return
printf 'echo a\nreturn 4\necho b\n' > r.sh; . ./r.sh; echo $?
## source missing
source nosuch.sh; echo $?
## alias expansion
shopt -s expand_aliases
alias hi='echo hello from alias'
hi there
## alias listing
alias ll='ls -l'; alias
## unalias
shopt -s expand_aliases
alias x='echo x'; unalias x; x
## unalias missing
unalias nosuch; echo $?
## read basic
#< alpha beta gamma
read a b; echo "$b|$a"
## read remainder
#< one two three four
read a b; echo "$b"
## read -r backslash
#< a\b
read -r x; echo "$x"
## read without -r
#< a\b
read x; echo "$x"
## read eof status
read x < /dev/null; echo $?
## read REPLY
#< reply text
read; echo $REPLY
## read -p prompt to stderr
#< val
read -p 'Enter: ' v 2>/dev/null; echo $v
## read -n
#< abcdef
read -n 3 x; echo $x
## read -d
read -d , x <<< "a,b"; echo $x
## read IFS
IFS=: read a b <<< "k:v"; echo $a $b
## eval
eval 'x=5; echo $x'
## eval builds command
cmd="echo"; arg="evaluated"; eval "$cmd $arg"
## eval syntax error
eval 'if'; echo $?
## exit in subshell
(exit 7); echo $?
## exit numeric error
exit abc
## trap exit
trap 'echo bye' EXIT; echo main
## trap exit with exit code
trap 'echo cleanup' EXIT; exit 3
## trap listing
trap 'echo x' EXIT; trap
## trap reset
trap 'echo x' EXIT; trap - EXIT; echo done
## getopts
set -- -a -b val file; while getopts "ab:" opt; do echo "$opt ${OPTARG:-}"; done; shift $((OPTIND-1)); echo "rest $@"
## getopts combined
set -- -xy; while getopts xy o; do echo $o; done
## getopts invalid
set -- -z; getopts a o; echo "$o $?"
## getopts silent
set -- -z; getopts :a o; echo "$o $OPTARG"
## getopts missing arg
set -- -a; getopts :a: o; echo "$o $OPTARG"
## declare integer
declare -i x; x=3+4; echo $x
## declare readonly
declare -r c=1; c=2; echo $c
## declare print
x=hello; declare -p x
## declare export
declare -x E=1; bash -c 'echo $E'
## local outside function
local x=1; echo $?
## type builtin
type cd
## type keyword
type if
## type function
f() { :; }; type -t f
## type alias
alias z='echo z'; type z
## type not found
type nosuchcmd; echo $?
## type -t builtin
type -t echo
## command -v builtin
command -v cd
## command -v missing
command -v nosuch; echo $?
## builtin echo
builtin echo via builtin
## let multiple
let a=1 b=a+1; echo $b
## shopt print
shopt nullglob
## set -- empty
set -- a; set --; echo $#
## exec runs command
exec echo replaced; echo never
## history non interactive
history | wc -l
## kill missing job
kill %3; echo $?
## wait no jobs
wait; echo $?
## jobs after background
sleep 0.05 & jobs | wc -l; wait

## errexit stops
set -e; echo a; false; echo b
## errexit in condition ok
set -e; if false; then :; fi; echo survived
## errexit and-or ok
set -e; false || echo handled; echo after
## errexit last in and chain
set -e; true && false; echo not reached
## errexit negation ok
set -e; ! true; echo still here
## errexit in subshell
set -e; (false; echo inner); echo outer $?
## errexit in function
set -e; f() { false; echo in f; }; f; echo after
## errexit pipeline
set -e; false | true; echo passed
## errexit with pipefail
set -eo pipefail; false | true; echo never
## nounset
set -u; echo $nosuch; echo after
## nounset default ok
set -u; echo ${nosuch:-fine}
## nounset positional
set -u; echo "$@" ok
## xtrace
set -x; echo traced; x=1
## xtrace quoting
set -x; echo 'a b' c
## set +x
set -x; set +x; echo quiet
## pipefail off
false | true; echo $?
## pipefail on status
set -o pipefail; true | false | true; echo $?
## noglob via -o
set -o noglob; echo *
## set -o errexit
set -o errexit; false; echo no
## dollar dash has e
set -e; case $- in *e*) echo has-e;; esac
## allexport
set -a; AV=1; bash -c 'echo $AV'
## errexit while condition
set -e; while false; do :; done; echo ok
## errexit command substitution
set -e; x=$(false); echo unreachable

## simple pipe
echo hello | tr a-z A-Z
## three stage pipe
printf 'b\na\nc\n' | sort | head -n 2
## yes head terminates
yes | head -n 3
## yes with argument
yes ab | head -n 2
## pipe exit status is last
false | true; echo $?
## pipe status last fails
true | false; echo $?
## pipefail
set -o pipefail; false | true; echo $?
## PIPESTATUS
true | false | true; echo ${PIPESTATUS[@]}
## pipe into while loop is subshell
x=0; echo 1 | while read n; do x=$n; done; echo $x
## pipe to group
printf '1\n2\n' | { read a; read b; echo "$b $a"; }
## stderr pipe with |&
nosuch |& tr a-z A-Z
## pipe with seq
seq 1 5 | tail -n 2
## sort uniq count
printf 'a\nb\na\nc\na\n' | sort | uniq -c | sort -rn | head -n 1
## pipe into function
up() { tr a-z A-Z; }; echo shout | up
## function output into pipe
gen() { echo 1; echo 2; }; gen | wc -l
## pipe from subshell
(echo a; echo b) | cat
## negated pipe
! echo x | grep -q y; echo $?
## large stream through pipe
seq 1 20000 | tail -n 1
## cat passthrough
printf 'x\ny\n' | cat | cat
## pipe with cmdsub
echo $(echo a b | wc -w)
## builtin in pipe does not change shell
cd /; echo | cd /home; pwd
## broken pipe status
yes | head -n 1 > /dev/null; echo ${PIPESTATUS[0]}
## pipe while read with IFS
printf 'a:b\nc:d\n' | while IFS=: read x y; do echo "$y$x"; done
## multiline pipe
echo abc |
  tr a-z A-Z |
  rev
## read in pipeline last stage
echo value | read v; echo "[$v]"

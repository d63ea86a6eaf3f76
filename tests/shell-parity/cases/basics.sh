## echo simple
echo hello world
## semicolons
echo a; echo b; echo c
## and-or chain
true && echo yes || echo no
## or after failure
false || echo recovered
## and stops on failure
false && echo never; echo $?
## exit status of last
false; echo $?
## negation
! false; echo $?
## negation of true
! true; echo $?
## comments
echo a # a comment
# full line comment
echo b
## multiple lines
echo one
echo two
## line continuation
echo one \
  two
## empty command lines
;
## exit with status
exit 3
## exit status from last command
false
## command not found
nosuchcommand
## command not found status
nosuchcommand 2>/dev/null; echo "status $?"
## true false
true; echo $?; false; echo $?
## background and wait
echo bg & wait; echo done
## background exit status
(exit 3) & wait $!; echo $?
## colon builtin
: anything here; echo $?
## keywords as arguments
echo if then fi done
## assignment only
x=5
echo $x
## multiple assignments
a=1 b=2; echo $a$b
## assignment with command substitution status
x=$(false); echo $?
## prefix assignment not persistent
x=1; x=2 true; echo $x
## prefix assignment in env
FOO=bar bash -c 'echo $FOO'
## dollar dollar is a number
case $$ in *[!0-9]*) echo bad;; *) echo ok;; esac
## long pipeline of and-or
true && false || true && echo end
## semicolon after and-or
false || true; echo $?
## subshell exit
(exit 4); echo $?

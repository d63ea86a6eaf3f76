## syntax error unexpected token
echo a; fi
## syntax error then
if then; fi
## syntax error unexpected eof
if true; then echo x
## unterminated quote
echo "abc
## unterminated single quote
echo 'abc
## syntax error does not run line
echo before; )
## syntax error on later line
echo first
done
## bad substitution
echo ${x:}
## bad substitution status
x=${%}; echo $?
## command not found message
nosuch arg
## error continues script
nosuch; echo continued
## unclosed brace group
{ echo a
## unclosed subshell
( echo a
## missing do
while true; echo x; done
## case missing esac
case x in x) echo x;;
## double semicolon outside case
echo a ;; echo b
## pipe at start
| echo x
## redirect without target
echo >
## function bad body
f() echo x
## unexpected done
done
## empty pipeline after and
true &&
## stray then
then echo
## for bad variable
for 1x in a; do echo; done
## arithmetic error message
echo $(( 2 + * 3 ))
## not a directory
touch f; cd f/x; echo $?
## permission style exit code
printf 'x\n' > nx; ./nx; echo $?
## readonly error
readonly R=1; R=2; echo "still $R"
## unset nounset error exits
set -u; echo "$undefined_var"; echo unreachable
## error in command substitution continues
x=$(nosuch 2>&1); echo "[$x]"
## error then success status
nosuch 2>/dev/null || echo fallback

## define and call
greet() { echo "hi $1"; }; greet bob
## function keyword
function hello { echo hello; }; hello
## function keyword with parens
function hey() { echo hey; }; hey
## return status
f() { return 3; }; f; echo $?
## return last status
f() { false; }; f; echo $?
## positional in function
f() { echo $# "$@"; }; f a "b c"
## positional restored
set -- outer; f() { set -- inner; echo $1; }; f; echo $1
## local variables
x=global; f() { local x=local; echo $x; }; f; echo $x
## local without value
x=g; f() { local x; echo "[$x]"; x=set; }; f; echo $x
## global modification
x=1; f() { x=2; }; f; echo $x
## dynamic scoping
x=global; inner() { echo $x; }; outer() { local x=outer; inner; }; outer
## recursion
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1 - 1))) )); fi; }; fact 5
## fibonacci
fib() { local n=$1; if ((n < 2)); then echo $n; return; fi; echo $(( $(fib $((n-1))) + $(fib $((n-2))) )); }; fib 10
## function in pipeline
f() { echo piped; }; f | tr a-z A-Z
## function with redirect
f() { echo inside; } > out.txt; f; cat out.txt
## function overrides command
echo() { builtin echo "wrapped: $*"; }; echo x
## command bypasses function
ls() { echo fake; }; command ls -d .
## unset function
f() { echo f; }; unset -f f; f
## function name with dash
my-func() { echo dash; }; my-func
## nested function definition
outer() { inner() { echo inner; }; inner; }; outer; inner
## return in loop in function
f() { for i in 1 2 3; do [ $i = 2 ] && return $i; done; }; f; echo $?
## FUNCNAME
f() { echo $FUNCNAME; }; f
## function subshell body
f() ( x=changed; echo $x ); x=orig; f; echo $x
## local array
f() { local -a arr=(1 2 3); echo ${#arr[@]}; }; f
## return outside function
return 2; echo after
## deep recursion limited by FUNCNEST
FUNCNEST=20; f() { f; }; f; echo "status $?"
## function output captured
f() { echo captured; }; x=$(f); echo "[$x]"
## function sees caller locals
f() { local v=1; g; }; g() { echo "v=$v"; }; f
## declare -f lists
f() { :; }; declare -F

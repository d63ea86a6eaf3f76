## test string equal
[ abc = abc ]; echo $?
## test string not equal
[ abc != abd ]; echo $?
## test numbers
[ 3 -lt 5 ] && [ 5 -ge 5 ] && [ 2 -ne 3 ]; echo $?
## test empty
[ -z "" ] && [ -n "x" ]; echo $?
## test file exists
touch f; [ -e f ] && [ -f f ] && [ ! -d f ]; echo $?
## test directory
mkdir d; [ -d d ]; echo $?
## test missing
[ -e nosuch ]; echo $?
## test size
touch empty; echo x > full; [ -s full ] && [ ! -s empty ]; echo $?
## test and or
[ 1 = 1 -a 2 = 2 ]; echo $?; [ 1 = 2 -o 2 = 2 ]; echo $?
## test command
test 5 -gt 3; echo $?
## test negation
[ ! -e nosuch ]; echo $?
## test missing bracket
[ 1 = 1 ; echo $?
## double bracket pattern
[[ hello == h* ]]; echo $?
## double bracket quoted pattern literal
[[ hello == "h*" ]]; echo $?
## double bracket not equal pattern
[[ abc != a?c ]]; echo $?
## double bracket regex
[[ abc123 =~ ^[a-z]+([0-9]+)$ ]] && echo "${BASH_REMATCH[1]}"
## double bracket regex no match
[[ abc =~ ^[0-9]+$ ]]; echo $?
## regex from variable
re='^(a|b)+$'; [[ abba =~ $re ]] && echo match
## double bracket and or
[[ -n x && ( 1 -eq 2 || a < b ) ]]; echo $?
## double bracket no word splitting
x="a b"; [[ $x == "a b" ]]; echo $?
## double bracket string compare
[[ apple < banana ]]; echo $?
## double bracket arithmetic compare
[[ 10 -gt 9 ]]; echo $?
## double bracket file tests
touch f; [[ -f f && ! -d f ]]; echo $?
## double bracket empty var
[[ -z $nosuch ]]; echo $?
## double bracket not
[[ ! -e nosuch ]]; echo $?
## double bracket -v
x=1; [[ -v x ]]; echo $?; [[ -v nope ]]; echo $?
## test -x
echo 'echo hi' > s; chmod +x s; [ -x s ]; echo $?
## test string lexical
[ a \< b ]; echo $?
## test single arg
[ "" ]; echo $?; [ x ]; echo $?
## test integer error
[ a -eq 1 ]; echo $?
## bracket regex with quoted part
[[ 'a.c' =~ ^a"."c$ ]]; echo $?; [[ 'abc' =~ ^a"."c$ ]]; echo $?
## regex bash rematch full
[[ "key=value" =~ ([a-z]+)=([a-z]+) ]]; echo ${BASH_REMATCH[0]} ${BASH_REMATCH[2]}
## test symlink
touch t; ln -s t l; [ -L l ]; echo $?
## test nt
touch old; sleep 0.01; touch new; [[ new -nt old ]]; echo $?
## double bracket glob in variable
p='*.txt'; [[ a.txt == $p ]]; echo $?

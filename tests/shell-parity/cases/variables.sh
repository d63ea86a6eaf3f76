## positional params
set -- a b c; echo $1 $2 $3 $#
## dollar star and at
set -- "a b" c; printf '[%s]\n' "$@"; printf '[%s]\n' "$*"
## unquoted at splits
set -- "a b" c; printf '[%s]\n' $@
## empty at produces nothing
set --; printf '[%s]\n' "$@" x
## dollar zero
echo $0
## shift
set -- 1 2 3 4; shift; echo "$@"; shift 2; echo "$@"
## shift too far
set -- 1; shift 3; echo $? "$@"
## dollar question
false; echo $?; true; echo $?
## braces around name
x=ab; echo ${x}cd
## positional beyond nine
set -- 1 2 3 4 5 6 7 8 9 10 11; echo ${10} ${11}
## unset variable empty
echo "[$nosuch]"
## IFS splitting
x="a:b:c"; IFS=:; echo $x; printf '[%s]\n' $x
## IFS whitespace
x="  a   b  "; printf '[%s]\n' $x
## IFS empty fields
IFS=:; x="a::b"; printf '[%s]\n' $x
## IFS empty disables split
IFS=; x="a b"; printf '[%s]\n' $x
## dollar star with IFS
set -- a b c; IFS=-; echo "$*"
## variable in middle of word
x=mid; echo pre${x}post pre$x
## var names with digits and underscores
a_1=x; _b=y; echo $a_1$_b
## dollar hash with at
set -- x y; echo $#
## readonly assignment error
readonly r=1; r=2; echo after
## readonly value
readonly r=1; echo $r
## export to child
export V=exported; bash -c 'echo $V'
## non exported not in child
V=local; bash -c 'echo "[$V]"'
## append assignment
x=ab; x+=cd; echo $x
## integer variable
declare -i n=5; n+=3; echo $n
## random is number
r=$RANDOM; [ "$r" -ge 0 ] && echo ok
## PWD variable
cd /; echo $PWD
## OLDPWD
cd /; cd /home; echo $OLDPWD
## HOME tilde
echo ~ | grep -c /home/user

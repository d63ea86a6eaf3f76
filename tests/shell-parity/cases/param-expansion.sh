## default value
echo ${u:-default} ${u-dash}
## default when empty
e=; echo "${e:-colon}" "[${e-nocolon}]"
## assign default
echo ${v:=assigned}; echo $v
## alternate value
x=1; echo "${x:+alt}" "[${u:+alt}]"
## error when unset
echo ${u:?custom message}; echo not reached
## error default message
echo ${u:?}
## length
x=hello; echo ${#x}
## length of unicode
x=héllo; echo ${#x}
## remove shortest prefix
p=a/b/c.tar.gz; echo ${p#*/}
## remove longest prefix
p=a/b/c.tar.gz; echo ${p##*/}
## remove shortest suffix
p=a/b/c.tar.gz; echo ${p%.*}
## remove longest suffix
p=a/b/c.tar.gz; echo ${p%%.*}
## replace first
x=aaa; echo ${x/a/b}
## replace all
x=aaa; echo ${x//a/b}
## replace with pattern
x=hello.world.txt; echo ${x//[lo]/_}
## replace anchored start
x=abcabc; echo ${x/#abc/X}
## replace anchored end
x=abcabc; echo ${x/%abc/X}
## delete pattern
x=a-b-c; echo ${x//-}
## substring
x=abcdef; echo ${x:2} ${x:1:3}
## substring negative
x=abcdef; echo ${x: -2} ${x: -4:2}
## substring negative length
x=abcdef; echo ${x:1:-1}
## uppercase lowercase
x=hello; y=WORLD; echo ${x^} ${x^^} ${y,} ${y,,}
## indirect
name=target; target=found; echo ${!name}
## prefix names
aa1=1; aa2=2; echo ${!aa*}
## nested default
echo ${u:-${w:-inner}}
## quoted default with spaces
printf '[%s]\n' "${u:-a b}"
## unquoted default splits
printf '[%s]\n' ${u:-a b}
## pattern from variable
x=foo.txt; ext=.txt; echo ${x%$ext}
## quoted pattern is literal
x='a*b'; echo ${x#"a*"}
## positional length
set -- a b c; echo ${#@} ${#*}
## substring of positional
set -- a b c d; echo ${@:2} ; echo ${@:2:2}
## bad substitution
echo ${x!}
## default with command substitution
echo ${u:-$(echo cmd)}
## length of unset
echo ${#nosuch}
## assign to positional fails
echo ${1:=x}
## colon minus on set value
x=set; echo ${x:-other}
## tilde in default
echo ${u:-~} | grep -c user
## replace in each positional
set -- ab cb; echo ${@/b/X}
## case modification in array
a=(ab cd); echo ${a[@]^^}

## if true
if true; then echo yes; fi
## if else
if false; then echo yes; else echo no; fi
## elif
x=2; if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo other; fi
## if multiline
if true
then
  echo multi
fi
## if status no branch
if false; then echo x; fi; echo $?
## if condition list
if false; true; then echo last counts; fi
## for list
for i in a b c; do echo $i; done
## for over glob
touch f1 f2; for f in f*; do echo $f; done
## for default args
set -- x y; for a; do echo $a; done
## for with brace expansion
for i in {1..3}; do echo -n $i; done; echo
## c style for
for ((i=0; i<3; i++)); do echo $i; done
## c style for empty parts
for ((i=0; ; i++)); do [ $i -ge 2 ] && break; echo $i; done
## while
i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done
## until
i=0; until [ $i -ge 3 ]; do echo $i; i=$((i+1)); done
## break
for i in 1 2 3 4; do [ $i = 3 ] && break; echo $i; done
## continue
for i in 1 2 3 4; do [ $i = 2 ] && continue; echo $i; done
## break nested
for i in 1 2; do for j in a b; do [ $j = b ] && break 2; echo $i$j; done; done
## continue nested
for i in 1 2; do for j in a b; do [ $j = a ] && continue 2; echo $i$j; done; done
## case simple
case abc in abc) echo exact;; *) echo other;; esac
## case glob patterns
for f in a.txt b.jpg c; do case $f in *.txt) echo text;; *.jpg|*.png) echo image;; *) echo unknown;; esac; done
## case fallthrough
case a in a) echo one;& b) echo two;; c) echo three;; esac
## case continue testing
case ab in a*) echo starts;;& *b) echo ends;; esac
## case no match status
case x in y) echo y;; esac; echo $?
## case with paren pattern
case x in (x) echo paren;; esac
## case bracket pattern
case 5 in [0-9]) echo digit;; esac
## case quoted pattern
case '*' in "*") echo star;; esac
## case variable pattern
p='a*'; case abc in $p) echo matched;; esac
## while read loop
printf 'one\ntwo\n' | while read line; do echo "> $line"; done
## loop status
for i in; do :; done; echo $?
## while false status
while false; do :; done; echo $?
## nested if in loop
for n in 1 2 3 4; do if [ $((n % 2)) -eq 0 ]; then echo "$n even"; else echo "$n odd"; fi; done
## break outside loop
break; echo after
## loop with semicolon newline mix
for i in 1 2
do
  echo $i
done
## while with break status
while true; do break; done; echo $?
## for in command substitution
for w in $(echo x y z); do echo $w; done
## until with arithmetic
n=0; until ((n >= 2)); do ((n++)); done; echo $n
## case in function
f() { case $1 in start) echo starting;; stop) echo stopping;; *) echo usage; return 1;; esac; }; f start; f x; echo $?
## select like loop with index
arr=(a b c); for i in "${!arr[@]}"; do echo "$i=${arr[$i]}"; done

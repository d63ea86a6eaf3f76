## subshell variable isolation
x=1; (x=2; echo $x); echo $x
## subshell cd isolation
(cd /; pwd); pwd | grep -c user
## group shares state
x=1; { x=2; }; echo $x
## group output redirect
{ echo a; echo b; } | wc -l
## subshell exit code
(false); echo $?
## nested subshells
(echo a; (echo b; (echo c)))
## group with newlines
{
  echo x
  echo y
}
## subshell in pipeline
(echo 3; echo 1; echo 2) | sort
## group status
{ true; false; }; echo $?
## subshell function isolation
(f() { echo f; }); f 2>/dev/null; echo $?
## subshell exit does not end shell
(exit 1); echo still running
## group and-or
{ false || echo alt; } && echo ok
## subshell with redirect
(echo inside) > s.txt; cat s.txt
## BASH_SUBSHELL
echo $BASH_SUBSHELL; (echo $BASH_SUBSHELL)
## command substitution in subshell vars
x=$( (y=5; echo $y) ); echo $x
## subshell set -e isolation
(set -e; false; echo no); echo yes
## subshell trap
(trap 'echo sub exit' EXIT; echo body); echo after
## subshell background
(sleep 0.01; echo late) & echo early; wait

## write file
echo hello > f.txt; cat f.txt
## append file
echo a > f; echo b >> f; cat f
## truncate on write
echo long text > f; echo s > f; cat f
## input redirect
echo content > f; cat < f
## stderr redirect
nosuch 2> err.txt; cat err.txt
## stderr to stdout
nosuch 2>&1 | tr a-z A-Z
## stdout to stderr
echo to-err >&2
## both with ampersand
{ echo out; echo err >&2; } &> both.txt; cat both.txt
## append both
echo 1 &> f; echo 2 &>> f; cat f
## dev null
echo gone > /dev/null; echo kept
## redirect order matters
{ echo out; echo err >&2; } 2>&1 > f.txt; echo ---; cat f.txt
## redirect missing file
cat < missing.txt; echo $?
## redirect to directory
mkdir d; echo x > d; echo $?
## redirect in middle
echo > f.txt middle words; cat f.txt
## heredoc
cat <<EOF2
line one
line two
EOF2
## heredoc with expansion
name=World; cat <<EOF2
Hello $name
sum $((1+2))
EOF2
## heredoc quoted delimiter
name=World; cat <<'EOF2'
Hello $name $(nothing)
EOF2
## heredoc tab strip
cat <<-EOF2
	indented
		twice
	EOF2
## heredoc to file
cat > out.txt <<EOF2
saved
EOF2
cat out.txt
## heredoc in loop
for i in 1 2; do cat <<EOF2
item $i
EOF2
done
## herestring
cat <<< "here string"
## herestring variable
x="a b c"; wc -w <<< "$x"
## read from herestring
read a b <<< "first second"; echo $b $a
## group redirect
{ echo a; echo b; } > g.txt; cat g.txt
## loop output redirect
for i in 1 2 3; do echo $i; done > loop.txt; cat loop.txt
## while read from file
printf 'x\ny\n' > in.txt; while read l; do echo "got $l"; done < in.txt
## fd 3
exec 3> fd3.txt; echo to3 >&3; exec 3>&-; cat fd3.txt
## noclobber
echo a > f; set -C; echo b > f; echo $?; cat f
## noclobber override
echo a > f; set -C; echo b >| f; cat f
## redirect stdin of function
f() { cat; }; echo piped > x; f < x
## heredoc with backslash
cat <<EOF2
a \$x \\ b
EOF2
## empty heredoc
cat <<EOF2
EOF2
echo end
## redirect ambiguous empty
f=; echo x > $f
## redirect to variable file
f=out.txt; echo data > "$f"; cat out.txt
## multiple outputs last wins
echo x > a > b; cat a; echo ---; cat b
## input and output
echo abc > in; tr a-z A-Z < in > out; cat out

## single quotes
echo 'a $b "c" \d'
## double quotes keep spaces
echo "a   b"
## unquoted collapses spaces
echo a     b
## double quotes expand
x=val; echo "x is $x"
## escaped dollar in double quotes
echo "\$HOME \\ \""
## backslash outside quotes
echo \a\b\ c
## ansi c quotes
echo $'tab\there' $'nl\\n' $'\x41\101'
## ansi c escapes
printf '%s\n' $'a\nb'
## mixed quotes in one word
echo 'a'"b"c'd'
## empty string argument
printf '[%s]\n' "" a ''
## quotes inside double quotes
echo "it's" 'say "hi"'
## backslash newline in double quotes
echo "a\
b"
## literal glob in quotes
echo "*" '?'
## escaped space
printf '[%s]\n' a\ b
## dollar at end
echo a$ "b$"
## double quoted special chars
echo "; & | < > ( )"
## nested quotes in command substitution
echo "$(echo "inner quoted")"
## single quote in double
echo "'"
## unicode
echo "héllo wörld ✓"
## backslash in single quotes
echo 'a\nb'
## locale string
echo $"plain"
## quoted variable with newline
x="a
b"; echo "$x"
## unquoted variable with newline
x="a
b"; echo $x

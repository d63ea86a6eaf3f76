## command substitution
echo "today: $(echo sunny)"
## backticks
echo `echo back`
## nested substitution
echo $(echo $(echo deep))
## trailing newlines stripped
x=$(printf 'a\n\n\n'); echo "[$x]"
## inner newlines kept
x=$(printf 'a\nb'); echo "$x"
## unquoted substitution splits
printf '[%s]\n' $(echo a b)
## quoted substitution does not split
printf '[%s]\n' "$(echo a b)"
## substitution status
x=$(exit 5); echo $?
## substitution in assignment no split
x=$(echo a   b); echo "$x"
## subshell isolation
x=1; y=$(x=2; echo $x); echo $x $y
## arithmetic basic
echo $((1 + 2 * 3))
## arithmetic parens
echo $(( (1 + 2) * 3 ))
## arithmetic variables
a=5; b=3; echo $((a - b)) $((a * b)) $((a / b)) $((a % b))
## arithmetic dollar variables
a=5; echo $(($a + 1))
## arithmetic power
echo $((2 ** 10))
## arithmetic negative division
echo $((-7 / 2)) $((-7 % 2))
## arithmetic comparison
echo $((3 > 2)) $((3 < 2)) $((2 == 2)) $((2 != 2))
## arithmetic logic
echo $((1 && 0)) $((1 || 0)) $((!5))
## arithmetic ternary
x=7; echo $((x > 5 ? 1 : 0))
## arithmetic assignment
echo $((x = 4 + 1)); echo $x
## arithmetic increment
i=5; echo $((i++)) $i $((++i)) $i
## arithmetic compound assign
i=10; ((i += 5)); ((i *= 2)); echo $i
## arithmetic bitwise
echo $((5 & 3)) $((5 | 3)) $((5 ^ 3)) $((1 << 4)) $((256 >> 2)) $((~0))
## arithmetic hex and octal
echo $((0x1f)) $((010)) $((2#101))
## arithmetic unset is zero
echo $((nosuch + 1))
## arithmetic nested variable
a=b; b=3; echo $((a + 1))
## arithmetic division by zero
echo $((1 / 0)); echo after
## arithmetic command true false
((5 > 3)); echo $?; ((0)); echo $?
## arithmetic command assignment
((x = 3 * 4)); echo $x
## arithmetic comma
echo $((a = 1, b = 2, a + b))
## let builtin
let x=2*3 y=x+1; echo $x $y
## let status
let 0; echo $?
## large numbers
echo $((2**62)) $((9223372036854775807 + 0))
## arithmetic with spaces in vars
x=" 4 "; echo $((x * 2))
## arith syntax error
echo $((1 +)); echo after
## substitution with pipes
echo $(echo abc | tr a-z A-Z)
## substitution with case
x=$(case a in a) echo matched;; esac); echo $x

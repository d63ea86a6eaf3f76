## array literal
a=(one two three); echo ${a[0]} ${a[2]}
## array all elements
a=(x y z); echo "${a[@]}"
## array length
a=(1 2 3 4); echo ${#a[@]}
## element length
a=(hello); echo ${#a[0]}
## array append
a=(1); a+=(2 3); echo "${a[@]}"
## array element assign
a=(); a[3]=d; a[0]=a; echo ${#a[@]} "${a[@]}"
## array indices
a=(); a[2]=x; a[5]=y; echo "${!a[@]}"
## array quoted elements
a=("a b" c); printf '[%s]\n' "${a[@]}"
## array star join
a=(a b c); IFS=,; echo "${a[*]}"
## array unset element
a=(1 2 3); unset 'a[1]'; echo "${a[@]}" ${#a[@]}
## array plain name is first
a=(first second); echo $a
## array slice
a=(a b c d e); echo "${a[@]:1:3}"
## array negative index
a=(a b c); echo ${a[-1]}
## array from command
a=($(echo x y z)); echo ${#a[@]}
## array from glob
touch f1 f2 f3; a=(f*); echo ${#a[@]}
## array in for loop
a=("x 1" "y 2"); for e in "${a[@]}"; do echo "<$e>"; done
## array arithmetic index
a=(10 20 30); i=1; echo ${a[i+1]} ${a[$i]}
## array replace
a=(foo bar); echo "${a[@]/o/0}"
## declare -a
declare -a arr; arr[0]=z; echo ${arr[0]}
## array explicit indices
a=([1]=one [3]=three); echo "${!a[@]}" "${a[@]}"
## array copy
a=(1 2 3); b=("${a[@]}"); b[0]=9; echo "${a[@]}" "${b[@]}"
## read -a
read -a parts <<< "p q r"; echo ${parts[1]} ${#parts[@]}
## mapfile
printf 'l1\nl2\n' > f; mapfile -t lines < f; echo ${#lines[@]} ${lines[1]}
## array sum loop
nums=(1 2 3 4 5); s=0; for n in "${nums[@]}"; do ((s += n)); done; echo $s
## empty array
a=(); echo ${#a[@]} "[${a[@]}]"
## array element default
a=(); echo ${a[0]:-empty}
## declare -p array
a=(x y); declare -p a
## array in arithmetic
a=(5 6); echo $((a[0] + a[1]))

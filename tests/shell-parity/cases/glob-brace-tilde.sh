## star glob
touch a.txt b.txt c.log; echo *.txt
## question glob
touch a1 a2 a10; echo a?
## bracket glob
touch x1 x2 x3; echo x[12]
## negated bracket
touch y1 y2 y3; echo y[!1]
## no match stays literal
echo *.nomatch
## nullglob
shopt -s nullglob; echo start *.nomatch end
## hidden files not matched
touch .hidden visible; echo *
## dotglob
touch .hidden visible; shopt -s dotglob; echo *
## glob in directory
mkdir d; touch d/one d/two; echo d/*
## glob directories only
mkdir -p p/q r; touch f; echo */
## quoted glob literal
touch a.txt; echo "*.txt"
## glob from variable
touch a.txt b.txt; pat='*.txt'; echo $pat
## quoted variable glob literal
pat='*.txt'; echo "$pat"
## noglob
touch a.txt; set -f; echo *.txt
## glob sorted
touch b a c; echo *
## brace list
echo {a,b,c}
## brace with prefix suffix
echo pre{1,2}post
## brace sequence
echo {1..5}
## brace sequence reverse
echo {5..1}
## brace sequence step
echo {0..10..3}
## brace letters
echo {a..e}
## brace zero padded
echo {01..10}
## nested braces
echo {a,b{1,2}}
## brace cartesian
echo {a,b}{x,y}
## brace not expanded quoted
echo "{a,b}"
## brace single item literal
echo {a}
## brace with empty
echo x{,y}
## brace mkdir
mkdir -p proj/{src,test}; ls proj
## tilde
echo ~
## tilde slash
echo ~/docs
## tilde quoted
echo "~"
## tilde in assignment
x=~/a; echo $x
## tilde not at start
echo a~b
## glob character class
touch A1 b2 C3; echo [[:upper:]]*
## glob star with prefix path
mkdir -p g/h; touch g/h/x.c g/h/y.c; echo g/*/*.c

package term_test

import (
	"fmt"
	"math"
	"strings"

	"github.com/scalability-go/otpbook/otp/term"
)

func ExampleParse() {
	t, err := term.Parse(`{ok, [10,10], 'hello world', <<"abc">>, #{key => 16#FF}}`)
	if err != nil {
		panic(err)
	}
	fmt.Println(term.Write(t))
	// Output:
	// {ok,[10,10],'hello world',<<97,98,99>>,#{key => 255}}
}

func ExampleParse_error() {
	_, err := term.Parse("{a, b c}")
	fmt.Println(err)
	_, err = term.Parse("{a, X}")
	fmt.Println(err)
	// Output:
	// 1:7: syntax error before: c
	// 1:1: bad term
}

func ExamplePrint() {
	t := term.Tuple{term.OK, term.List{10, 10}, term.Atom("EXIT"), math.Copysign(0, -1), 1e10}
	fmt.Println(term.Print(t))
	fmt.Println(term.Write(t))
	// Output:
	// {ok,"\n\n",'EXIT',-0.0,1.0e10}
	// {ok,[10,10],'EXIT',-0.0,1.0e10}
}

func ExampleCompare() {
	ts := []term.Term{term.Atom("a"), term.List{}, 2, 1.0, term.Tuple{term.Atom("b")}, "str", 1}
	term.Sort(ts)
	fmt.Println(term.Write(term.List(ts)))
	fmt.Println(term.Equal(1, 1.0), term.Exact(1, 1.0))
	// Output:
	// [1.0,1,2,a,{b},[],[115,116,114]]
	// true false
}

func ExampleConsult() {
	file := `%% sys.config
[{bsc, [{freqs, [20, 21, 22]}, {timeout, 5000}]}].
`
	ts, err := term.Consult(strings.NewReader(file))
	if err != nil {
		panic(err)
	}
	fmt.Println(len(ts), term.Print(ts[0]))
	// Output:
	// 1 [{bsc,[{freqs,[20,21,22]},{timeout,5000}]}]
}

func ExampleMap() {
	m := term.MapOf(term.Atom("b"), 2, term.Atom("a"), 1, 1.0, float64(1))
	m = m.Put(1, "int")
	v, _ := m.Get(term.Atom("a"))
	fmt.Println(v, m.Len(), term.Print(m))
	// Output:
	// 1 4 #{1 => "int",1.0 => 1.0,a => 1,b => 2}
}

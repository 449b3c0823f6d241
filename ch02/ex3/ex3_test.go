// Book: chapter 2, "Functional Influence" (ch2/ex3.erl).

package ex3_test

import (
	"math/big"
	"testing"

	"github.com/scalability-go/otpbook/ch02/ex3"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFilter(t *testing.T) {
	xs := []int{1, 2, 3, 4, 5, 6}
	assert.Equal(t, []int{2, 4, 6}, ex3.Filter(ex3.IsEven, xs))
	assert.Equal(t, []int{4, 5, 6}, ex3.Filter(func(x int) bool { return x > 3 }, xs))
	assert.Empty(t, ex3.Filter(ex3.IsEven, nil))
	assert.Equal(t, []int{1, 2, 3, 4, 5, 6}, xs, "the input is not changed")

	var seen []string
	words := ex3.Filter(func(s string) bool {
		seen = append(seen, s)
		return len(s) > 3
	}, []string{"one", "three", "four"})
	assert.Equal(t, []string{"three", "four"}, words)
	assert.Equal(t, []string{"one", "three", "four"}, seen, "called once per element, in order")
}

func TestIsEven(t *testing.T) {
	for x, want := range map[int]bool{0: true, 1: false, 2: true, -3: false, -4: true} {
		assert.Equal(t, want, ex3.IsEven(x), x)
	}
}

// fun is a fun made in the shell, as the evaluator makes it: a LocalFun
// whose Value is a code.Func.
func fun(f func(x term.Term) term.Term) term.LocalFun {
	return term.LocalFun{Module: "erl_eval", Arity: 1, Value: code.Func(func(p *otp.Process, args []term.Term) term.Term {
		return f(args[0])
	})}
}

var one2six = term.List{1, 2, 3, 4, 5, 6}

// The section's session.
func TestModuleSession(t *testing.T) {
	e := erltest.New(t, ex3.Module())
	isEven := term.ExportFun{Module: "ex3", Function: "is_even", Arity: 1}
	above3 := fun(func(x term.Term) term.Term { return term.Bool(term.Compare(x, 3) > 0) })
	identity := fun(func(x term.Term) term.Term { return x })
	for _, c := range []struct {
		pred, list term.Term
		want       string
	}{
		{isEven, one2six, "[2,4,6]"},
		{above3, one2six, "[4,5,6]"},
		{isEven, term.List{}, "[]"},
		{term.Atom("not_a_fun"), term.List{}, "[]"},
		{identity, term.List{true, false, 1, term.Atom("true")}, "[true,true]"},
		{identity, term.List{term.Atom("yes"), term.Atom("false")}, "[]"},
	} {
		v, exc := e.Call("ex3", "filter", c.pred, c.list)
		require.Nil(t, exc)
		assert.Equal(t, c.want, term.Write(v), "filter(%v, %v)", c.pred, c.list)
	}
}

func TestModuleIsEven(t *testing.T) {
	e := erltest.New(t, ex3.Module())
	big1 := new(big.Int).Lsh(big.NewInt(1), 80)
	for _, c := range []struct {
		x    term.Term
		want term.Atom
	}{
		{4, "true"}, {5, "false"}, {-4, "true"}, {-3, "false"}, {0, "true"},
		{big1, "true"}, {new(big.Int).Add(big1, big.NewInt(1)), "false"}, {uint8(7), "false"},
	} {
		v, exc := e.Call("ex3", "is_even", c.x)
		require.Nil(t, exc)
		assert.Equal(t, c.want, v, "is_even(%v)", c.x)
	}
}

// What Erlang raises, checked on OTP 25.
func TestModuleErrors(t *testing.T) {
	e := erltest.New(t, ex3.Module())
	for _, c := range []struct {
		name   string
		fun    term.Atom
		args   []term.Term
		reason string
		stack  string
	}{
		{"is_even of an atom", "is_even", []term.Term{term.Atom("a")},
			"badarith", "[{erlang,'rem',[a,2],[]},{ex3,is_even,1,[]}]"},
		{"is_even of a float", "is_even", []term.Term{2.0},
			"badarith", "[{erlang,'rem',[2.0,2],[]},{ex3,is_even,1,[]}]"},
		{"not a fun", "filter", []term.Term{term.Atom("not_a_fun"), term.List{1}},
			"{badfun,not_a_fun}", "[{ex3,filter,2,[]}]"},
		{"a fun of two arguments", "filter", []term.Term{term.ExportFun{Module: "m", Function: "f", Arity: 2}, term.List{1}},
			"{badarity,{fun m:f/2,[1]}}", "[{ex3,filter,2,[]}]"},
		{"not a list", "filter", []term.Term{term.Atom("p"), term.Atom("foo")},
			"function_clause", "[{ex3,filter,[p,foo],[]}]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, exc := e.Call("ex3", c.fun, c.args...)
			require.NotNil(t, exc)
			assert.Equal(t, otp.ClassError, exc.Class)
			assert.Equal(t, c.reason, term.Write(exc.Reason))
			assert.Equal(t, c.stack, term.Write(exc.Stack))
		})
	}
}

// A predicate that fails fails the filter: the error of is_even(a) comes
// out of filter, after the elements before it were tested.
func TestModulePredicateFails(t *testing.T) {
	e := erltest.New(t, ex3.Module())
	var tested term.List
	spy := fun(func(x term.Term) term.Term {
		tested = append(tested, x)
		return ex3.IsEvenTerm(x)
	})
	_, exc := e.Call("ex3", "filter", spy, term.List{2, 3, term.Atom("a"), 4})
	require.NotNil(t, exc)
	assert.Equal(t, term.Atom("badarith"), exc.Reason)
	assert.Equal(t, "[2,3,a]", term.Write(tested))
}

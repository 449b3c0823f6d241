// Book: chapter 2, "Recursion and Pattern Matching" (ch2/ex1.erl).

package ex1_test

import (
	"math/big"
	"testing"

	"github.com/scalability-go/otpbook/ch02/ex1"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func bigInt(t *testing.T, s string) *big.Int {
	b, ok := new(big.Int).SetString(s, 10)
	require.True(t, ok)
	return b
}

func TestFactorial(t *testing.T) {
	for n, want := range map[int]string{
		0:  "1",
		1:  "1",
		5:  "120",
		20: "2432902008176640000",
		21: "51090942171709440000",
		25: "15511210043330985984000000",
	} {
		got, err := ex1.Factorial(n)
		require.NoError(t, err, n)
		assert.Equal(t, 0, got.Cmp(bigInt(t, want)), "%d! = %v", n, got)
	}
}

func TestFactorialNegative(t *testing.T) {
	_, err := ex1.Factorial(-1)
	require.ErrorIs(t, err, ex1.ErrFunctionClause)
	assert.Contains(t, err.Error(), "no function clause matching ex1:factorial(-1)")
}

// The shell session of the section: ex1:factorial/1 called by name.
func TestModuleSession(t *testing.T) {
	e := erltest.New(t, ex1.Module())
	for _, c := range []struct {
		n, want term.Term
	}{
		{0, 1},
		{5, 120},
		{20, 2432902008176640000},
		{25, bigInt(t, "15511210043330985984000000")},
	} {
		v, exc := e.Call("ex1", "factorial", c.n)
		require.Nil(t, exc)
		assert.True(t, term.Exact(c.want, v), "factorial(%v) = %v", c.n, v)
	}
}

// What Erlang raises, checked on OTP 25: the class, the reason, and the
// innermost frame of the stacktrace (whose location is [] here).
func TestModuleErrors(t *testing.T) {
	e := erltest.New(t, ex1.Module())
	huge := new(big.Int).Lsh(big.NewInt(1), 100)
	for _, c := range []struct {
		name   string
		arg    term.Term
		reason string
		top    string
	}{
		{"negative", -1, "function_clause", "{ex1,factorial,[-1],[]}"},
		{"float counts down to 0.0", 3.0, "function_clause", "{ex1,factorial,[0.0],[]}"},
		{"float counts down below zero", 2.5, "function_clause", "{ex1,factorial,[-0.5],[]}"},
		{"zero float", 0.0, "function_clause", "{ex1,factorial,[0.0],[]}"},
		{"atom", term.Atom("a"), "badarith", "{ex1,factorial,1,[]}"},
		{"string", "ab", "badarith", "{ex1,factorial,1,[]}"},
		{"tuple", term.Tuple{1}, "badarith", "{ex1,factorial,1,[]}"},
		{"negative bignum", new(big.Int).Neg(huge), "function_clause", "{ex1,factorial,[-1267650600228229401496703205376],[]}"},
		{"positive bignum", huge, "system_limit", "{ex1,factorial,1,[]}"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, exc := e.Call("ex1", "factorial", c.arg)
			require.NotNil(t, exc)
			assert.Equal(t, otp.ClassError, exc.Class)
			assert.Equal(t, term.Atom(c.reason), exc.Reason)
			assert.Equal(t, c.top, term.Write(erltest.Top(t, exc)))
		})
	}
}

// A process computing a factorial that would take hours can still be
// killed: Go cannot stop it from outside, so the computation looks.
func TestLongFactorialCanBeKilled(t *testing.T) {
	e := erltest.New(t, ex1.Module())
	started := make(chan struct{})
	pid := e.Self.Spawn(func(p *otp.Process) {
		close(started)
		ex1.FactorialTerm(p, 1<<40)
	})
	<-started
	e.Self.SendExit(pid, otp.Kill)
	assert.Equal(t, otp.Noproc, e.Down(t, pid), "already dead for everyone")
}

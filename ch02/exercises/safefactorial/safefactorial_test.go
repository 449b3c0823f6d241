// Book: chapter 2, "Recursion and Pattern Matching" (exercise: a safe ch2/ex1.erl).

package safefactorial_test

import (
	"math/big"
	"testing"

	"github.com/scalability-go/otpbook/ch02/ex1"
	"github.com/scalability-go/otpbook/ch02/exercises/safefactorial"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	fact25 = func() *big.Int { b, _ := new(big.Int).SetString("15511210043330985984000000", 10); return b }()
	huge   = new(big.Int).Lsh(big.NewInt(1), 100)
)

// Good arguments: the same values as ex1's.
func TestValues(t *testing.T) {
	for _, c := range []struct{ n, want term.Term }{
		{0, 1}, {1, 1}, {5, 120}, {20, 2432902008176640000}, {25, fact25},
		{int64(5), 120}, {uint8(3), 6}, {big.NewInt(6), 720},
	} {
		got := safefactorial.Factorial(c.n)
		assert.True(t, term.Exact(c.want, got), "factorial(%v) = %v, want %v", c.n, got, c.want)
	}
}

// Bad arguments: where ex1 crashes its caller, the safe version returns
// {error, bad_argument}.
func TestBadArguments(t *testing.T) {
	e := erltest.New(t, ex1.Module())
	for _, n := range []term.Term{-1, new(big.Int).Neg(huge), 3.0, 0.0, term.Atom("a"), "ab", term.List{}, term.Tuple{1}} {
		var got term.Term
		exc := otp.Catch(func() { got = safefactorial.Factorial(n) })
		require.Nil(t, exc, "factorial(%v) raised", n)
		assert.Equal(t, "{error,bad_argument}", term.Write(got), "factorial(%v)", n)

		_, crash := e.Call("ex1", "factorial", n)
		assert.NotNil(t, crash, "ex1:factorial(%v) crashes", n)
	}
}

func TestModule(t *testing.T) {
	e := erltest.New(t, safefactorial.Module())
	v, exc := e.Call("safe_factorial", "factorial", 5)
	require.Nil(t, exc)
	assert.Equal(t, 120, v)
	v, exc = e.Call("safe_factorial", "factorial", -1)
	require.Nil(t, exc)
	assert.Equal(t, "{error,bad_argument}", term.Write(v))
}

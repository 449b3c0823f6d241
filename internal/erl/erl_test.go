// Book: chapter 2, "Recursion and Pattern Matching" (lists as head and tail, and the errors of clauses).

package erl_test

import (
	"testing"

	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestUncons(t *testing.T) {
	for _, c := range []struct {
		in         term.Term
		head, tail string
		ok         bool
	}{
		{term.List{1, 2}, "1", "[2]", true},
		{term.List{1}, "1", "[]", true},
		{"héllo", "104", `"éllo"`, true},
		{"é", "233", "[]", true},
		{term.Cons(term.Atom("b"), term.Atom("a")), "a", "b", true},
		{term.Cons(term.Atom("c"), term.Atom("a"), term.Atom("b")), "a", "[b|c]", true},
		{term.List{}, "", "", false},
		{"", "", "", false},
		{term.Atom("foo"), "", "", false},
	} {
		h, tl, ok := erl.Uncons(c.in)
		assert.Equal(t, c.ok, ok, "%v", c.in)
		if ok {
			assert.Equal(t, c.head, term.Print(h), "head of %v", c.in)
			assert.Equal(t, c.tail, term.Print(tl), "tail of %v", c.in)
		}
	}
	assert.True(t, erl.IsNil(term.List{}))
	assert.True(t, erl.IsNil(""))
	assert.False(t, erl.IsNil(term.List{1}))
	assert.False(t, erl.IsNil(term.Atom("[]")))
}

func TestRaise(t *testing.T) {
	exc := otp.Catch(func() { erl.FunctionClause("m", "f", -1, term.Atom("a")) })
	assert.Equal(t, otp.ClassError, exc.Class)
	assert.Equal(t, term.Atom("function_clause"), exc.Reason)
	assert.Equal(t, "[{m,f,[-1,a],[]}]", term.Write(exc.Stack))

	exc = otp.Catch(func() { erl.Badmatch(term.Tuple{term.Atom("error"), term.Atom("x")}, "m", "f", 1) })
	assert.Equal(t, "{badmatch,{error,x}}", term.Write(exc.Reason))
	assert.Equal(t, "{{badmatch,{error,x}},[{m,f,1,[]}]}", term.Write(exc.ExitReason()))
}

// Book: chapter 2, "Recursion and Pattern Matching" (ch2/ex2.erl).

package ex2_test

import (
	"io"
	"strings"
	"testing"

	"github.com/scalability-go/otpbook/ch02/ex2"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var three = []term.Term{term.Atom("one"), term.Atom("two"), term.Atom("three")}

// Mixed elements print as ~p prints them, as checked on OTP 25.
var mixed = []term.Term{"a string", term.Tuple{term.Atom("a"), term.Atom("tuple")}, 1.5, term.Atom("B c"), term.Binary("bin")}

const mixedOut = "\"a string\"\t{a,tuple}\t1.5\t'B c'\t<<\"bin\">>\t\n"

func TestPrintAllAndAllPrint(t *testing.T) {
	for name, f := range map[string]func(io.Writer, []term.Term) error{
		"PrintAll": ex2.PrintAll,
		"AllPrint": ex2.AllPrint,
	} {
		t.Run(name, func(t *testing.T) {
			for _, c := range []struct {
				in   []term.Term
				want string
			}{
				{three, "one\ttwo\tthree\t\n"},
				{nil, "\n"},
				{mixed, mixedOut},
			} {
				var b strings.Builder
				require.NoError(t, f(&b, c.in))
				assert.Equal(t, c.want, b.String())
			}
		})
	}
}

// The section's session: both functions print the same and return ok.
func TestModuleSession(t *testing.T) {
	e := erltest.New(t, ex2.Module())
	for _, fun := range []term.Atom{"print_all", "all_print"} {
		for _, c := range []struct {
			in   term.Term
			want string
		}{
			{term.List(three), "one\ttwo\tthree\t\n"},
			{term.List{}, "\n"},
			{"", "\n"},
			{term.List(mixed), mixedOut},
			{"ab", "97\t98\t\n"},
		} {
			v, exc := e.Call("ex2", fun, c.in)
			require.Nil(t, exc, "%s(%v)", fun, c.in)
			assert.Equal(t, term.Atom("ok"), v)
			assert.Equal(t, c.want, e.Out.Take(), "%s(%v)", fun, c.in)
		}
	}
}

// A list that does not end in []: the elements before the end are
// printed, then print_all finds no clause and all_print no case clause.
func TestModuleImproperList(t *testing.T) {
	e := erltest.New(t, ex2.Module())
	improper := term.Cons(term.Atom("b"), term.Atom("a"))

	_, exc := e.Call("ex2", "print_all", improper)
	assert.Equal(t, "a\t", e.Out.Take())
	assert.Equal(t, term.Atom("function_clause"), exc.Reason)
	assert.Equal(t, "{ex2,print_all,[b],[]}", term.Write(erltest.Top(t, exc)))

	_, exc = e.Call("ex2", "all_print", improper)
	assert.Equal(t, "a\t", e.Out.Take())
	assert.Equal(t, "{case_clause,b}", term.Write(exc.Reason))
	assert.Equal(t, "{ex2,all_print,1,[]}", term.Write(erltest.Top(t, exc)))

	_, exc = e.Call("ex2", "print_all", term.Atom("foo"))
	assert.Equal(t, otp.ClassError, exc.Class)
	assert.Equal(t, "{ex2,print_all,[foo],[]}", term.Write(erltest.Top(t, exc)))
	assert.Empty(t, e.Out.Take())
}

// Output goes to the calling process's group leader: a process spawned
// by the shell prints where the shell does.
func TestModuleOutputIsTheCallers(t *testing.T) {
	e := erltest.New(t, ex2.Module())
	var mine strings.Builder
	e.Self.SetOutput(&mine)
	_, exc := e.Call("ex2", "print_all", term.List{1, 2})
	require.Nil(t, exc)
	assert.Equal(t, "1\t2\t\n", mine.String())
	assert.Empty(t, e.Out.Take())
}

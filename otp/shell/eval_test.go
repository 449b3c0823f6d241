package shell

import (
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/stdlib"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// evalNode returns a node with the stdlib modules loaded, and a process
// attached to it, both ended when the test ends.
func evalNode(t *testing.T) (*otp.Node, *otp.Process) {
	t.Helper()
	n, err := otp.NewNode(otp.Logger(slog.New(slog.DiscardHandler)))
	require.NoError(t, err)
	t.Cleanup(n.Stop)
	require.NoError(t, stdlib.Load(n))
	p := n.Attach()
	t.Cleanup(p.Detach)
	return n, p
}

// evalString parses and evaluates src in b, returning the value and the
// bindings, or the exception it raised.
func evalString(t *testing.T, e *Evaluator, p *otp.Process, src string, b Bindings) (v term.Term, nb Bindings, exc *otp.Exception) {
	t.Helper()
	exprs, err := Parse(src)
	require.NoError(t, err, "parse %q", src)
	exc = otp.Catch(func() { v, nb = e.Exprs(p, exprs, b) })
	return v, nb, exc
}

// evalOperators are the operators whose frame the golden file records.
var evalOperators = map[string]bool{}

func init() {
	for _, op := range strings.Fields("+ - * / div rem band bor bxor bsl bsr bnot and or xor not == /= =< < >= > =:= =/= ++ -- !") {
		evalOperators[op] = true
	}
}

// outcome formats the result of a case as testdata/eval_golden.escript
// does.
func outcome(v term.Term, exc *otp.Exception) string {
	if exc == nil {
		return "=> " + term.Write(v)
	}
	if ce, ok := CommandErrorOf(exc); ok {
		return "* " + ce.Error()
	}
	s := "!! " + exc.Class.String() + ":" + term.Write(exc.Reason)
	if len(exc.Stack) > 0 {
		if f, ok := exc.Stack[0].(term.Tuple); ok && len(f) == 4 {
			args, isList := f[2].(term.List)
			m, _ := f[0].(term.Atom)
			fn, _ := f[1].(term.Atom)
			if isList && (m == "maps" || m == "erlang" && evalOperators[string(fn)]) {
				s += " @ " + term.Write(term.Tuple{m, fn, args})
			}
		}
	}
	return s
}

// evalKnownDiffs are the outcomes, differing from erl's, that the
// evaluator gives on purpose, by case.
var evalKnownDiffs = map[string]string{
	// The tree has no position for a map association (erl gives its
	// operator's); the error is located at its key.
	"#{X => Y} = #{1 => 2}.": "* 1:3: illegal pattern",
	"#{a := 1}.":             "* 1:3: only association operators '=>' are allowed in map construction",
}

// TestEvalGolden evaluates each case of testdata/eval_cases.txt and
// compares the outcome with what erl_eval gave (testdata/eval_golden.txt,
// made by testdata/eval_golden.escript).
func TestEvalGolden(t *testing.T) {
	golden, err := os.ReadFile("testdata/eval_golden.txt")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(golden), "\n"), "\n")
	require.Equal(t, 0, len(lines)%2, "golden lines come in pairs")
	_, p := evalNode(t)
	e := &Evaluator{}
	for i := 0; i < len(lines); i += 2 {
		src, want := lines[i], lines[i+1]
		if diff, ok := evalKnownDiffs[src]; ok {
			want = diff
		}
		v, _, exc := evalString(t, e, p, src, Bindings{})
		assert.Equal(t, want, outcome(v, exc), "%s", src)
		p.Flush()
	}
}

package shell

import (
	"errors"
	"strings"
	"testing"

	"github.com/scalability-go/otpbook/otp"
	"github.com/stretchr/testify/assert"
)

// FuzzParse checks that no input makes Parse or Complete panic or loop,
// that errors are *SyntaxError values with a location, and that what
// Parse accepts is a well-formed tree that can be linted. The golden cases are its seeds.
func FuzzParse(f *testing.F) {
	for _, c := range readGolden(f) {
		f.Add(c.In)
	}
	f.Add(strings.Repeat("(", 2000) + "1" + strings.Repeat(")", 2000) + ".")
	f.Add(strings.Repeat("- ", 5000) + "1.")
	f.Add(strings.Repeat("a ++ ", 5000) + "b.")
	f.Add(strings.Repeat("catch ", 2000) + "1.")
	f.Add(strings.Repeat("<<", 2000) + "1.")
	f.Add("W = 1" + strings.Repeat("+1", 100000) + ".")
	f.Add(strings.Repeat("not ", 5000) + "true.")
	f.Add("_" + strings.Repeat(" = _", 5000) + ".")
	f.Add("#{}" + strings.Repeat("#{a=>1}", 5000) + ".")
	f.Add("\"" + strings.Repeat("\\x{", 100))
	f.Fuzz(func(t *testing.T, src string) {
		end, ok := Complete(src)
		if ok && (end < 1 || end > len(src)) {
			t.Fatalf("Complete(%q) = %d, true", src, end)
		}
		if !ok && end != 0 {
			t.Fatalf("Complete(%q) = %d, false", src, end)
		}
		form := src
		if ok {
			form = src[:end]
		}
		for _, in := range []string{form, src} {
			es, err := Parse(in)
			if err != nil {
				var se *SyntaxError
				if !errors.As(err, &se) || se.Line < 1 || se.Column < 1 || se.Msg == "" {
					t.Fatalf("Parse(%q): bad error %#v", in, err)
				}
				continue
			}
			abstractText(es) // panics on a malformed tree
			for _, x := range es {
				Check(x, Bindings{}) // lints without overflowing the stack
			}
		}
	})
}

// TestParseLongChains checks that a chain of operators, however long, is
// refused as nested too deeply rather than built into a tree so deep that
// linting, evaluating or printing it overflows the Go stack, and that a
// chain within the bound is linted, evaluated and printed.
func TestParseLongChains(t *testing.T) {
	chains := map[string]func(n int) string{
		"+":     func(n int) string { return "W = 1" + strings.Repeat("+1", n) + "." },
		"-":     func(n int) string { return "X = " + strings.Repeat("- ", n) + "1." },
		"not":   func(n int) string { return strings.Repeat("not ", n) + "true." },
		"++":    func(n int) string { return "[]" + strings.Repeat("++[]", n) + "." },
		"=":     func(n int) string { return "_" + strings.Repeat(" = _", n) + "." },
		"!":     func(n int) string { return "a" + strings.Repeat(" ! b", n) + "." },
		"bsl":   func(n int) string { return "1" + strings.Repeat(" bsl 0", n) + "." },
		"==":    func(n int) string { return strings.Repeat("(", n) + "1" + strings.Repeat(" == 1)", n) + "." },
		"#{}":   func(n int) string { return "#{}" + strings.Repeat("#{a=>1}", n) + "." },
		"X#{}":  func(n int) string { return "M = #{}, M" + strings.Repeat("#{a=>1}", n) + "." },
		"catch": func(n int) string { return strings.Repeat("catch ", n) + "1." },
		"pat":   func(n int) string { return "case 1 of " + strings.Repeat("- ", n) + "1 -> ok; _ -> ok end." },
	}
	for name, chain := range chains {
		_, err := Parse(chain(200000))
		var se *SyntaxError
		if assert.ErrorAs(t, err, &se, name) {
			assert.Equal(t, "expression nested too deeply", se.Msg, name)
		}
		es, err := Parse(chain(maxNesting / 4))
		if !assert.NoError(t, err, name) {
			continue
		}
		abstractText(es)
		lintAndEval(t, es)
	}
}

// lintAndEval lints es and, if that finds nothing, evaluates it with a
// process of a fresh node, ignoring the outcome: only a Go panic or a
// fatal error fails.
func lintAndEval(t *testing.T, es []Expr) {
	t.Helper()
	e := &Evaluator{}
	for _, x := range es {
		if Check(x, Bindings{}) != nil {
			return
		}
	}
	_, p := evalNode(t)
	otp.Catch(func() { e.Exprs(p, es, Bindings{}) })
}

package shell

import (
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scalability-go/otpbook/otp/term"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A goldenCase is one case recorded by testdata/parse/gen.escript from a
// real erl: the input, where the shell stops reading it, and what it
// makes of it.
type goldenCase struct {
	N                 int
	In, Complete, Out string
}

func readGolden(t testing.TB) []goldenCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "parse", "cases.golden"))
	require.NoError(t, err)
	var cases []goldenCase
	for _, f := range txtar.Parse(data).Files {
		num, name, ok := strings.Cut(f.Name, ".")
		require.True(t, ok, "bad golden file name %q", f.Name)
		n, err := strconv.Atoi(num)
		require.NoError(t, err)
		if len(cases) == 0 || cases[len(cases)-1].N != n {
			cases = append(cases, goldenCase{N: n})
		}
		c := &cases[len(cases)-1]
		switch text := string(f.Data); name {
		case "in":
			c.In = strings.TrimSuffix(text, "\n") // txtar's newline
		case "complete":
			c.Complete = strings.TrimSuffix(text, "\n")
		case "out":
			c.Out = strings.TrimSuffix(text, "\n")
		}
	}
	require.NotEmpty(t, cases)
	return cases
}

// lineCol returns the line and column of byte offset off in src.
func lineCol(src string, off int) (int, int) {
	before := src[:off]
	line := strings.Count(before, "\n") + 1
	return line, utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
}

// TestGolden compares Complete and Parse with what erl did.
func TestGolden(t *testing.T) {
	for _, c := range readGolden(t) {
		t.Run(strconv.Itoa(c.N), func(t *testing.T) {
			end, ok := Complete(c.In)
			var complete string
			switch {
			case !ok:
				complete = "more"
			case strings.HasPrefix(c.Complete, "error"):
				complete = "error " + strconv.Itoa(end)
			default:
				l, col := lineCol(c.In, end-1)
				complete = "dot " + strconv.Itoa(l) + ":" + strconv.Itoa(col)
			}
			assert.Equal(t, c.Complete, complete, "Complete(%q)", c.In)

			form := c.In
			if ok {
				form = c.In[:end]
			}
			es, err := Parse(form)
			var out string
			switch {
			case err != nil:
				out = "error " + err.Error()
			case len(es) == 0:
				out = "eof"
			default:
				out = "ok " + abstractText(es)
			}
			assert.Equal(t, c.Out, out, "Parse(%q)", form)
		})
	}
}

func lit(l, c int, v term.Term) *Lit { return &Lit{Pos: Pos{l, c}, Val: v} }
func vr(l, c int, name string) *Var  { return &Var{Pos: Pos{l, c}, Name: name} }

// TestParseAST checks the Go forms the parser gives that the abstract
// format does not show.
func TestParseAST(t *testing.T) {
	big, _ := new(big.Int).SetString("12345678901234567890", 10)
	cases := []struct {
		in   string
		want Expr
	}{
		{"[].", &List{Pos: Pos{1, 1}}},
		{"$a.", lit(1, 1, 97)},
		{"12345678901234567890.", lit(1, 1, big)},
		{`"a" "b".`, lit(1, 1, "ab")},
		{"'A b'.", lit(1, 1, term.Atom("A b"))},
		{"<<X:8/integer-unit:1>>.", &Bin{Pos: Pos{1, 1}, Segs: []BinSeg{
			{Val: vr(1, 3, "X"), Size: lit(1, 5, 8), Types: []string{"integer", "unit:1"}}}}},
		{"<< <<X>> || X <- L >>.", &ListComp{Pos: Pos{1, 1}, Binary: true,
			Elem:  &Bin{Pos: Pos{1, 4}, Segs: []BinSeg{{Val: vr(1, 6, "X")}}},
			Quals: []Expr{&Generator{Pos: Pos{1, 15}, Pattern: vr(1, 13, "X"), List: vr(1, 18, "L")}}}},
		{"fun f/1.", &FunRef{Pos: Pos{1, 1}, Name: lit(1, 5, term.Atom("f")), Arity: lit(1, 7, 1)}},
		{"#r{_ = 1}.", &Record{Pos: Pos{1, 1}, Name: "r", Fields: []RecordField{
			{Pos: Pos{1, 4}, Name: "_", Val: lit(1, 8, 1)}}}},
		{"<0.80.0>.", &Call{Pos: Pos{1, 1}, Module: lit(1, 1, term.Atom("erlang")),
			Fun: lit(1, 1, term.Atom("list_to_pid")), Args: []Expr{lit(1, 1, "<0.80.0>")}}},
		{"#Fun<lists.map.2>.", &FunRef{Pos: Pos{1, 1}, Module: lit(1, 1, term.Atom("lists")),
			Name: lit(1, 1, term.Atom("map")), Arity: lit(1, 1, 2)}},
		{"try a catch b -> c end.", &Try{Pos: Pos{1, 1}, Body: []Expr{lit(1, 5, term.Atom("a"))},
			Catch: []CatchClause{{Pos: Pos{1, 13}, Pattern: lit(1, 13, term.Atom("b")),
				Body: []Expr{lit(1, 18, term.Atom("c"))}}}}},
	}
	for _, c := range cases {
		es, err := Parse(c.in)
		if assert.NoError(t, err, c.in) {
			assert.Equal(t, []Expr{c.want}, es, c.in)
		}
	}
}

// TestLintErrors checks the errors that erl finds when it checks the
// expressions, and Parse finds because the tree cannot hold what causes
// them. The messages are erl's (the record r defined).
func TestLintErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a:b.", "* 1:1: illegal expression"},
		{"X = {a:b}.", "* 1:6: illegal expression"},
		{"fun(X) -> a:b end.", "* 1:11: illegal expression"},
		{"#r{X = 1}.", "* 1:4: field 'X' is not an atom or _ in record r"},
		{"#r{a = 1, B = 2}.", "* 1:11: field 'B' is not an atom or _ in record r"},
		{"a:b(.", "* 1:5: syntax error before: '.'"}, // syntax errors come first
	}
	for _, c := range cases {
		_, err := Parse(c.in)
		if assert.Error(t, err, c.in) {
			assert.Equal(t, c.want, err.Error(), c.in)
		}
	}
}

// TestParseErrors shows some of the errors of the golden cases.
func TestParseErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"1 + .", "* 1:5: syntax error before: '.'"},
		{"foo(1 2).", "* 1:7: syntax error before: 2"},
		{"f(1)(2).", "* 1:5: syntax error before: '('"},
		{"1 < 2 < 3.", "* 1:7: syntax error before: '<'"},
		{"case X of end.", "* 1:11: syntax error before: 'end'"},
		{"fun(X) -> 1; (X, Y) -> 2 end.", "* 1:14: head mismatch"},
		{"1 + 2", "* 1:5: syntax error before: "},
		{"\"abc\ndef", `* 1:1: unterminated string starting with "abc\ndef"`},
		{"'abc", "* 1:1: unterminated atom starting with 'abc'"},
		{"X = € + 1.", "* 1:5: illegal character"},
		{"37#1.", "* 1:1: illegal base '37'"},
		{"1.0e999.", "* 1:1: illegal float"},
		{"$\\x{ZZ}.", "* 1:1: illegal character"},
		{"X = 1. Y = 2.", "* 1:8: syntax error before: Y"},
		{"X = 1. €", "* 1:8: illegal character"},
		{strings.Repeat("(", 10000) + "1" + strings.Repeat(")", 10000) + ".",
			"* 1:1001: expression nested too deeply"},
	}
	for _, c := range cases {
		_, err := Parse(c.in)
		name := c.in
		if len(name) > 40 {
			name = name[:40] + "..."
		}
		var se *SyntaxError
		if assert.ErrorAs(t, err, &se, name) {
			assert.Equal(t, c.want, se.Error(), name)
		}
	}
}

func TestParseForms(t *testing.T) {
	for _, in := range []string{"1.", "1.\n", "1. % done\n", "1.%\n\n  ", "1.\t"} {
		es, err := Parse(in)
		assert.NoError(t, err, in)
		assert.Equal(t, []Expr{lit(1, 1, 1)}, es, in)
	}
	for _, in := range []string{"", " \n", "% nothing\n"} {
		es, err := Parse(in)
		assert.NoError(t, err, in)
		assert.Empty(t, es, in)
	}
	deep := strings.Repeat("[", maxNesting-1) + strings.Repeat("]", maxNesting-1) + "."
	_, err := Parse(deep)
	assert.NoError(t, err)
}

func TestComplete(t *testing.T) {
	cases := []struct {
		in  string
		end int // -1: not complete
	}{
		{"1.", 2},
		{"1.\n", 2},
		{"1.5.\n", 4},
		{"X = 1. Y = 2.\n", 6},
		{"1.%c\n", 2},
		{"a.b.\n", 4},
		{"\"a. b\".\n", 7},
		{"'a. b'.\n", 7},
		{"$. .\n", 4},
		{"$..\n", 3},
		{"% a. b\n1.\n", 9},
		{"1 + \n", -1},
		{"\"abc.\n", -1},
		{"'abc.\n", -1},
		{"1 + $", -1},
		{"\"\\", -1},
		{"1..\n", -1},
		{"", -1},
		{"X = € + 1. 2.\nnext.\n", 16}, // the rest of the line is dropped
		{"X = €\n", 8},
		{"€", 3},
		{"\"\\x{ZZ}\nY.\n", 8},
		{"$\x80\x80. 1.\n 2.\n", 12}, // all the rest is dropped
	}
	for _, c := range cases {
		end, ok := Complete(c.in)
		if c.end < 0 {
			assert.False(t, ok, "Complete(%q)", c.in)
			assert.Zero(t, end, "Complete(%q)", c.in)
			continue
		}
		assert.True(t, ok, "Complete(%q)", c.in)
		assert.Equal(t, c.end, end, "Complete(%q)", c.in)
	}
}

func TestParseTrailing(t *testing.T) {
	cases := []struct{ in, want string }{
		{"1 +. €", "* 1:4: syntax error before: '.'"},
		{"1. €", "* 1:4: illegal character"},
		{"1. 2", "* 1:4: syntax error before: 2"},
	}
	for _, c := range cases {
		_, err := Parse(c.in)
		if assert.Error(t, err, c.in) {
			assert.Equal(t, c.want, err.Error(), c.in)
		}
	}
}

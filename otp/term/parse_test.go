package term

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseGolden reads every case of testdata/parse.txt and compares the
// term, or the error, with what erl_scan and erl_parse gave.
func TestParseGolden(t *testing.T) {
	for _, c := range readGolden(t, "parse") {
		v, err := Parse(c.In)
		var got string
		if err != nil {
			var pe *ParseError
			require.True(t, errors.As(err, &pe), "case %d %q: error %v is not a *ParseError", c.N, c.In, err)
			got = "error " + err.Error()
		} else {
			got = "ok " + Write(v)
		}
		assert.Equal(t, c.Out["out"], got, "case %d: %s", c.N, c.In)
	}
}

func TestParseForms(t *testing.T) {
	v, err := Parse(`{ok, "abc", [1|x], <<"b">>, #{k => 1.5}}.`)
	require.NoError(t, err)
	want := Tuple{OK, "abc", ImproperList{Elems: []Term{1}, Tail: Atom("x")}, Binary("b"), MapOf(Atom("k"), 1.5)}
	assert.True(t, Exact(want, v), "got %s", Write(v))
	// A string literal is a Go string; [] is an empty List.
	assert.Equal(t, "abc", v.(Tuple)[1])
	e, err := Parse("[]")
	require.NoError(t, err)
	assert.Equal(t, List{}, e)
	// Code points a Go string cannot hold stay a list of integers.
	s, err := Parse(`"\x{D7FF}"`)
	require.NoError(t, err)
	assert.Equal(t, "\uD7FF", s)
}

func TestParseErrorLocation(t *testing.T) {
	_, err := Parse("{a,\n  b c}")
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 2, pe.Line)
	assert.Equal(t, 5, pe.Column)
	assert.Equal(t, Atom("erl_parse"), pe.Module)
	assert.Equal(t, "syntax error before: c", pe.Msg)
	assert.Equal(t, "2:5: syntax error before: c", pe.Error())
}

func TestParseTrailingText(t *testing.T) {
	_, err := Parse("a. b.")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "syntax error before: b")
	v, err := Parse("a. % done\n")
	require.NoError(t, err)
	assert.Equal(t, Atom("a"), v)
}

func TestParseLimits(t *testing.T) {
	_, err := Parse(strings.Repeat("[", MaxNesting+1))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nested too deeply")

	_, err = Parse(strings.Repeat("9", MaxIntegerDigits+1))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "illegal integer")

	// A size cannot make the reader allocate without bound.
	_, err = Parse("<<0:4294967296>>")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad term")
}

func TestConsult(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	ok := write("ok.config", "%% the bsc application\n{application, bsc,\n [{description, \"Base Station Controller\"},\n  {vsn, \"1.0\"}]}.\n{env, []}.\n")
	ts, err := ConsultFile(ok)
	require.NoError(t, err)
	require.Len(t, ts, 2)
	assert.Equal(t, "{application,bsc,[{description,\"Base Station Controller\"},{vsn,\"1.0\"}]}", Print(ts[0]))

	// The errors file:consult gives, with their line, and the column too.
	cases := []struct{ text, want string }{
		{"{a, 1}.\n%% comment\n{b, \"str\"}.\n{c, [1,2\n 3]}.\n", "bad.config:5:2: syntax error before: 3"},
		{"{a, 1}.\n{b, X}.\n", "bad.config:2:1: bad term"},
		{"{a, \"abc}.\n", "bad.config:1:5: unterminated string starting with \"abc}.\\n\""},
		{"{a, 1}", "bad.config:1:6: syntax error before: "},
		{"{a, 1}.\n  foo bar.\n", "bad.config:2:7: syntax error before: bar"},
	}
	for _, c := range cases {
		p := write("bad.config", c.text)
		_, err := ConsultFile(p)
		require.Error(t, err)
		assert.Equal(t, filepath.Join(dir, c.want), err.Error())
	}

	_, err = ConsultFile(filepath.Join(dir, "missing.config"))
	assert.True(t, errors.Is(err, fs.ErrNotExist))
}

func TestConsultLatin1(t *testing.T) {
	ts, err := Consult(strings.NewReader("%% -*- coding: latin-1 -*-\n\"caf\xe9\".\n"))
	require.NoError(t, err)
	assert.Equal(t, []Term{"café"}, ts)
	ts, err = Consult(strings.NewReader("\"café\"."))
	require.NoError(t, err)
	assert.Equal(t, []Term{"café"}, ts)
}

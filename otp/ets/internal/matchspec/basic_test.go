package matchspec

import (
	"errors"
	"testing"

	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testSelf = term.Pid{Node: "nonode@nohost", ID: 9}

func mustParse(t *testing.T, text string) term.Term {
	t.Helper()
	v, err := term.Parse(text)
	require.NoError(t, err, text)
	return v
}

func run(t *testing.T, spec, obj string) (term.Term, bool) {
	t.Helper()
	s, err := Compile(mustParse(t, spec))
	require.NoError(t, err, spec)
	return s.Run(mustParse(t, obj), testSelf)
}

func TestRunBasics(t *testing.T) {
	cases := []struct{ spec, obj, want string }{
		{`[{{'$1','$2'},[],['$$']}]`, `{a,1}`, `[a,1]`},
		{`[{{'$2','$1'},[],['$$']}]`, `{a,1}`, `[1,a]`},
		{`[{{'$1','$2'},[{'>','$2',0}],[{{'$2','$1'}}]}]`, `{a,1}`, `{1,a}`},
		{`[{{'$1','$2'},[{'>','$2',1}],[x]}, {'_',[],[y]}]`, `{a,1}`, `y`},
		{`[{{'$1','$1'},[],['$_']}]`, `{a,a}`, `{a,a}`},
		{`[{{'$1','$2'},[],[{element,5,'$_'}]}]`, `{a,1}`, `'EXIT'`},
		{`[{{'$1','$2'},[],[{{{float,a}}}]}]`, `{a,1}`, `{'EXIT'}`},
		{`[{#{k => '$1'},[],['$1']}]`, `#{k => v, j => 1}`, `v`},
		{`[{[a|'$1'],[],['$1']}]`, `"abc"`, `false`},
		{`[{[97|'$1'],[],['$1']}]`, `"abc"`, `"bc"`},
		{`[{'_',[],[{self}]}]`, `x`, `self`},
	}
	for _, c := range cases {
		got, ok := run(t, c.spec, c.obj)
		if c.want == "false" {
			assert.False(t, ok, c.spec)
			continue
		}
		require.True(t, ok, c.spec)
		want := mustParse(t, c.want)
		if c.want == "self" {
			want = testSelf
		}
		assert.True(t, term.Exact(want, got), "%s on %s: got %s want %s", c.spec, c.obj, term.Write(got), c.want)
	}
}

func TestCompileErrors(t *testing.T) {
	for spec, msg := range map[string]string{
		`[{{'$1'},[],['$3']}]`:        "Variable $3 is unbound.",
		`[{{'$1'},[],[{foo,'$1'}]}]`:  "Function foo/1 does_not_exist.",
		`[{{'$1'},[],[{message,a}]}]`: "Special form 'message' used in wrong dialect.",
		`[{{'$1'},[],[]}]`:            "Body clause does not return anything.",
		`{a}`:                         "Match programs are not in a list.",
		`[{{'$1'},[],[x]}|x]`:         "Match programs are not in a proper list.",
		`[{a,b}]`:                     "Match program part is not a tuple of arity 3.",
		`[{#{'$1' => a},[],[x]}]`:     "Variable found in map key.",
		`[{{'$1'},[],[{'$1'}]}]`:      "{'$1'} is neither a function call, nor a tuple (tuples are written {{ ... }}).",
		`[{{'$1'},[],[{get_tcw}]}]`:   "Function get_tcw/0 cannot be called in this context.",
	} {
		_, err := Compile(mustParse(t, spec))
		require.Error(t, err, spec)
		assert.True(t, errors.Is(err, term.ErrBadarg))
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, msg, e.Msg, spec)
	}
}

func TestKey(t *testing.T) {
	s, err := Compile(mustParse(t, `[{{a,'$1'},[],['$_']},{{a,'_'},[],[x]}]`))
	require.NoError(t, err)
	k, ok := s.Key(1)
	require.True(t, ok)
	assert.Equal(t, term.Atom("a"), k)
	_, ok = s.Key(2)
	assert.False(t, ok)
}

func TestPattern(t *testing.T) {
	p, err := CompilePattern(mustParse(t, `{'$2','$1'}`))
	require.NoError(t, err)
	b, ok := p.Match(mustParse(t, `{a,1}`))
	require.True(t, ok)
	assert.Equal(t, []term.Term{1, term.Atom("a")}, b)
}

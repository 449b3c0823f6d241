package matchspec

import (
	"path/filepath"
	"testing"

	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The golden files are recorded from a real erl by testdata/gen.escript
// (run testdata/record.sh) from the cases in testdata/*.txt.

func readGolden(t *testing.T, name string) []term.Tuple {
	t.Helper()
	terms, err := term.ConsultFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	require.NotEmpty(t, terms)
	out := make([]term.Tuple, len(terms))
	for i, x := range terms {
		tp, ok := x.(term.Tuple)
		require.True(t, ok && len(tp) == 3, "bad golden line %s", term.Write(x))
		out[i] = tp
	}
	return out
}

// selfAtom replaces the pid self() evaluated to by 'SELF', as the golden
// files write it.
func selfAtom(t term.Term) term.Term {
	switch v := t.(type) {
	case term.Pid:
		if v == testSelf {
			return term.Atom("SELF")
		}
	case term.Tuple:
		out := make(term.Tuple, len(v))
		for i, e := range v {
			out[i] = selfAtom(e)
		}
		return out
	case term.List:
		out := make(term.List, len(v))
		for i, e := range v {
			out[i] = selfAtom(e)
		}
		return out
	case term.ImproperList:
		elems := make([]term.Term, len(v.Elems))
		for i, e := range v.Elems {
			elems[i] = selfAtom(e)
		}
		return term.Cons(selfAtom(v.Tail), elems...)
	case term.Map:
		var es []term.MapEntry
		for k, x := range v.All() {
			es = append(es, term.MapEntry{Key: selfAtom(k), Value: selfAtom(x)})
		}
		return term.NewMap(es...)
	}
	return t
}

func TestGoldenSelect(t *testing.T) {
	for _, c := range readGolden(t, "select.golden") {
		spec, obj, want := c[0], c[1], c[2]
		name := term.Write(spec) + " on " + term.Write(obj)
		s, err := Compile(spec)
		if term.Exact(spec, term.List{}) {
			// erlang:match_spec_test/3 rejects [], but ets:select
			// accepts it and returns []: Compile follows ets:select.
			require.NoError(t, err)
			_, ok := s.Run(obj, testSelf)
			assert.False(t, ok)
			continue
		}
		wt, _ := want.(term.Tuple)
		if want == term.Atom("nomatch") || wt[0] != term.Atom("error") {
			if !assert.NoError(t, err, name) {
				continue
			}
		}
		switch {
		case want == term.Atom("nomatch"):
			got, ok := s.Run(obj, testSelf)
			assert.False(t, ok, "%s: got %s", name, term.Write(got))
		case wt[0] == term.Atom("match"):
			got, ok := s.Run(obj, testSelf)
			if assert.True(t, ok, name) {
				assert.True(t, term.Exact(wt[1], selfAtom(got)), "%s: got %s, want %s", name, term.Write(got), term.Write(wt[1]))
			}
		default:
			var e *Error
			if assert.ErrorAs(t, err, &e, name) {
				var msgs []string
				for _, m := range wt[1].(term.List) {
					msgs = append(msgs, erlString(m))
				}
				assert.Equal(t, msgs[0], e.Msg, name)
			}
		}
	}
}

func erlString(t term.Term) string {
	switch v := t.(type) {
	case string:
		return v
	case term.List:
		r := make([]rune, len(v))
		for i, c := range v {
			r[i] = rune(c.(int))
		}
		return string(r)
	}
	return term.Write(t)
}

func TestGoldenMatch(t *testing.T) {
	for _, c := range readGolden(t, "match.golden") {
		pat, obj, want := c[0], c[1], c[2]
		name := term.Write(pat) + " on " + term.Write(obj)
		p, err := CompilePattern(pat)
		if want == term.Atom("error") {
			assert.ErrorIs(t, err, term.ErrBadarg, name)
			continue
		}
		require.NoError(t, err, name)
		b, ok := p.Match(obj)
		assert.Equal(t, ok, p.Matches(obj), name)
		if want == term.Atom("nomatch") {
			assert.False(t, ok, name)
			continue
		}
		if assert.True(t, ok, name) {
			wantB := want.(term.Tuple)[1]
			assert.True(t, term.Exact(wantB, term.List(b)), "%s: got %s, want %s", name, term.Write(term.List(b)), term.Write(wantB))
		}
	}
}

func TestGoldenKeepsKey(t *testing.T) {
	for _, c := range readGolden(t, "replace.golden") {
		keypos, spec, want := c[0].(int), c[1], c[2]
		name := term.Write(spec)
		s, err := Compile(spec)
		if err != nil {
			// ets:select_replace raises badarg for an invalid spec too.
			assert.Equal(t, term.Atom("badarg"), want, "%s: %v", name, err)
			continue
		}
		assert.Equal(t, want == term.Atom("ok"), s.KeepsKey(keypos), "%s at %d", name, keypos)
	}
}

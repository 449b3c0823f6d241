package matchspec

import (
	"strings"
	"sync"
	"testing"

	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func compile(t *testing.T, text string) *Spec {
	t.Helper()
	s, err := Compile(mustParse(t, text))
	require.NoError(t, err, text)
	return s
}

func TestKeyCases(t *testing.T) {
	cases := []struct {
		spec   string
		keypos int
		want   string // "" for none
	}{
		{`[{{a,'$1'},[],['$_']}]`, 1, `a`},
		{`[{{a,'$1'},[],['$_']}]`, 2, ``},
		{`[{{a,'$1'},[],['$_']}]`, 3, ``},
		{`[{{a,'$1'},[],['$_']}]`, 0, ``},
		{`[{{{a,[b]},'$1'},[],['$_']}]`, 1, `{a,[b]}`},
		{`[{{{a,'_'},'$1'},[],['$_']}]`, 1, ``},
		{`[{{{a,'$2'},'$1'},[],['$_']}]`, 1, ``},
		{`[{{a,'$1'},[],['$_']}, {{a,b},[],[x]}]`, 1, `a`},
		{`[{{a,'$1'},[],['$_']}, {{b,'$1'},[],[x]}]`, 1, ``},
		{`[{{1,'$1'},[],['$_']}, {{1.0,'$1'},[],[x]}]`, 1, ``},
		{`[{{a,'$1'},[],['$_']}, {'_',[],[x]}]`, 1, ``},
		{`[{'_',[],['$_']}]`, 1, ``},
		{`[{'$1',[],['$_']}]`, 1, ``},
		{`[{{'$_',x},[],['$_']}]`, 1, `'$_'`},
		{`[{{#{a => 1},x},[],['$_']}]`, 1, `#{a => 1}`},
		{`[{{#{a => '_'},x},[],['$_']}]`, 1, ``},
		{`[{[a,b],[],['$_']}]`, 1, ``},
		{`[]`, 1, ``},
	}
	for _, c := range cases {
		k, ok := compile(t, c.spec).Key(c.keypos)
		if c.want == "" {
			assert.False(t, ok, "%s at %d: got %s", c.spec, c.keypos, term.Write(k))
			continue
		}
		if assert.True(t, ok, "%s at %d", c.spec, c.keypos) {
			assert.True(t, term.Exact(mustParse(t, c.want), k), "%s at %d: got %s", c.spec, c.keypos, term.Write(k))
		}
	}
}

func TestPatternKey(t *testing.T) {
	p, err := CompilePattern(mustParse(t, `{k,'$1','_'}`))
	require.NoError(t, err)
	k, ok := p.Key(1)
	assert.True(t, ok)
	assert.Equal(t, term.Atom("k"), k)
	_, ok = p.Key(2)
	assert.False(t, ok)
	_, ok = p.Key(4)
	assert.False(t, ok)
}

// termer is a Go value that stands for a tagged tuple.
type termer struct {
	Name string
	N    int64
}

func (r termer) Term() term.Term { return term.Tuple{term.Atom("rec"), term.Atom(r.Name), r.N} }

func TestGoForms(t *testing.T) {
	// A spec written with Go forms of terms: bool, int64, []byte, a Termer.
	ms := term.List{term.Tuple{
		term.Tuple{term.Atom("$1"), true, int64(7), []byte("b"), termer{"x", 1}},
		term.List{term.Tuple{term.Atom("=:="), term.Atom("$1"), uint8(3)}},
		term.List{term.Tuple{term.Atom("+"), term.Atom("$1"), int32(1)}},
	}}
	s, err := Compile(ms)
	require.NoError(t, err)
	obj := term.Tuple{3, term.True, 7, term.Binary("b"), term.Tuple{term.Atom("rec"), term.Atom("x"), 1}}
	v, ok := s.Run(obj, testSelf)
	require.True(t, ok)
	assert.Equal(t, 4, v)

	// Objects in Go forms.
	s = compile(t, `[{{rec,'$1','$2'},[{is_integer,'$2'},{'>','$2',0}],[{{'$1',{'*','$2',2}}}]}]`)
	v, ok = s.Run(termer{"y", 21}, testSelf)
	require.True(t, ok)
	assert.True(t, term.Exact(term.Tuple{term.Atom("y"), 42}, v), term.Write(v))

	_, err = Compile(mustParse(t, `[{{'$1',true},[{'$1'}],[ok]}]`))
	require.Error(t, err)
	s = compile(t, `[{{'$1',true},['$1'],[ok]}]`)
	_, ok = s.Run(term.Tuple{true, true}, testSelf)
	assert.True(t, ok)
	_, ok = s.Run(term.Tuple{int64(1), true}, testSelf)
	assert.False(t, ok)

	_, err = Compile(term.List{term.Tuple{struct{}{}, term.List{}, term.List{1}}})
	assert.ErrorIs(t, err, term.ErrBadarg)
}

func TestListHeads(t *testing.T) {
	s := compile(t, `[{{'$1',[$a,'$2'|'$3']},[],['$$']}]`)
	for obj, want := range map[string]string{
		`{x,"abc"}`:      `[x,$b,"c"]`,
		`{x,"ab"}`:       `[x,$b,[]]`,
		`{x,"a"}`:        ``,
		`{x,[$a,1|2]}`:   `[x,1,2]`,
		`{x,[$a,1,2|3]}`: `[x,1,[2|3]]`,
		`{x,[$a|1]}`:     ``,
		`{x,"bc"}`:       ``,
	} {
		v, ok := s.Run(mustParse(t, obj), testSelf)
		if want == "" {
			assert.False(t, ok, obj)
			continue
		}
		if assert.True(t, ok, obj) {
			assert.True(t, term.Exact(mustParse(t, want), v), "%s: got %s", obj, term.Write(v))
		}
	}
	// A string in the object is matched character by character.
	s = compile(t, `[{{"é",'$1'},[],['$1']}, {{[$é|'_'],'$1'},[],['$1']}]`)
	v, ok := s.Run(term.Tuple{"é", 1}, testSelf)
	require.True(t, ok)
	assert.Equal(t, 1, v)
	v, ok = s.Run(term.Tuple{term.List{233, 1}, 2}, testSelf)
	require.True(t, ok)
	assert.Equal(t, 2, v)
}

func TestBodyVariables(t *testing.T) {
	s := compile(t, `[{{'$3','$1','$2'},[],[['$$','$_',{{'$3'}}]]}]`)
	v, ok := s.Run(mustParse(t, `{c,a,b}`), testSelf)
	require.True(t, ok)
	assert.True(t, term.Exact(mustParse(t, `[[a,b,c],{c,a,b},{c}]`), v), term.Write(v))
}

func TestSelfAndNode(t *testing.T) {
	s := compile(t, `[{'_',[],[{{{self},{node},{node,{self}}}}]}]`)
	pid := term.Pid{Node: "n@h", ID: 5}
	v, ok := s.Run(term.Tuple{}, pid)
	require.True(t, ok)
	assert.Equal(t, term.Tuple{pid, term.Atom("n@h"), term.Atom("n@h")}, v)
	v, ok = s.Run(term.Tuple{}, term.Pid{})
	require.True(t, ok)
	assert.Equal(t, term.Atom("nonode@nohost"), v.(term.Tuple)[1])
}

func TestNoAllocationOnMiss(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items at random under the race detector")
	}
	s := compile(t, `[{{'$1','$1',x},[],['$_']}, {{'$1',[y|'$2']},[{'>','$1',3}],['$2']}]`)
	p, err := CompilePattern(mustParse(t, `{'$1','$1',x}`))
	require.NoError(t, err)
	objs := []term.Term{
		term.Tuple{term.Atom("a"), term.Atom("b"), term.Atom("x")},
		term.Tuple{term.Atom("a"), term.Atom("a"), term.Atom("y")},
		term.Tuple{1, term.List{term.Atom("z")}},
		term.Tuple{1, term.List{term.Atom("y")}}, // the head matches, the guard does not
		term.Atom("a"),
	}
	for _, o := range objs {
		allocs := testing.AllocsPerRun(100, func() {
			if _, ok := s.Run(o, testSelf); ok {
				t.Fatal("unexpected match")
			}
			if _, ok := p.Match(o); ok {
				t.Fatal("unexpected match")
			}
			if p.Matches(o) {
				t.Fatal("unexpected match")
			}
		})
		assert.Zero(t, allocs, term.Write(o))
	}
}

func TestConcurrentRuns(t *testing.T) {
	s := compile(t, `[{{'$1','$2'},[{is_integer,'$2'}],[{{'$2','$1'}}]}]`)
	p, err := CompilePattern(mustParse(t, `{'$2','$1'}`))
	require.NoError(t, err)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 1000 {
				n := g*1000 + i
				v, ok := s.Run(term.Tuple{term.Atom("k"), n}, testSelf)
				if !ok || !term.Exact(v, term.Tuple{n, term.Atom("k")}) {
					t.Errorf("run %d: %v", n, v)
					return
				}
				b, ok := p.Match(term.Tuple{n, term.Atom("k")})
				if !ok || b[0] != term.Atom("k") || b[1] != n {
					t.Errorf("match %d: %v", n, b)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestDeepSpec(t *testing.T) {
	var deep term.Term = term.Atom("$1")
	for range maxNesting + 10 {
		deep = term.Tuple{deep}
	}
	_, err := Compile(term.List{term.Tuple{deep, term.List{}, term.List{1}}})
	require.ErrorIs(t, err, term.ErrBadarg)
	assert.True(t, strings.Contains(err.Error(), "nested"))

	// Within the limit, deep heads and bodies work.
	deep = term.Atom("$1")
	for range 1000 {
		deep = term.Tuple{deep}
	}
	s, err := Compile(term.List{term.Tuple{deep, term.List{}, term.List{term.Atom("$1")}}})
	require.NoError(t, err)
	obj := term.Term(term.Atom("x"))
	for range 1000 {
		obj = term.Tuple{obj}
	}
	v, ok := s.Run(obj, testSelf)
	require.True(t, ok)
	assert.Equal(t, term.Atom("x"), v)
}

func TestErrorWrapsBadarg(t *testing.T) {
	_, err := CompilePattern(mustParse(t, `{#{'$1' => 1}}`))
	require.ErrorIs(t, err, term.ErrBadarg)
	assert.Equal(t, "badarg: Variable found in map key.", err.Error())
}

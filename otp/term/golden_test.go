package term

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/stretchr/testify/require"
)

// A goldenCase is one case recorded by testdata/gen.escript from a real erl.
type goldenCase struct {
	N   int
	In  string
	Out map[string]string // output name -> recorded text
}

// readGolden reads testdata/KIND.golden, in case order.
func readGolden(t testing.TB, kind string) []goldenCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", kind+".golden"))
	require.NoError(t, err)
	ar := txtar.Parse(data)
	var cases []goldenCase
	for _, f := range ar.Files {
		num, name, ok := strings.Cut(f.Name, ".")
		require.True(t, ok, "bad golden file name %q", f.Name)
		n, err := strconv.Atoi(num)
		require.NoError(t, err)
		text := strings.TrimSuffix(string(f.Data), "\n")
		if len(cases) == 0 || cases[len(cases)-1].N != n {
			cases = append(cases, goldenCase{N: n, Out: map[string]string{}})
		}
		c := &cases[len(cases)-1]
		if name == "in" {
			c.In = text
		} else {
			c.Out[name] = text
		}
	}
	require.NotEmpty(t, cases, "no cases in %s.golden", kind)
	return cases
}

// The case files use a few calls that make what term text cannot write;
// caseTerm turns them into placeholder atoms, parses, and puts the values in.
var caseCalls = regexp.MustCompile(`list_to_(pid|ref|port)\("([^"]*)"\)`)

// caseTerm builds the term a case line stands for.
func caseTerm(t testing.TB, line string) Term {
	t.Helper()
	values := map[Atom]Term{}
	text := caseCalls.ReplaceAllStringFunc(line, func(call string) string {
		m := caseCalls.FindStringSubmatch(call)
		name := Atom("$case" + strconv.Itoa(len(values)))
		values[name] = opaqueFromText(t, m[1], m[2])
		return "'" + string(name) + "'"
	})
	v, err := Parse(text)
	require.NoError(t, err, "case %s", line)
	if len(values) == 0 {
		return v
	}
	return replaceAtoms(v, values)
}

func opaqueFromText(t testing.TB, kind, text string) Term {
	nums := regexp.MustCompile(`\d+`).FindAllString(text, -1)
	var ns []uint64
	for _, s := range nums {
		n, err := strconv.ParseUint(s, 10, 64)
		require.NoError(t, err)
		ns = append(ns, n)
	}
	switch kind {
	case "pid":
		require.Len(t, ns, 3)
		return Pid{Node: "nonode@nohost", ID: uint32(ns[1]), Serial: uint32(ns[2])}
	case "port":
		require.Len(t, ns, 2)
		return Port{Node: "nonode@nohost", ID: ns[1]}
	}
	r := Ref{Node: "nonode@nohost", N: uint8(len(ns) - 1)}
	for i, n := range ns[1:] {
		r.ID[len(ns)-2-i] = uint32(n)
	}
	return r
}

func replaceAtoms(v Term, values map[Atom]Term) Term {
	switch x := v.(type) {
	case Atom:
		if r, ok := values[x]; ok {
			return r
		}
	case Tuple:
		out := make(Tuple, len(x))
		for i, e := range x {
			out[i] = replaceAtoms(e, values)
		}
		return out
	case List:
		out := make(List, len(x))
		for i, e := range x {
			out[i] = replaceAtoms(e, values)
		}
		return out
	case ImproperList:
		return Cons(replaceAtoms(x.Tail, values), replaceAtoms(List(x.Elems), values).(List)...)
	case Map:
		es := x.Entries()
		for i := range es {
			es[i] = MapEntry{replaceAtoms(es[i].Key, values), replaceAtoms(es[i].Value, values)}
		}
		return NewMap(es...)
	}
	return v
}

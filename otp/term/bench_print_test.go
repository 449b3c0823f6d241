package term

import (
	"fmt"
	"testing"
)

// benchChildren is how many child specifications the benchmark terms hold.
const benchChildren = 8

// benchPrintTerm is a medium-sized nested term, a supervisor's init result
// with its child specifications, which ~p lays out over several lines.
func benchPrintTerm() Term {
	children := make(List, benchChildren)
	for i := range children {
		mod := Atom(fmt.Sprintf("worker_%d", i))
		children[i] = Tuple{mod,
			Tuple{mod, Atom("start_link"), List{"config name", i, []byte("secret")}},
			Atom("permanent"), 5000, Atom("worker"), List{mod}}
	}
	return Tuple{Atom("ok"), Tuple{Tuple{Atom("one_for_one"), 5, 10}, children}}
}

// The same data as plain Go values, for the fmt baseline.
type benchChildSpec struct {
	ID       string
	Start    benchMFA
	Restart  string
	Shutdown int
	Type     string
	Modules  []string
}

type benchMFA struct {
	Module, Function string
	Args             []any
}

type benchSupSpec struct {
	Strategy          string
	Intensity, Period int
	Children          []benchChildSpec
}

func benchGoValue() benchSupSpec {
	spec := benchSupSpec{Strategy: "one_for_one", Intensity: 5, Period: 10}
	for i := range benchChildren {
		mod := fmt.Sprintf("worker_%d", i)
		spec.Children = append(spec.Children, benchChildSpec{
			ID:       mod,
			Start:    benchMFA{mod, "start_link", []any{"config name", i, []byte("secret")}},
			Restart:  "permanent",
			Shutdown: 5000,
			Type:     "worker",
			Modules:  []string{mod},
		})
	}
	return spec
}

// BenchmarkFormat prints the term as ~p does.
func BenchmarkFormat(b *testing.B) {
	t := benchPrintTerm()
	b.ReportAllocs()
	b.SetBytes(int64(len(Print(t))))
	for b.Loop() {
		Print(t)
	}
}

// BenchmarkBaselineFmtSprintf prints comparable Go data with %v, which
// neither quotes nor lays out: the cost of plain Go printing.
func BenchmarkBaselineFmtSprintf(b *testing.B) {
	v := benchGoValue()
	b.ReportAllocs()
	b.SetBytes(int64(len(fmt.Sprintf("%v", v))))
	for b.Loop() {
		_ = fmt.Sprintf("%v", v)
	}
}

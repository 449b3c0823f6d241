package matchspec

import (
	"testing"

	"github.com/scalability-go/otpbook/otp/term"
)

// The benchmarks run [{{'$1', '$2', '_'}, [{'>', '$2', 10}], [{{'$2', '$1'}}]}]
// on an object that matches and on one whose head does not, beside a Go
// function that does the same by hand (the floor for the same work).

var benchSpec = term.List{term.Tuple{
	term.Tuple{term.Atom("$1"), term.Atom("$2"), term.Atom("_")},
	term.List{term.Tuple{term.Atom(">"), term.Atom("$2"), 10}},
	term.List{term.Tuple{term.Tuple{term.Atom("$2"), term.Atom("$1")}}},
}}

var (
	benchMatch   term.Term = term.Tuple{term.Atom("key"), 42, term.Atom("x")}
	benchNoMatch term.Term = term.Tuple{term.Atom("key"), 42}
	benchSink    term.Term
)

func handWritten(obj term.Term) (term.Term, bool) {
	tp, ok := obj.(term.Tuple)
	if !ok || len(tp) != 3 {
		return nil, false
	}
	if term.Compare(tp[1], 10) <= 0 {
		return nil, false
	}
	return term.Tuple{tp[1], tp[0]}, true
}

func benchRun(b *testing.B, obj term.Term, want bool) {
	s, err := Compile(benchSpec)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		v, ok := s.Run(obj, testSelf)
		if ok != want {
			b.Fatal("unexpected result")
		}
		benchSink = v
	}
}

func BenchmarkRunMatch(b *testing.B)   { benchRun(b, benchMatch, true) }
func BenchmarkRunNoMatch(b *testing.B) { benchRun(b, benchNoMatch, false) }

func benchHand(b *testing.B, obj term.Term, want bool) {
	b.ReportAllocs()
	for b.Loop() {
		v, ok := handWritten(obj)
		if ok != want {
			b.Fatal("unexpected result")
		}
		benchSink = v
	}
}

func BenchmarkHandMatch(b *testing.B)   { benchHand(b, benchMatch, true) }
func BenchmarkHandNoMatch(b *testing.B) { benchHand(b, benchNoMatch, false) }

// A head with a literal key that rejects the object: the commonest case
// of a select that scans a table.
func BenchmarkRunLiteralMiss(b *testing.B) {
	s, err := Compile(term.List{term.Tuple{
		term.Tuple{term.Atom("other"), term.Atom("$1"), term.Atom("_")},
		term.List{},
		term.List{term.Atom("$1")},
	}})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := s.Run(benchMatch, testSelf); ok {
			b.Fatal("unexpected match")
		}
	}
}

func BenchmarkPatternMatch(b *testing.B) {
	p, err := CompilePattern(term.Tuple{term.Atom("$2"), term.Atom("$1"), term.Atom("_")})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		v, ok := p.Match(benchMatch)
		if !ok {
			b.Fatal("no match")
		}
		benchSink = v
	}
}

func BenchmarkPatternMatches(b *testing.B) {
	p, err := CompilePattern(term.Tuple{term.Atom("$1"), term.Atom("$1"), term.Atom("_")})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if p.Matches(benchMatch) {
			b.Fatal("unexpected match")
		}
	}
}

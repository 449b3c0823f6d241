package term

import (
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// genTerm makes a random term of every type that has a text form (pids,
// references, ports and local funs have none: erl cannot read them back
// either).
func genTerm(r *rand.Rand, depth int) Term {
	n := 12
	if depth <= 0 {
		n = 8 // leaves only
	}
	switch r.IntN(n) {
	case 0:
		return r.IntN(2000) - 1000
	case 1:
		b := new(big.Int).Lsh(big.NewInt(1), uint(64+r.IntN(100)))
		b.Add(b, big.NewInt(r.Int64()))
		if r.IntN(2) == 0 {
			b.Neg(b)
		}
		return NormInt(b)
	case 2:
		for {
			f := math.Float64frombits(r.Uint64())
			if !isNaNOrInf(f) {
				return f
			}
		}
	case 3:
		return []float64{0.1, -0.0, 1.0e10, 3.14, 1.0e-5, 5.0e-324}[r.IntN(6)]
	case 4:
		return Atom(genText(r, 6))
	case 5:
		return genText(r, 12) // a string
	case 6:
		b := make(Binary, r.IntN(6))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		if r.IntN(3) == 0 {
			return NewBitString(append(b, byte(r.IntN(256))), len(b)*8+1+r.IntN(7))
		}
		return b
	case 7:
		return ExportFun{Module: Atom(genText(r, 4)), Function: Atom(genText(r, 4)), Arity: r.IntN(256)}
	case 8:
		t := make(Tuple, r.IntN(4))
		for i := range t {
			t[i] = genTerm(r, depth-1)
		}
		return t
	case 9:
		l := make(List, r.IntN(4))
		for i := range l {
			l[i] = genTerm(r, depth-1)
		}
		return l
	case 10:
		elems := make([]Term, 1+r.IntN(3))
		for i := range elems {
			elems[i] = genTerm(r, depth-1)
		}
		tail := genTerm(r, depth-1)
		return Cons(tail, elems...)
	default:
		es := make([]MapEntry, r.IntN(4))
		for i := range es {
			es[i] = MapEntry{genTerm(r, depth-1), genTerm(r, depth-1)}
		}
		return NewMap(es...)
	}
}

// genText makes text that exercises quoting and escapes.
func genText(r *rand.Rand, max int) string {
	alphabet := []rune("abcxyzAZ_@09 '\"\\\n\t\x01\x7féßÿ×÷\u0100\u263a\U0001F600.%$")
	var b strings.Builder
	for range r.IntN(max + 1) {
		b.WriteRune(alphabet[r.IntN(len(alphabet))])
	}
	return b.String()
}

// TestRoundTrip checks Parse(Write(t)) and Parse(Print(t)) give back t,
// for every term type, on generated terms.
func TestRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		v := genTerm(r, 4)
		for _, form := range []struct {
			name string
			text string
		}{
			{"~w", Write(v)},
			{"~p", Print(v)},
			{"~tp", Pretty(v, PrintOptions{Unicode: true})},
			{"~tw", string(AppendWrite(nil, v, -1, true))},
		} {
			back, err := Parse(form.text)
			require.NoError(t, err, "term %d printed with %s as %s", i, form.name, form.text)
			require.True(t, Exact(v, back), "term %d printed with %s as %s read back as %s", i, form.name, form.text, Write(back))
		}
	}
}

// FuzzParse checks that no text makes the reader panic or hang, and that
// whatever it reads prints as text it reads back to the same term.
func FuzzParse(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "parse.txt"))
	require.NoError(f, err)
	for _, line := range strings.Split(string(data), "\n") {
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, text string) {
		v, err := Parse(text)
		if err != nil {
			return
		}
		back, err := Parse(Write(v))
		require.NoError(t, err, "reading back %s", Write(v))
		require.True(t, Exact(v, back), "%q read as %s, back as %s", text, Write(v), Write(back))
		back, err = Parse(Print(v))
		require.NoError(t, err, "reading back %s", Print(v))
		require.True(t, Exact(v, back))
	})
}

package term

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFormatGolden compares FormatTerms with what io_lib:format/2 returned
// in erl for the cases of testdata/format.txt (testdata/format.golden).
func TestFormatGolden(t *testing.T) {
	for _, c := range readGolden(t, "format") {
		t.Run(fmt.Sprint(c.N), func(t *testing.T) {
			v, ok := caseTerm(t, c.In).(Tuple)
			require.True(t, ok && len(v) == 2, "case %s is not {Format, Args}", c.In)
			got, err := FormatTerms(v[0], v[1])
			want := c.Out["out"]
			if want == "badarg" {
				assert.ErrorIs(t, err, ErrBadarg, "io_lib:format%s gave %q", c.In, got)
				return
			}
			require.NoError(t, err, "io_lib:format%s", c.In)
			assert.Equal(t, strings.TrimPrefix(want, "="), got, "io_lib:format%s", c.In)
		})
	}
}

func TestFormatGoValues(t *testing.T) {
	big1 := new(big.Int).Lsh(big.NewInt(1), 70)
	for _, c := range []struct {
		format string
		args   []Term
		want   string
	}{
		{"~p", []Term{int8(-5)}, "-5"},
		{"~w", []Term{uint64(math.MaxUint64)}, "18446744073709551615"},
		{"~B", []Term{big1}, "1180591620717411303424"},
		{"~.16#", []Term{big1}, "16#400000000000000000"},
		{"~.16+", []Term{int64(math.MinInt64)}, "-16#8000000000000000"},
		{"~c", []Term{int64(-1)}, "ÿ"},
		{"~c", []Term{new(big.Int).Neg(big1)}, "\x00"},
		{"~s", []Term{[]byte("bytes")}, "bytes"},
		{"~s", []Term{Binary("bin")}, "bin"},
		{"~s|~s", []Term{true, Atom("ok")}, "true|ok"},
		{"~w", []Term{false}, "false"},
		{"~f", []Term{float32(0.5)}, "0.500000"},
		{"~s", []Term{List{'a', List{"bc"}, Binary("d")}}, "abcd"},
		{"~ts", []Term{"жук"}, "жук"},
		{"~-6ts|", []Term{"жук"}, "жук   |"},
		{"~w", []Term{Tuple{Atom("a"), "b", 1.5}}, `{a,[98],1.5}`},
		{"~p", []Term{Tuple{Atom("a"), "b", 1.5}}, `{a,"b",1.5}`},
		{"~s ~*c", []Term{"x", 3, 'y'}, "x yyy"},
		{"~.*.*c|", []Term{3, int32('-'), 'y'}, "yyy|"},
		{"bad utf8 \xff", nil, "bad utf8 \uFFFD"},
		{"~s", []Term{"bad utf8 \xff"}, ""}, // U+FFFD is above 255: badarg
	} {
		got, err := Format(c.format, c.args...)
		if c.want == "" {
			assert.ErrorIs(t, err, ErrBadarg, "Format(%q, %v)", c.format, c.args)
			continue
		}
		if assert.NoError(t, err, "Format(%q, %v)", c.format, c.args) {
			assert.Equal(t, c.want, got, "Format(%q, %v)", c.format, c.args)
		}
	}
}

func TestFormatErrors(t *testing.T) {
	for _, c := range []struct {
		format string
		args   []Term
		reason string // a part of the message
	}{
		{"~p", nil, "too few arguments"},
		{"~p", []Term{1, 2}, "left over"},
		{"~d", []Term{1}, "unknown control sequence ~d"},
		{"~s", []Term{Tuple{}}, "not a string"},
		{"~s", []Term{"\u20ac"}, "use ~ts"},
		{"~c", []Term{1.5}, "needs an integer"},
		{"~tc", []Term{-1}, "not a Unicode code point"},
		{"~tc", []Term{0xD800}, "not a Unicode code point"},
		{"~.37B", []Term{5}, "base 37"},
		{"~f", []Term{1}, "needs a float"},
		{"~f", []Term{math.Inf(1)}, "needs a float"},
		{"~.1e", []Term{1.0}, "precision 1"},
		{"~-5p", []Term{1}, "left-adjusted"},
		{"~-5n", nil, "left-adjusted"},
		{"~2.5c", []Term{'x'}, "larger than the field"},
		{"~.*c", []Term{-1, 'x'}, "negative precision"},
		{"~.*w", []Term{-1, 'x'}, "negative precision"},
		{"~5.1.*c", []Term{Atom("pad"), 'x'}, "pad character"},
		{"~5.1.*c", []Term{-7, 'x'}, "pad character"},
		{"~5", nil, "ends inside"},
		{"~*c", []Term{Atom("w"), 'x'}, "integer argument"},
		{"~x", []Term{1, 2}, "prefix"},
	} {
		out, err := Format(c.format, c.args...)
		require.Error(t, err, "Format(%q, %v) = %q", c.format, c.args, out)
		assert.True(t, errors.Is(err, ErrBadarg), "%v does not wrap ErrBadarg", err)
		assert.Contains(t, err.Error(), c.reason)
		assert.Empty(t, out)
	}
}

// TestFormatLimits checks the documented caps on field widths and padding.
func TestFormatLimits(t *testing.T) {
	for _, format := range []string{"~999999999c", "~.999999999f", "~99999999999999999999999s", "~-65537s"} {
		_, err := Format(format, 1.0)
		assert.ErrorIs(t, err, ErrBadarg, format)
		assert.ErrorContains(t, err, "limit", format)
	}
	_, err := Format("~*c", new(big.Int).Lsh(big.NewInt(1), 80), 'x')
	assert.ErrorContains(t, err, "limit")
	_, err = Format("~*c", MaxFieldWidth+1, 'x')
	assert.ErrorContains(t, err, "limit")

	// One field at the limit is fine; the padding of a call is bounded.
	s, err := Format("~*c", MaxFieldWidth, 'x')
	require.NoError(t, err)
	assert.Len(t, s, MaxFieldWidth)
	_, err = Format(strings.Repeat("~65536c", MaxPadding/MaxFieldWidth), repeatTerm('x', MaxPadding/MaxFieldWidth)...)
	assert.NoError(t, err)
	_, err = Format(strings.Repeat("~65536c", MaxPadding/MaxFieldWidth+1), repeatTerm('x', MaxPadding/MaxFieldWidth+1)...)
	assert.ErrorContains(t, err, "padding exceeds")
	_, err = Format("~.65536f~.65536e", 1.0, 1.0)
	assert.NoError(t, err)
}

func repeatTerm(t Term, n int) []Term {
	out := make([]Term, n)
	for i := range out {
		out[i] = t
	}
	return out
}

func TestAppendFormat(t *testing.T) {
	dst := []byte("log: ")
	out, err := AppendFormat(dst, "~s=~B~n", "n", 42)
	require.NoError(t, err)
	assert.Equal(t, "log: n=42\n", string(out))

	out, err = AppendFormat(dst, "~s=~B~n", "n", "not an integer")
	assert.ErrorIs(t, err, ErrBadarg)
	assert.Equal(t, "log: ", string(out))

	// The column of ~p counts from the start of this call's output only.
	long := make(List, 30)
	for i := range long {
		long[i] = Atom("element")
	}
	alone, err := Format("~p", long)
	require.NoError(t, err)
	out, err = AppendFormat([]byte("a long prefix that is not counted: "), "~p", long)
	require.NoError(t, err)
	assert.Equal(t, "a long prefix that is not counted: "+alone, string(out))
}

func TestMustFormat(t *testing.T) {
	assert.Equal(t, "ok", MustFormat("~w", OK))
	assert.Panics(t, func() { MustFormat("~w") })
}

func TestFormatTerms(t *testing.T) {
	for _, c := range []struct {
		format, args Term
		want         string
	}{
		{"~w", List{1}, "1"},
		{List{'~', 'w', ' ', List{"~w"}}, List{1}, "1 ~w"},
		{Atom("~p"), List{Atom("a")}, "a"},
		{Binary("~s\xe9"), List{"x"}, "xé"},
		{"~c~c", "ab", "ab"}, // the arguments are the string "ab", [97,98]
		{"", List(nil), ""},
	} {
		got, err := FormatTerms(c.format, c.args)
		if assert.NoError(t, err, "FormatTerms(%v, %v)", c.format, c.args) {
			assert.Equal(t, c.want, got)
		}
	}
	for _, c := range []struct{ format, args Term }{
		{"~w", nil},                                   // not a list
		{"~w", Cons(Atom("b"), Atom("a"))},            // improper
		{"~w", Tuple{1}},                              // not a list
		{Tuple{}, List{}},                             // not a format
		{List{'~', Atom("w")}, List{1}},               // not a string
		{List{-1}, List{}},                            // not a character
		{List{List{'a', Atom("x")}}, List{}},          // not chardata
		{ImproperList{[]Term{'a'}, Binary("b")}, nil}, // not a string
	} {
		_, err := FormatTerms(c.format, c.args)
		assert.ErrorIs(t, err, ErrBadarg, "FormatTerms(%v, %v)", c.format, c.args)
	}
}

func TestGraphemes(t *testing.T) {
	for _, c := range []struct {
		text string
		n    int
	}{
		{"", 0},
		{"abc", 3},
		{"\r\n", 1},
		{"\n\r", 2},
		{"e\u0301\u0302x", 2},
		{"\U0001F468\u200D\U0001F469\u200D\U0001F467", 1},
		{"\U0001F600\u200D\u0301", 2}, // OTP: a mark after an emoji's joiner starts a cluster
		{"\U0001F600\u0903\u200D\U0001F600", 1},
		{"\U0001F1EB\U0001F1F7\U0001F1EB", 2},
		{"\u1100\u1161\u11A8", 1},
		{"\uAC00\u11A8\uAC01", 2},
		{"\u0600a", 1},
		{"\u0600\n", 2},
		{"\u0915\u094D\u0937", 2},
	} {
		assert.Equal(t, c.n, graphemeCount([]byte(c.text)), "%+q", c.text)
	}
}

// fuzzArgs are the arguments FuzzFormat picks from, one a byte of input.
var fuzzArgs = []Term{
	0, 1, -1, 'a', 255, 256, 0x1F600, -255, 36, 2,
	new(big.Int).Lsh(big.NewInt(1), 100), new(big.Int).Lsh(big.NewInt(-3), 90),
	3.14159, math.Copysign(0, -1), 0.0, 1e300, 5e-324, 123456.789, -0.5,
	Atom("foo"), Atom("hello world"), Atom("\u03b1\u03b2"), True,
	"abc", "\u03b1\u03b2\u03b3", "e\u0301x\r\n", "", "\u0600\U0001F468\u200D\U0001F469",
	Binary("abc"), Binary{0xff, 0xfe}, Binary("\u20ac"), BitString{Bytes: []byte{0xa0}, Bits: 3},
	List{'a', List{'b', Binary("c")}, List{}}, Cons(Binary("tail"), 'x'), Cons(2, 1),
	Tuple{Atom("ok"), List{1, 2, 3}}, MapOf(Atom("k"), "v", 1, 2.0),
	List{Atom("aaaaaaaaaa"), Atom("bbbbbbbbbb"), Atom("cccccccccc"), Atom("dddddddddd"),
		Atom("eeeeeeeeee"), Atom("ffffffffff"), Atom("gggggggggg"), Atom("hhhhhhhhhh")},
	Pid{Node: "nonode@nohost", ID: 80}, List{'\n', '\t'},
}

// fuzzArgIndex picks the entry of fuzzArgs most like the golden argument a.
func fuzzArgIndex(a Term) byte {
	switch {
	case IsInteger(a):
		return 3
	case KindOf(a) == KindNumber:
		return 12
	}
	switch KindOf(a) {
	case KindAtom:
		return 19
	case KindNil, KindList:
		return 23
	case KindBitString:
		return 28
	case KindTuple:
		return 35
	case KindMap:
		return 36
	}
	return 0
}

// FuzzFormat checks that no format and arguments make Format panic or hang,
// that it fails only with ErrBadarg, that it makes valid UTF-8, and that
// its output stays within the bound the limits promise: the format's text,
// MaxPadding characters, and for each argument its printed forms, which
// ~p may indent to a column of at most MaxFieldWidth on each line.
func FuzzFormat(f *testing.F) {
	for _, c := range readGolden(f, "format") {
		v, err := Parse(c.In)
		if err != nil {
			continue
		}
		tuple, ok := v.(Tuple)
		if !ok || len(tuple) != 2 {
			continue
		}
		format, ok := tuple[0].(string)
		args, ok2 := tuple[1].(List)
		if !ok || !ok2 {
			continue
		}
		sel := make([]byte, len(args))
		for i, a := range args {
			sel[i] = fuzzArgIndex(a)
		}
		f.Add(format, sel)
	}
	f.Fuzz(func(t *testing.T, format string, sel []byte) {
		if len(format) > 512 || len(sel) > 8 {
			return
		}
		args := make([]Term, len(sel))
		bound := 3*len(format) + 4*MaxPadding
		for i, b := range sel {
			args[i] = fuzzArgs[int(b)%len(fuzzArgs)]
			text := len(Write(args[i])) + 64
			bound += text * (MaxFieldWidth + 8*text)
		}
		start := time.Now()
		out, err := AppendFormat([]byte("prefix"), format, args...)
		require.Less(t, time.Since(start), 10*time.Second, "Format(%q, %v) took too long", format, args)
		if err != nil {
			require.ErrorIs(t, err, ErrBadarg)
			require.Equal(t, "prefix", string(out))
			return
		}
		require.True(t, strings.HasPrefix(string(out), "prefix"))
		require.True(t, utf8.Valid(out), "Format(%q, %v) = %q", format, args, out)
		require.LessOrEqual(t, len(out)-len("prefix"), bound, "Format(%q, %v)", format, args)
	})
}

// BenchmarkFormatDirectives formats a typical log line.
func BenchmarkFormatDirectives(b *testing.B) {
	b.ReportAllocs()
	v := Tuple{OK, List{1, 2, 3}, Atom("done")}
	var buf []byte
	for b.Loop() {
		var err error
		buf, err = AppendFormat(buf[:0], "~s: ~p~n", "result", v)
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineSprintf formats the same line with fmt, the plain-Go
// baseline of BenchmarkFormatDirectives.
func BenchmarkBaselineSprintf(b *testing.B) {
	b.ReportAllocs()
	v := struct {
		status string
		list   []int
		what   string
	}{"ok", []int{1, 2, 3}, "done"}
	var buf []byte
	for b.Loop() {
		buf = fmt.Appendf(buf[:0], "%s: %v\n", "result", v)
	}
}

func ExampleFormat() {
	s, err := Format("~s: ~p~n", "reply", Tuple{OK, List{1, 2, 3}})
	if err != nil {
		panic(err)
	}
	fmt.Print(s)

	s, _ = Format("[~8.3f] [~-6s] [~.16B] [~5c]", 3.14159, "ab", 255, '*')
	fmt.Println(s)

	_, err = Format("~d", 1)
	fmt.Println(errors.Is(err, ErrBadarg))
	// Output:
	// reply: {ok,[1,2,3]}
	// [   3.142] [ab    ] [FF] [*****]
	// true
}

func ExampleAppendFormat() {
	buf := []byte("log: ")
	buf, err := AppendFormat(buf, "~w of ~w~n", 3, 4)
	if err != nil {
		panic(err)
	}
	fmt.Print(string(buf))
	// Output:
	// log: 3 of 4
}

func ExampleFormatTerms() {
	format, args := "~s has ~b items~n", List{Binary("cart"), 3}
	s, err := FormatTerms(format, args)
	if err != nil {
		panic(err)
	}
	fmt.Print(s)
	// Output:
	// cart has 3 items
}

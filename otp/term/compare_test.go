package term

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSortGolden sorts each list of testdata/sort.txt as lists:sort/1 did
// in erl, then shuffles it and checks that the order comes back.
func TestSortGolden(t *testing.T) {
	for _, c := range readGolden(t, "sort") {
		l, ok := caseTerm(t, c.In).(List)
		require.True(t, ok, "case %d is not a list", c.N)
		sorted := append(List(nil), l...)
		Sort(sorted)
		require.True(t, sameUpToTies(sorted, c.Out["out"]), "case %d: %s\nerl: %s\ngo:  %s", c.N, c.In, c.Out["out"], Write(sorted))

		rng := rand.New(rand.NewPCG(uint64(c.N), 7))
		for range 20 {
			shuffled := append(List(nil), l...)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			Sort(shuffled)
			for i := range sorted {
				// Terms that compare equal (1 and 1.0) keep their input order.
				require.Zero(t, Compare(sorted[i], shuffled[i]), "case %d: %s", c.N, Write(shuffled))
			}
		}
	}
}

// sameUpToTies reports whether sorted prints as want, allowing terms that
// compare equal but are not identical (1 and 1.0) in any order among
// themselves: lists:sort/1 does not promise their order, and Sort keeps
// their input order.
func sameUpToTies(sorted List, want string) bool {
	var groups [][]string
	for i, e := range sorted {
		if i > 0 && Compare(sorted[i-1], e) == 0 {
			groups[len(groups)-1] = append(groups[len(groups)-1], Write(e))
		} else {
			groups = append(groups, []string{Write(e)})
		}
	}
	if !strings.HasPrefix(want, "[") {
		return false
	}
	var match func(rest string, g int) bool
	match = func(rest string, g int) bool {
		if g == len(groups) {
			return rest == "]"
		}
		sep := ","
		if g == 0 {
			sep = ""
		}
		// Try each order of the group's members.
		var perm func(rest string, left []string) bool
		perm = func(rest string, left []string) bool {
			if len(left) == 0 {
				return match(rest, g+1)
			}
			for i, s := range left {
				if strings.HasPrefix(rest, s) {
					others := append(append([]string(nil), left[:i]...), left[i+1:]...)
					next := strings.TrimPrefix(rest, s)
					if len(others) > 0 {
						if !strings.HasPrefix(next, ",") {
							continue
						}
						next = next[1:]
					}
					if perm(next, others) {
						return true
					}
				}
			}
			return false
		}
		if !strings.HasPrefix(rest, sep) {
			return false
		}
		return perm(rest[len(sep):], groups[g])
	}
	return match(want[1:], 0)
}

func TestEquality(t *testing.T) {
	assert.True(t, Equal(1, 1.0), "1 == 1.0")
	assert.False(t, Exact(1, 1.0), "1 =:= 1.0")
	assert.True(t, Exact(0.0, -0.0), "0.0 =:= -0.0 in OTP 25")
	assert.True(t, Exact("ab", List{97, 98}))
	assert.True(t, Exact(List{}, ""))
	assert.True(t, Exact(true, Atom("true")))
	assert.True(t, Exact([]byte("x"), Binary("x")))
	assert.True(t, Exact(int64(5), 5))
	assert.True(t, Exact(uint8(5), big.NewInt(5)))
	assert.True(t, Equal(Tuple{1, List{2.0}}, Tuple{1.0, List{2}}))
	assert.False(t, Exact(Tuple{1, List{2.0}}, Tuple{1.0, List{2}}))
	assert.True(t, Exact(Cons(List{2}, 1), List{1, 2}))
	assert.True(t, Exact(Cons("bc", 'a'), "abc"))
}

func TestCompareNumbers(t *testing.T) {
	huge, _ := new(big.Int).SetString("9007199254740993", 10)
	assert.Equal(t, 1, Compare(huge, 9007199254740992.0), "exact comparison beyond 2^53")
	assert.Equal(t, -1, Compare(-1, big.NewInt(0).Lsh(big.NewInt(1), 100)))
	assert.Equal(t, 1, Compare(uint64(1<<63), int64(1<<62)))
	assert.Equal(t, 0, Compare(2, 2.0))
	assert.Equal(t, -1, Compare(1.0e300, Atom("a")), "number < atom")
}

func TestKindOrder(t *testing.T) {
	ordered := []Term{
		1, Atom("a"), Ref{N: 3}, ExportFun{"m", "f", 1}, Port{}, Pid{}, Tuple{},
		Map{}, List{}, List{1}, Binary{},
	}
	for i := range ordered {
		for j := range ordered {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			assert.Equal(t, want, Compare(ordered[i], ordered[j]), "%s vs %s", KindOf(ordered[i]), KindOf(ordered[j]))
		}
	}
}

func TestMap(t *testing.T) {
	m := MapOf(Atom("b"), 2, 1.0, "float", 1, "int", Tuple{Atom("k")}, List{})
	assert.Equal(t, 4, m.Len())
	assert.Equal(t, List{1, 1.0, Atom("b"), Tuple{Atom("k")}}, m.Keys(), "integers before floats, then term order")
	v, ok := m.Get(1.0)
	require.True(t, ok)
	assert.Equal(t, "float", v)
	_, ok = m.Get(2)
	assert.False(t, ok)

	m2 := m.Put(Atom("b"), 3).Delete(1)
	assert.Equal(t, 4, m.Len(), "Put and Delete leave the receiver alone")
	assert.Equal(t, 3, m2.Len())
	v, _ = m2.Get(Atom("b"))
	assert.Equal(t, 3, v)

	last := MapOf(Atom("a"), 1, Atom("a"), 2)
	assert.Equal(t, 1, last.Len())
	v, _ = last.Get(Atom("a"))
	assert.Equal(t, 2, v, "the last value for a key wins")

	var n int
	for k, v := range m.All() {
		assert.NotNil(t, k)
		assert.NotNil(t, v)
		n++
	}
	assert.Equal(t, 4, n)
}

func TestIntegers(t *testing.T) {
	b := new(big.Int).Lsh(big.NewInt(1), 70)
	assert.Equal(t, b, NormInt(b))
	assert.Equal(t, 42, NormInt(big.NewInt(42)))
	i, ok := Integer(uint64(1 << 63))
	require.True(t, ok)
	assert.IsType(t, (*big.Int)(nil), i)
	i, ok = Integer(int32(-7))
	require.True(t, ok)
	assert.Equal(t, -7, i)
	_, ok = Integer(1.0)
	assert.False(t, ok)
}

func TestValid(t *testing.T) {
	assert.True(t, Valid(Tuple{OK, List{1, "x"}, MapOf(1, 2)}))
	assert.False(t, Valid(Tuple{OK, struct{}{}}))
	assert.False(t, Valid(ImproperList{Elems: []Term{1}, Tail: List{2}}), "a list tail makes a proper list")
	assert.False(t, Valid(BitString{Bytes: []byte{1}, Bits: 8}))
	assert.Equal(t, KindInvalid, KindOf(make(chan int)))
}

func TestNewBitString(t *testing.T) {
	assert.Equal(t, Binary{1, 2}, NewBitString([]byte{1, 2}, 16))
	assert.Equal(t, BitString{Bytes: []byte{0xE0}, Bits: 3}, NewBitString([]byte{0xFF}, 3))
	assert.Panics(t, func() { NewBitString([]byte{1}, 9) })
}

func TestStringMethods(t *testing.T) {
	assert.Equal(t, `{ok,"abc"}`, fmt.Sprint(Tuple{OK, "abc"}))
	assert.Equal(t, `<0.80.0>`, fmt.Sprint(Pid{Node: "nonode@nohost", ID: 80}))
	assert.Equal(t, `#Ref<0.3.2.1>`, fmt.Sprint(Ref{N: 3, ID: [5]uint32{1, 2, 3}}))
	assert.Equal(t, `#Port<0.5>`, fmt.Sprint(Port{ID: 5}))
	assert.Equal(t, `fun lists:map/2`, fmt.Sprint(ExportFun{"lists", "map", 2}))
	assert.Equal(t, `<<"abc">>`, fmt.Sprint(Binary("abc")))
	assert.Equal(t, `[a|b]`, fmt.Sprint(ImproperList{Elems: []Term{Atom("a")}, Tail: Atom("b")}))
	assert.Equal(t, `#{a => 1}`, fmt.Sprint(MapOf(Atom("a"), 1)))
}

func TestNotTermsDoNotPanic(t *testing.T) {
	var nilFun *LocalFun
	for _, v := range []Term{nil, nilFun, struct{ A int }{1}, make(chan int)} {
		assert.Contains(t, Write(v), "#Go<")
		assert.Contains(t, Print(v), "#Go<")
		assert.False(t, Valid(v))
	}
}

// Book: chapter 2, "List Comprehensions: generate and test" (ch2/queens.erl).

package queens_test

import (
	"math/big"
	"testing"

	"github.com/scalability-go/otpbook/ch02/queens"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The counts checked on OTP 25, for n = 0..9.
var counts = []int{1, 8, 42, 140, 344, 568, 550, 312, 92, 0}

func TestCounts(t *testing.T) {
	for n, want := range counts {
		assert.Len(t, queens.Queens(n), want, "queens(%d)", n)
	}
	assert.Empty(t, queens.Queens(20))
	assert.Empty(t, queens.Queens(-1))
}

func TestEightQueens(t *testing.T) {
	all := queens.Queens(8)
	require.Len(t, all, 92)
	assert.Equal(t, []int{4, 2, 7, 3, 6, 8, 5, 1}, all[0])
	assert.Equal(t, []int{5, 7, 2, 6, 3, 1, 4, 8}, all[91])
	for _, s := range all {
		assert.True(t, valid(s), "%v", s)
	}
}

func TestSmallBoards(t *testing.T) {
	assert.Equal(t, [][]int{{}}, queens.Queens(0))
	assert.Equal(t, [][]int{{1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}}, queens.Queens(1))
	assert.Equal(t, [][]int{{3, 1}, {4, 1}, {5, 1}, {6, 1}, {7, 1}}, queens.Queens(2)[:5])
}

// Every placement of every size is safe, and they are all there: an
// independent count of the safe placements by brute force agrees.
func TestAgainstBruteForce(t *testing.T) {
	for n := 0; n <= 5; n++ {
		got := queens.Queens(n)
		for _, s := range got {
			assert.True(t, valid(s), "%v", s)
		}
		assert.Len(t, got, brute(n, nil), "n = %d", n)
	}
}

// valid reports whether no two queens of s share a column or a diagonal.
func valid(s []int) bool {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[i] == s[j] || s[i]-s[j] == j-i || s[j]-s[i] == j-i {
				return false
			}
		}
	}
	return len(s) <= queens.Columns
}

func brute(n int, s []int) int {
	if len(s) == n {
		return 1
	}
	total := 0
	for c := 1; c <= queens.Columns; c++ {
		if t := append(append([]int{}, s...), c); valid(t) {
			total += brute(n, t)
		}
	}
	return total
}

// The section's session, through the module as the shell calls it.
func TestModuleSession(t *testing.T) {
	e := erltest.New(t, queens.Module())
	call := func(n term.Term) term.List {
		v, exc := e.Call("queens", "queens", n)
		require.Nil(t, exc)
		return v.(term.List)
	}
	assert.Equal(t, "[[]]", term.Write(call(0)))
	assert.Equal(t, `[[1],[2],[3],[4],[5],[6],[7],"\b"]`, term.Print(call(1)))
	for n, want := range counts {
		assert.Len(t, call(n), want)
	}
	eight := call(8)
	assert.Equal(t, "[4,2,7,3,6,8,5,1]", term.Write(eight[0]))
	assert.Equal(t, "[5,7,2,6,3,1,4,8]", term.Write(eight[91]))
	assert.Equal(t, "[]", term.Write(call(new(big.Int).Lsh(big.NewInt(1), 70))))
}

func TestModuleErrors(t *testing.T) {
	e := erltest.New(t, queens.Module())
	for _, c := range []struct {
		arg    term.Term
		reason term.Atom
	}{
		{term.Atom("a"), "badarith"},
		{term.List{}, "badarith"},
		{-1, "system_limit"},
		{new(big.Int).Lsh(big.NewInt(-1), 70), "system_limit"},
		{2.0, "system_limit"},
	} {
		_, exc := e.Call("queens", "queens", c.arg)
		require.NotNil(t, exc, "queens(%v)", c.arg)
		assert.Equal(t, otp.ClassError, exc.Class)
		assert.Equal(t, c.reason, exc.Reason, "queens(%v)", c.arg)
		assert.Equal(t, "{queens,queens,1,[]}", term.Write(erltest.Top(t, exc)))
	}
}

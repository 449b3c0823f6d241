// Book: chapter 2, "List Comprehensions: generate and test" (exercise: ch2/queens.erl on any board).

package queensany_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch02/exercises/queensany"
	"github.com/scalability-go/otpbook/ch02/queens"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// On eight columns it is the book's function, order and all.
func TestEightColumnsIsTheBooks(t *testing.T) {
	for n := 0; n <= 9; n++ {
		want := queens.Queens(n)
		got := queensany.Queens(n, 8)
		require.Len(t, got, len(want), "n = %d", n)
		if len(want) > 0 {
			assert.Equal(t, want, got, "n = %d", n)
		}
	}
}

// The n-queens puzzle, n queens on n columns.
func TestSquareBoards(t *testing.T) {
	for n, want := range map[int]int{1: 1, 2: 0, 3: 0, 4: 2, 5: 10, 6: 4, 7: 40, 8: 92, 9: 352, 10: 724} {
		got := queensany.Queens(n, n)
		assert.Len(t, got, want, "%d queens on %d columns", n, n)
		for _, s := range got {
			assert.True(t, valid(s, n), "%v", s)
		}
	}
	assert.Equal(t, [][]int{{3, 1}, {1, 3}}, queensany.Queens(2, 3), "two queens on three columns")
	assert.Equal(t, [][]int{{3, 1, 4, 2}, {2, 4, 1, 3}}, queensany.Queens(4, 4), "as Erlang gives them")
}

func TestEdges(t *testing.T) {
	assert.Equal(t, [][]int{{}}, queensany.Queens(0, 5))
	assert.Equal(t, [][]int{{}}, queensany.Queens(0, 0))
	assert.Empty(t, queensany.Queens(1, 0))
	assert.Empty(t, queensany.Queens(-1, 8))
	assert.Empty(t, queensany.Queens(5, 4), "more queens than columns")
}

// valid reports whether no two queens of s share a column or a diagonal
// on a board of columns columns.
func valid(s []int, columns int) bool {
	for i := range s {
		if s[i] < 1 || s[i] > columns {
			return false
		}
		for j := i + 1; j < len(s); j++ {
			if s[i] == s[j] || s[i]-s[j] == j-i || s[j]-s[i] == j-i {
				return false
			}
		}
	}
	return true
}

package term

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func nested(n int) Term {
	var t Term = List{}
	for range n {
		t = List{t}
	}
	return t
}

func nestedTuple(n int) Term {
	var t Term = Atom("x")
	for range n {
		t = Tuple{t}
	}
	return t
}

// Terms nested deeper than Go's stack can follow print elided and compare
// with a system_limit panic, instead of overflowing the stack, which would
// end the whole program.
func TestDeepTerms(t *testing.T) {
	shallow := nested(MaxDepth - 10)
	assert.Equal(t, 0, Compare(shallow, nested(MaxDepth-10)))
	assert.Equal(t, -1, Compare(nested(1000), nested(1001)))

	deep := nested(MaxDepth + 10)
	require.PanicsWithValue(t, SystemLimit, func() { Compare(deep, nested(MaxDepth+10)) })
	require.PanicsWithValue(t, SystemLimit, func() { Equal(nestedTuple(MaxDepth+1), nestedTuple(MaxDepth+1)) })

	w := Write(deep)
	assert.True(t, strings.HasPrefix(w, "[[[["))
	assert.Contains(t, w, "...")
	p := Print(deep)
	assert.Contains(t, p, "...")
	s, err := Format("~p~w", nestedTuple(2*MaxDepth), deep)
	require.NoError(t, err)
	assert.Contains(t, s, "{{{")

	// Within the limit, printing is exact.
	assert.Equal(t, strings.Repeat("[", 1000)+strings.Repeat("]", 1000), Write(nested(999)))
}

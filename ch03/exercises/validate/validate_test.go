// Book: chapter 3, "Behaviours" (exercise: validate deallocation in the frequency server).

package validate_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/ch03/exercises/validate"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	ok            = term.OK
	notAllocated  = validate.ErrNotAllocated.Term()
	me, other     = term.Pid{ID: 1}, term.Pid{ID: 2}
	initial       = behavior.Frequency{}.Init(nil, nil)
	allocatedToMe = func() behavior.State { s, _ := initial.Allocate(me); return s }
)

func TestOwnFrequency(t *testing.T) {
	s, r := validate.Deallocate(allocatedToMe(), 10, me)
	assert.Equal(t, ok, r)
	assert.Equal(t, "{[10,11,12,13,14,15],[]}", term.Write(s))
}

func TestDoubleFreeRejected(t *testing.T) {
	s, _ := validate.Deallocate(allocatedToMe(), 10, me)
	s2, r := validate.Deallocate(s, 10, me)
	assert.Equal(t, notAllocated, r)
	assert.Equal(t, term.Write(s), term.Write(s2), "the pool is unchanged")
}

func TestForeignPidRejected(t *testing.T) {
	s := allocatedToMe()
	s2, r := validate.Deallocate(s, 10, other)
	assert.Equal(t, notAllocated, r)
	assert.Equal(t, term.Write(s), term.Write(s2))
}

func TestUnknownFrequencyRejected(t *testing.T) {
	s := allocatedToMe()
	s2, r := validate.Deallocate(s, 99, me)
	assert.Equal(t, notAllocated, r)
	assert.Equal(t, term.Write(s), term.Write(s2))
	_, r = validate.Deallocate(initial, 11, me)
	assert.Equal(t, notAllocated, r, "11 is free, not allocated")
}

// Through the server: a second process cannot free the test's frequency,
// and 99 does not join the pool.
func TestServer(t *testing.T) {
	e := erltest.New(t)
	_, err := validate.Start(e.Self)
	require.NoError(t, err)
	r, err := validate.Allocate(e.Self)
	require.NoError(t, err)
	assert.Equal(t, term.Tuple{ok, 10}, r)

	got := make(chan term.Term, 1)
	e.Self.Spawn(func(p *otp.Process) {
		r, _ := validate.DeallocateFreq(p, 10)
		got <- r
	})
	assert.Equal(t, notAllocated, <-got)
	r, _ = validate.DeallocateFreq(e.Self, 99)
	assert.Equal(t, notAllocated, r)
	r, _ = validate.DeallocateFreq(e.Self, 10)
	assert.Equal(t, ok, r)
	r, _ = validate.DeallocateFreq(e.Self, 10)
	assert.Equal(t, notAllocated, r, "double free")
	r, _ = validate.Allocate(e.Self)
	assert.Equal(t, term.Tuple{ok, 10}, r)
}

// Book: chapter 3, "Behaviours" (exercise: one frequency per client).

package onefreq_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/ch03/exercises/onefreq"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOnePerClient(t *testing.T) {
	a, b := term.Pid{ID: 1}, term.Pid{ID: 2}
	s := behavior.Frequency{}.Init(nil, nil)
	s, r := onefreq.Allocate(s, a)
	assert.Equal(t, term.Tuple{term.OK, 10}, r)
	s2, r := onefreq.Allocate(s, a)
	assert.Equal(t, onefreq.ErrAlreadyAllocated.Term(), r)
	assert.Equal(t, term.Write(s), term.Write(s2), "the state is unchanged")
	_, r = onefreq.Allocate(s, b)
	assert.Equal(t, term.Tuple{term.OK, 11}, r, "another client still gets one")
}

// An empty pool still answers no_frequency to a client holding nothing.
func TestNoFrequency(t *testing.T) {
	_, r := onefreq.Allocate(behavior.State{}, term.Pid{ID: 1})
	assert.Equal(t, behavior.ErrNoFrequency.Term(), r)
}

// Through the server: a second allocate is refused until the first
// frequency is given back.
func TestServer(t *testing.T) {
	e := erltest.New(t)
	_, err := onefreq.Start(e.Self)
	require.NoError(t, err)
	r, _ := onefreq.AllocateFreq(e.Self)
	assert.Equal(t, term.Tuple{term.OK, 10}, r)
	r, _ = onefreq.AllocateFreq(e.Self)
	assert.Equal(t, onefreq.ErrAlreadyAllocated.Term(), r)

	got := make(chan term.Term, 1)
	e.Self.Spawn(func(p *otp.Process) { r, _ := onefreq.AllocateFreq(p); got <- r })
	assert.Equal(t, term.Tuple{term.OK, 11}, <-got)

	onefreq.DeallocateFreq(e.Self, 10)
	r, _ = onefreq.AllocateFreq(e.Self)
	assert.Equal(t, term.Tuple{term.OK, 10}, r)
}

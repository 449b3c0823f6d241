// Book: chapter 3, "Behaviours" (exercise: asynchronous requests in the generic server).

package cast_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch03/exercises/cast"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A deallocate is a cast: it returns at once, no reply comes, and the
// server has taken it by the time it answers the next call (messages from
// one process arrive in order).
func TestDeallocateIsACast(t *testing.T) {
	e := erltest.New(t)
	require.NoError(t, cast.StartFrequency(e.Self))
	r, _ := cast.Allocate(e.Self)
	assert.Equal(t, term.Tuple{term.OK, 10}, r)
	require.NoError(t, cast.Deallocate(e.Self, 10))
	assert.Empty(t, e.Self.Flush(), "no reply to a cast")
	r, _ = cast.Allocate(e.Self)
	assert.Equal(t, term.Tuple{term.OK, 10}, r, "the cast came first")
	_, err := cast.Stop(e.Self, cast.Name)
	require.NoError(t, err)
}

// A cast is {cast, Msg}, whatever Msg is.
func TestCastMessage(t *testing.T) {
	e := erltest.New(t)
	require.NoError(t, e.Node.Register("me", e.Self.Self()))
	require.NoError(t, cast.Cast(e.Self, "me", term.Atom("hello")))
	assert.Equal(t, term.Tuple{term.Atom("cast"), term.Atom("hello")}, e.Recv(t))
}

// Like a send to a name, a cast to a name nobody has is badarg.
func TestCastNobody(t *testing.T) {
	e := erltest.New(t)
	assert.ErrorIs(t, cast.Cast(e.Self, "nobody", term.Atom("hello")), otp.ErrBadarg)
	assert.ErrorIs(t, cast.Deallocate(e.Self, 10), otp.ErrBadarg)
}

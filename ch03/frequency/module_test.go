// Book: chapter 3, "Behaviours" (ch3/frequency.erl: the hand-written frequency server).

package frequency_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch03/frequency"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func call(t *testing.T, e *erltest.Env, f term.Atom, args ...term.Term) string {
	t.Helper()
	v, exc := e.Call("frequency", f, args...)
	require.Nil(t, exc)
	return term.Write(v)
}

// The book's session through the module, as the shell calls it.
func TestModuleSession(t *testing.T) {
	e := erltest.New(t, frequency.Module())
	assert.Equal(t, "true", call(t, e, "start"))
	for _, want := range []string{"{ok,10}", "{ok,11}", "{ok,12}", "{ok,13}", "{ok,14}", "{ok,15}", "{error,no_frequency}"} {
		assert.Equal(t, want, call(t, e, "allocate"))
	}
	assert.Equal(t, "ok", call(t, e, "deallocate", 11))
	assert.Equal(t, "{ok,11}", call(t, e, "allocate"))
	assert.Equal(t, "ok", call(t, e, "deallocate", term.Atom("any_term")))
	assert.Equal(t, "{ok,any_term}", call(t, e, "allocate"))
	assert.Equal(t, "ok", call(t, e, "stop"))
}

// A client function with no server raises badarg from erlang:send/2, in
// frequency:call/1; start/0 with one running raises it from register/2,
// in frequency:start/0.
func TestModuleErrors(t *testing.T) {
	e := erltest.New(t, frequency.Module())
	_, exc := e.Call("frequency", "allocate")
	require.NotNil(t, exc)
	assert.Equal(t, term.Atom("badarg"), exc.Reason)
	require.Len(t, exc.Stack, 2)
	send := exc.Stack[0].(term.Tuple)
	assert.Equal(t, "{erlang,send,[frequency,{request,"+e.Self.Self().String()+",allocate}]}",
		term.Write(term.Tuple(send[:3])))
	assert.Equal(t, "{frequency,call,1,[]}", term.Write(exc.Stack[1]))

	call(t, e, "start")
	_, exc = e.Call("frequency", "start")
	require.NotNil(t, exc)
	assert.Equal(t, term.Atom("badarg"), exc.Reason)
	assert.Equal(t, "register", term.Write(erltest.Top(t, exc).(term.Tuple)[1]))
	assert.Equal(t, "{frequency,start,0,[]}", term.Write(exc.Stack[1]))
	assert.Len(t, e.Node.Processes(), 3, "the test, the server and the orphan")
}

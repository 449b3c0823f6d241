// Book: chapter 4, "Generic Servers" (ch4/frequency.erl).

package frequency_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
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
	self := e.Self.Self().String()

	_, exc := e.Call("frequency", "allocate")
	require.NotNil(t, exc)
	assert.Equal(t, otp.ClassExit, exc.Class)
	assert.Equal(t, "{noproc,{gen_server,call,[frequency,{allocate,"+self+"}]}}", term.Write(exc.Reason))
	assert.Equal(t, "ok", call(t, e, "deallocate", 10))
	assert.Equal(t, "ok", call(t, e, "stop"))

	started := call(t, e, "start")
	pid, ok := e.Node.WhereIs(frequency.Name)
	require.True(t, ok)
	assert.Equal(t, "{ok,"+pid.String()+"}", started)
	assert.Equal(t, "{error,{already_started,"+pid.String()+"}}", call(t, e, "start"))
	for _, want := range []string{"{ok,10}", "{ok,11}", "{ok,12}", "{ok,13}", "{ok,14}", "{ok,15}", "{error,no_frequency}"} {
		assert.Equal(t, want, call(t, e, "allocate"))
	}
	// deallocate/1 takes any term, as the Erlang does.
	assert.Equal(t, "ok", call(t, e, "deallocate", term.Atom("any_term")))
	assert.Equal(t, "{ok,any_term}", call(t, e, "allocate"))

	e.Self.Unlink(pid)
	mref, err := e.Self.Monitor(pid)
	require.NoError(t, err)
	assert.Equal(t, "ok", call(t, e, "stop"))
	down := e.Recv(t).(otp.DownMsg)
	assert.Equal(t, mref, down.Ref)
	assert.Equal(t, otp.Normal, down.Reason)
}

// The module is the callback module of gen_server:start by name.
func TestModuleAsCallbacks(t *testing.T) {
	e := erltest.New(t, frequency.Module())
	pid, err := genserver.Start(e.Self, nil, frequency.Name, term.List{})
	require.NoError(t, err)
	r, err := genserver.Call(e.Self, pid, frequency.AllocateRequest(e.Self.Self()))
	require.NoError(t, err)
	assert.Equal(t, "{ok,10}", term.Write(r))
	require.NoError(t, genserver.StopServer(e.Self, pid))
}

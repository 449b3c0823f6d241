// Book: chapter 3, "Behaviours" (Message Passing: Under the Hood: ch3/call/server.erl).

package callserver_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/ch03/callserver"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func call(t *testing.T, e *erltest.Env, m, f term.Atom, args ...term.Term) string {
	t.Helper()
	v, exc := e.Call(m, f, args...)
	require.Nil(t, exc, "%s:%s", m, f)
	return term.Write(v)
}

// The module frequency of ch3/behavior on this server: {error,no_proc}
// with no server, after a crash and after stop; the same answers
// otherwise.
func TestModuleSession(t *testing.T) {
	e := erltest.New(t, callserver.Module(), behavior.Module())
	assert.Equal(t, "{error,no_proc}", call(t, e, "frequency", "allocate"))
	assert.Equal(t, "true", call(t, e, "frequency", "start"))
	assert.Equal(t, "{ok,10}", call(t, e, "frequency", "allocate"))
	assert.Equal(t, "{error,no_proc}", call(t, e, "server", "call", behavior.Name, term.Atom("bogus")))
	assert.Contains(t, e.Log.Take(), "{function_clause,[{frequency,handle,")
	assert.Equal(t, "{error,no_proc}", call(t, e, "frequency", "allocate"))
	assert.Equal(t, "true", call(t, e, "frequency", "start"))
	assert.Equal(t, "ok", call(t, e, "frequency", "stop"))
	assert.Equal(t, "{error,no_proc}", call(t, e, "frequency", "deallocate", 10))
	assert.Empty(t, e.Self.Flush())

	_, exc := e.Call("server", "call", 42, term.Atom("hello"))
	require.NotNil(t, exc)
	assert.Equal(t, term.Atom("badarg"), exc.Reason)
	assert.Equal(t, "monitor", term.Write(exc.Stack[0].(term.Tuple)[1]))
	assert.Equal(t, "{server,call,2,[]}", term.Write(exc.Stack[1]))
}

// Book: chapter 3, "Behaviours" (Callback Modules: ch3/behavior/frequency.erl).

package behavior_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch03/behavior"
	"github.com/scalability-go/otpbook/ch03/server"
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

// The verified session: two allocations, then six at once give four
// frequencies and two errors; 42 joins the pool.
func TestModuleSession(t *testing.T) {
	e := erltest.New(t, server.Module(), behavior.Module())
	assert.Equal(t, "true", call(t, e, "frequency", "start"))
	assert.Equal(t, "{ok,10}", call(t, e, "frequency", "allocate"))
	assert.Equal(t, "{ok,11}", call(t, e, "frequency", "allocate"))
	var six []string
	for range 6 {
		six = append(six, call(t, e, "frequency", "allocate"))
	}
	assert.Equal(t, []string{"{ok,12}", "{ok,13}", "{ok,14}", "{ok,15}", "{error,no_frequency}", "{error,no_frequency}"}, six)
	assert.Equal(t, "ok", call(t, e, "frequency", "deallocate", 42))
	assert.Equal(t, "{ok,42}", call(t, e, "frequency", "allocate"))
	assert.Equal(t, "ok", call(t, e, "frequency", "stop"))
	_, exc := e.Call("frequency", "stop")
	require.NotNil(t, exc)
	assert.Equal(t, term.Atom("badarg"), exc.Reason)
	assert.Equal(t, "{server,stop,1,[]}", term.Write(exc.Stack[1]))
}

// The callbacks by name, as the shell or server calls them, over the
// state as a plain tuple too.
func TestModuleCallbacks(t *testing.T) {
	e := erltest.New(t, behavior.Module())
	assert.Equal(t, "{[10,11,12,13,14,15],[]}", call(t, e, "frequency", "init", term.List{}))
	state := term.Tuple{term.List{1, 2}, term.List{}}
	me := e.Self.Self()
	assert.Equal(t, "{{[2],[{1,"+me.String()+"}]},{ok,1}}",
		call(t, e, "frequency", "handle", term.Tuple{term.Atom("allocate"), me}, state))
	assert.Equal(t, "ok", call(t, e, "frequency", "terminate", state))
	_, exc := e.Call("frequency", "handle", term.Atom("bogus"), state)
	require.NotNil(t, exc)
	assert.Equal(t, "{frequency,handle,[bogus,{[1,2],[]}],[]}", term.Write(exc.Stack[0]))
}

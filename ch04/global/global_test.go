// Book: chapter 4, "Generic Servers", "Going Global".

package global_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/ch04/global"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reason returns the reason of a failed call.
func reason(t *testing.T, err error) string {
	t.Helper()
	var ce *genserver.CallError
	require.ErrorAs(t, err, &ce)
	return term.Write(ce.Reason)
}

// The server under {global, frequency}: found through the global
// registry, called through the name, already_started for a second start,
// and no local name.
func TestGlobalName(t *testing.T) {
	e := erltest.New(t)
	e.Self.TrapExit(true)
	pid, err := global.StartLink(e.Self, global.Name)
	require.NoError(t, err)
	where, ok := gen.Global(e.Node).WhereisName(e.Self, frequency.Name)
	require.True(t, ok)
	assert.Equal(t, pid, where)
	_, ok = e.Node.WhereIs(frequency.Name)
	assert.False(t, ok, "a global name is no local name")

	f, err := global.Allocate(e.Self, global.Name)
	require.NoError(t, err)
	assert.Equal(t, 10, f)
	// {via, global, Name} is the same name.
	f, err = global.Allocate(e.Self, genserver.Via("global", frequency.Name))
	require.NoError(t, err)
	assert.Equal(t, 11, f)

	_, err = global.StartLink(e.Self, global.Name)
	holder, ok := genserver.AlreadyStarted(err)
	require.True(t, ok)
	assert.Equal(t, pid, holder)

	// The local name is free: a local server may run beside it.
	_, err = frequency.Allocate(e.Self)
	require.ErrorIs(t, err, genserver.ErrNoproc)

	// The name goes with the process.
	global.Stop(e.Self, global.Name)
	exit := e.Recv(t).(otp.ExitMsg)
	assert.Equal(t, pid, exit.From)
	assert.Equal(t, otp.Normal, exit.Reason)
	_, ok = gen.Global(e.Node).WhereisName(e.Self, frequency.Name)
	assert.False(t, ok)
	_, err = global.Allocate(e.Self, global.Name)
	assert.Equal(t, "{noproc,{gen_server,call,[{global,frequency},{allocate,"+e.Self.Self().String()+"}]}}", reason(t, err))
}

// {via, Module, Name} with a registry of one's own.
func TestViaRegistry(t *testing.T) {
	reg := global.NewRegistry()
	e := erltest.New(t, reg.Module("reg"))
	e.Self.TrapExit(true)
	name := genserver.Via("reg", term.Atom("freq"))
	pid, err := global.StartLink(e.Self, name)
	require.NoError(t, err)
	where, ok := reg.WhereisName(e.Self, term.Atom("freq"))
	require.True(t, ok)
	assert.Equal(t, pid, where)

	f, err := global.Allocate(e.Self, name)
	require.NoError(t, err)
	assert.Equal(t, 10, f)
	global.Deallocate(e.Self, name, 10)
	f, err = global.Allocate(e.Self, name)
	require.NoError(t, err)
	assert.Equal(t, 10, f)

	_, err = global.StartLink(e.Self, name)
	holder, ok := genserver.AlreadyStarted(err)
	require.True(t, ok)
	assert.Equal(t, pid, holder)

	global.Stop(e.Self, name)
	assert.Equal(t, otp.Normal, e.Recv(t).(otp.ExitMsg).Reason)
	_, ok = reg.WhereisName(e.Self, term.Atom("freq"))
	assert.False(t, ok)
	_, err = global.Allocate(e.Self, name)
	assert.ErrorIs(t, err, genserver.ErrNoproc)
}

// A call to a global name nobody holds exits noproc; a cast is silent.
func TestUnregisteredGlobalName(t *testing.T) {
	e := erltest.New(t)
	_, err := genserver.Call(e.Self, genserver.Global(term.Atom("nobody")), term.Atom("ping"))
	assert.Equal(t, "{noproc,{gen_server,call,[{global,nobody},ping]}}", reason(t, err))
	genserver.Cast(e.Self, genserver.Global(term.Atom("nobody")), term.Atom("ping"))
}

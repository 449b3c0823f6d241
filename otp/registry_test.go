package otp_test

import (
	"errors"
	"testing"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Conformance cases of section 6 (REG) of conformance.md.

// REG-01: register(n, Pid) → true; whereis(n) → Pid, registered()
// contains n, process_info(Pid, registered_name) → {registered_name, n}
// ([] for an unnamed process).
func TestREG01Register(t *testing.T) {
	n := mtNode(t)
	self := mtSelf(t, n)
	p := self.Spawn(mtIdle)
	unnamed := self.Spawn(mtIdle)

	require.NoError(t, n.Register("reg01", p))
	pid, ok := n.WhereIs("reg01")
	require.True(t, ok)
	assert.Equal(t, p, pid)
	assert.Contains(t, n.Registered(), term.Atom("reg01"))

	info, ok := n.ProcessInfo(p)
	require.True(t, ok)
	assert.Equal(t, term.Atom("reg01"), info.RegisteredName)
	item, ok := info.Item("registered_name")
	require.True(t, ok)
	assert.True(t, term.Exact(term.Tuple{term.Atom("registered_name"), term.Atom("reg01")}, item), "got %v", item)

	info, ok = n.ProcessInfo(unnamed)
	require.True(t, ok)
	assert.Equal(t, term.Atom(""), info.RegisteredName)
	item, ok = info.Item("registered_name")
	require.True(t, ok)
	assert.True(t, term.Exact(term.Tuple{term.Atom("registered_name"), term.List{}}, item), "got %v", item)
	assert.Equal(t, "{registered_name,[]}", term.Write(item))

	// The name reaches the process.
	ref, err := self.Monitor(p)
	require.NoError(t, err)
	require.NoError(t, self.SendTo(term.Atom("reg01"), term.Atom("stop")))
	assert.Equal(t, otp.Normal, mtRecvDown(t, self, ref).Reason)
}

// REG-02: register(n, P2) while n is registered → badarg; the original
// registration is unchanged.
func TestREG02RegisterTakenName(t *testing.T) {
	n := mtNode(t)
	self := mtSelf(t, n)
	p1 := self.Spawn(mtIdle)
	p2 := self.Spawn(mtIdle)
	require.NoError(t, n.Register("reg02", p1))

	err := n.Register("reg02", p2)
	require.Error(t, err)
	assert.True(t, errors.Is(err, otp.ErrBadarg), "%v does not wrap ErrBadarg", err)

	pid, ok := n.WhereIs("reg02")
	require.True(t, ok)
	assert.Equal(t, p1, pid)
	info, ok := n.ProcessInfo(p2)
	require.True(t, ok)
	assert.Equal(t, term.Atom(""), info.RegisteredName)

	// Registering the same name to the same process again is badarg too.
	assert.ErrorIs(t, n.Register("reg02", p1), otp.ErrBadarg)
}

// REG-03: register(n2, P) while P is registered as n1 → badarg; a process
// has at most one local name.
func TestREG03OneNamePerProcess(t *testing.T) {
	n := mtNode(t)
	self := mtSelf(t, n)
	p := self.Spawn(mtIdle)
	require.NoError(t, n.Register("n1", p))

	err := n.Register("n2", p)
	assert.ErrorIs(t, err, otp.ErrBadarg)
	_, ok := n.WhereIs("n2")
	assert.False(t, ok)
	assert.NotContains(t, n.Registered(), term.Atom("n2"))
	pid, ok := n.WhereIs("n1")
	require.True(t, ok)
	assert.Equal(t, p, pid)
	info, ok := n.ProcessInfo(p)
	require.True(t, ok)
	assert.Equal(t, term.Atom("n1"), info.RegisteredName)

	// Once unregistered, the process may take another name.
	require.NoError(t, n.Unregister("n1"))
	require.NoError(t, n.Register("n2", p))
	pid, ok = n.WhereIs("n2")
	require.True(t, ok)
	assert.Equal(t, p, pid)
}

// REG-04: register(n, DeadPid) → badarg; register(undefined, self()) →
// badarg. (A name that is not an atom cannot be written in Go: Register
// takes a term.Atom.)
func TestREG04RegisterBadArguments(t *testing.T) {
	n := mtNode(t)
	self := mtSelf(t, n)
	dead, ref := self.SpawnMonitor(func(*otp.Process) {})
	require.Equal(t, otp.Normal, mtRecvDown(t, self, ref).Reason)

	assert.ErrorIs(t, n.Register("reg04", dead), otp.ErrBadarg)
	_, ok := n.WhereIs("reg04")
	assert.False(t, ok)

	assert.ErrorIs(t, n.Register(term.Undefined, self.Self()), otp.ErrBadarg)
	_, ok = n.WhereIs(term.Undefined)
	assert.False(t, ok)
	assert.NotContains(t, n.Registered(), term.Undefined)

	// A pid of another node is not a local process.
	other := mtNode(t, otp.Name("other@host"))
	assert.ErrorIs(t, n.Register("reg04", other.Spawn(mtIdle)), otp.ErrBadarg)

	// None of the failures took a name: self can still have one.
	require.NoError(t, n.Register("reg04", self.Self()))
	info, ok := n.ProcessInfo(self.Self())
	require.True(t, ok)
	assert.Equal(t, term.Atom("reg04"), info.RegisteredName)
}

// REG-06: a registered process exits → the name is released at once;
// whereis → undefined and Name ! M → badarg.
func TestREG06NameReleasedOnExit(t *testing.T) {
	n := mtNode(t)
	self := mtSelf(t, n)
	p := self.Spawn(mtExitOnMsg)
	require.NoError(t, n.Register("reg06", p))
	ref, err := self.Monitor(p)
	require.NoError(t, err)

	require.NoError(t, self.SendTo(term.Atom("reg06"), term.Atom("frop")))
	require.Equal(t, term.Atom("frop"), mtRecvDown(t, self, ref).Reason)

	_, ok := n.WhereIs("reg06")
	assert.False(t, ok)
	assert.NotContains(t, n.Registered(), term.Atom("reg06"))
	err = self.SendTo(term.Atom("reg06"), term.Atom("hello"))
	assert.ErrorIs(t, err, otp.ErrBadarg)
	assert.ErrorIs(t, n.Unregister("reg06"), otp.ErrBadarg)

	// The name is free for another process.
	q := self.Spawn(mtIdle)
	require.NoError(t, n.Register("reg06", q))
	pid, ok := n.WhereIs("reg06")
	require.True(t, ok)
	assert.Equal(t, q, pid)

	// A killed process frees its name as well, by the time the kill
	// returns.
	self.SendExit(q, otp.Kill)
	_, ok = n.WhereIs("reg06")
	assert.False(t, ok)
	assert.ErrorIs(t, self.SendTo(term.Atom("reg06"), term.Atom("hello")), otp.ErrBadarg)
}

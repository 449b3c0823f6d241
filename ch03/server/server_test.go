// Book: chapter 3, "Behaviours" (The Generic Server: ch3/behavior/server.erl).

package server_test

import (
	"log/slog"
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch03/server"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// counter is a callback module: its state counts the requests; it
// answers {Count, Msg}, crashes on crash, and its Terminate returns the
// count.
type counter struct{}

func (counter) Init(_ *otp.Process, args term.Term) int { return args.(int) }

func (counter) Handle(_ *otp.Process, msg term.Term, n int) (int, term.Term) {
	if msg == term.Atom("crash") {
		otp.Error(term.Atom("crashed"))
	}
	return n + 1, term.Tuple{n + 1, msg}
}

func (counter) Terminate(_ *otp.Process, n int) term.Term { return term.Tuple{term.Atom("served"), n} }

// The generic parts: start registers, call answers with the callback's
// reply and state, stop returns Terminate's value and the server ends
// normally.
func TestStartCallStop(t *testing.T) {
	e := erltest.New(t)
	pid, err := server.Start(e.Self, "counter", counter{}, 10)
	require.NoError(t, err)
	where, _ := e.Node.WhereIs("counter")
	assert.Equal(t, pid, where)
	info, _ := e.Node.ProcessInfo(pid)
	assert.Equal(t, server.InitMFA, info.InitialCall)

	r, err := server.Call(e.Self, "counter", term.Atom("a"))
	require.NoError(t, err)
	assert.Equal(t, term.Tuple{11, term.Atom("a")}, r)
	r, _ = server.Call(e.Self, "counter", term.Atom("b"))
	assert.Equal(t, term.Tuple{12, term.Atom("b")}, r)

	_, err = e.Self.Monitor(pid)
	require.NoError(t, err)
	r, err = server.Stop(e.Self, "counter")
	require.NoError(t, err)
	assert.Equal(t, term.Tuple{term.Atom("served"), 12}, r)
	assert.Equal(t, otp.Normal, e.Recv(t).(otp.DownMsg).Reason)

	_, err = server.Call(e.Self, "counter", term.Atom("c"))
	assert.ErrorIs(t, err, server.ErrNotRunning)
	assert.ErrorIs(t, err, otp.ErrBadarg)
	_, err = server.Stop(e.Self, "counter")
	assert.ErrorIs(t, err, otp.ErrBadarg)
}

// Start with a name in use fails, and the server it spawned runs on.
func TestStartNameInUse(t *testing.T) {
	e := erltest.New(t)
	_, err := server.Start(e.Self, "counter", counter{}, 0)
	require.NoError(t, err)
	orphan, err := server.Start(e.Self, "counter", counter{}, 0)
	assert.ErrorIs(t, err, server.ErrNameInUse)
	assert.True(t, e.Node.IsProcessAlive(orphan))
}

// The naive call's flaw: the server dies on the request, and the client
// that sent it waits for ever. The test runs in a synctest bubble: once
// every goroutine is blocked the client is known to be stuck, and a
// further 200ms of the bubble's clock changes nothing. Killing the client
// ends it.
func TestCallBlocksForeverWhenServerDies(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n, err := otp.NewNode(otp.Logger(slog.New(slog.DiscardHandler)))
		require.NoError(t, err)
		defer n.Stop()
		self := n.Attach()
		defer self.Detach()

		srv, err := server.Start(self, "counter", counter{}, 0)
		require.NoError(t, err)
		srvRef, _ := self.Monitor(srv)
		returned := make(chan struct{})
		client, clientRef := self.SpawnMonitor(func(p *otp.Process) {
			server.Call(p, "counter", term.Atom("crash"))
			close(returned)
		})
		down := self.Receive().(otp.DownMsg)
		assert.Equal(t, srvRef, down.Ref)
		assert.Equal(t, term.Atom("crashed"), down.Reason.(term.Tuple)[0])

		time.Sleep(200 * time.Millisecond)
		synctest.Wait()
		select {
		case <-returned:
			t.Fatal("the call returned")
		default:
		}
		info, ok := n.ProcessInfo(client)
		require.True(t, ok, "the client is alive")
		assert.Equal(t, term.Atom("waiting"), info.Status)

		self.SendExit(client, otp.Kill)
		assert.Equal(t, otp.DownMsg{Ref: clientRef, Type: "process", Item: client, Reason: otp.Killed}, self.Receive())
	})
}

// A callback module called by name (server.Named), as the Erlang module
// server runs one: a handle/2 that returns no {NewState, Reply} crashes
// the server with badmatch in server:loop/2.
func TestNamedBadReturn(t *testing.T) {
	bad := &code.Module{Name: "bad", Exports: map[code.FA]code.Func{
		{Function: "init", Arity: 1}:   func(_ *otp.Process, args []term.Term) term.Term { return args[0] },
		{Function: "handle", Arity: 2}: func(_ *otp.Process, args []term.Term) term.Term { return term.Atom("oops") },
	}}
	e := erltest.New(t, server.Module(), bad)
	v, exc := e.Call("server", "start", term.Atom("bad"), 0)
	require.Nil(t, exc)
	assert.Equal(t, term.True, v)
	pid, _ := e.Node.WhereIs("bad")
	down := e.Watch(t, pid)
	e.Self.SpawnLink(func(p *otp.Process) { server.Call(p, "bad", term.Atom("hi")) })
	assert.Equal(t, "{{badmatch,oops},[{server,loop,2,[]}]}", term.Write(down()))
}

// The module's start/2, call/2 and stop/1 fail as the Erlang ones do:
// badarg from register/2 or erlang:send/2, in the server function.
func TestModuleErrors(t *testing.T) {
	e := erltest.New(t, server.Module())
	_, exc := e.Call("server", "call", term.Atom("nobody"), term.Atom("hi"))
	require.NotNil(t, exc)
	assert.Equal(t, term.Atom("badarg"), exc.Reason)
	assert.Equal(t, "{server,call,2,[]}", term.Write(exc.Stack[1]))
	_, exc = e.Call("server", "stop", term.Atom("nobody"))
	require.NotNil(t, exc)
	assert.Equal(t, "{server,stop,1,[]}", term.Write(exc.Stack[1]))
}

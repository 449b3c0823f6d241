package code_test

import (
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newNode(t *testing.T) (*otp.Node, *otp.Process) {
	t.Helper()
	n, err := otp.NewNode(otp.Logger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	require.NoError(t, err)
	t.Cleanup(n.Stop)
	self := n.Attach()
	t.Cleanup(self.Detach)
	return n, self
}

// loop is the throw-away module of the chapter's "Upgrading Modules": its
// Impl is the version number a loop replies with.
func loop(v int) *code.Module {
	return &code.Module{Name: "loop", Vsn: v, Impl: v}
}

func recv(t *testing.T, p *otp.Process) any {
	t.Helper()
	m, ok := p.ReceiveTimeout(5 * time.Second)
	require.True(t, ok, "no message")
	return m
}

// TestUpgradeSession replays chapter 2's "Upgrading Modules": a loop that
// calls itself fully qualified moves to new versions, one that calls
// itself locally stays, and is killed when its version is purged.
func TestUpgradeSession(t *testing.T) {
	n, self := newNode(t)
	cs := code.Of(n)
	_, err := cs.Load(loop(1))
	require.NoError(t, err)

	// Each loop waits for a request, then answers with the version that
	// handled it. The fully qualified one enters the module again on
	// every turn, after the request has come, as Erlang's loop() ->
	// receive ... end, ?MODULE:loop() does.
	qualified := self.Spawn(func(p *otp.Process) {
		m, _ := cs.Enter(p, "loop")
		for {
			from := p.Receive().(term.Pid)
			answer := m.Impl
			// The fully qualified call; the answer goes after it, so
			// that the test knows which version the loop waits in.
			m, _ = cs.Enter(p, "loop")
			p.Send(from, answer)
		}
	})
	local := self.Spawn(func(p *otp.Process) {
		m, _ := cs.Enter(p, "loop")
		for {
			from := p.Receive().(term.Pid)
			p.Send(from, m.Impl)
		}
	})
	ask := func(pid term.Pid) any {
		self.Send(pid, self.Self())
		return recv(t, self)
	}
	require.Equal(t, 1, ask(qualified))
	require.Equal(t, 1, ask(local))

	killed, err := cs.Load(loop(2))
	require.NoError(t, err)
	assert.False(t, killed)
	// Both were waiting in version 1 code: the next answer is still 1
	// from the local loop; the qualified loop re-entered after its last
	// answer, which was before the load, so it answers 1 once more too.
	require.Equal(t, 1, ask(local))
	require.Equal(t, 1, ask(qualified))
	require.Equal(t, 2, ask(qualified))
	require.Equal(t, 1, ask(local))

	assert.True(t, cs.CheckProcessCode(local, "loop"))
	assert.False(t, cs.CheckProcessCode(qualified, "loop"))
	assert.False(t, cs.SoftPurge("loop"))
	old, ok := cs.Old("loop")
	require.True(t, ok, "soft_purge removed the old version")
	assert.Equal(t, 1, old.Vsn)

	ref, err := self.Monitor(local)
	require.NoError(t, err)
	killed, err = cs.Load(loop(3))
	require.NoError(t, err)
	assert.True(t, killed)
	down := recv(t, self).(otp.DownMsg)
	assert.Equal(t, ref, down.Ref)
	assert.Equal(t, otp.Killed, down.Reason)
	assert.False(t, n.IsProcessAlive(local))
	assert.True(t, n.IsProcessAlive(qualified))
	require.Equal(t, 2, ask(qualified))
	require.Equal(t, 3, ask(qualified))
	assert.True(t, cs.SoftPurge("loop"))
}

func TestApplyAndUndef(t *testing.T) {
	n, self := newNode(t)
	cs := code.Of(n)
	_, err := cs.Load(&code.Module{Name: "m", Exports: map[code.FA]code.Func{
		{Function: "double", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
			return args[0].(int) * 2
		},
	}})
	require.NoError(t, err)
	assert.Equal(t, 42, cs.Apply(self, "m", "double", []term.Term{21}))

	m, ok := cs.IsLoaded("m")
	require.True(t, ok)
	assert.Equal(t, 1, m.Vsn, "a module without a version gets the number of its load")
	assert.Equal(t, []term.Atom{"m"}, cs.AllLoaded())

	for _, c := range []struct {
		mod, fun term.Atom
		args     []term.Term
	}{
		{"m", "double", []term.Term{1, 2}},
		{"m", "triple", []term.Term{1}},
		{"nomod", "f", nil},
	} {
		exc := otp.Catch(func() { cs.Apply(self, c.mod, c.fun, c.args) })
		require.NotNil(t, exc)
		assert.Equal(t, otp.ClassError, exc.Class)
		assert.Equal(t, term.Atom("undef"), exc.Reason)
		assert.Equal(t, term.Tuple{c.mod, c.fun, term.List(c.args), term.List{}}, exc.Stack[0])
	}
	_, err = cs.Enter(self, "nomod")
	assert.True(t, errors.Is(err, code.ErrUndef))

	_, err = cs.Load(&code.Module{})
	assert.ErrorIs(t, err, otp.ErrBadarg)
}

func TestDeleteAndPurge(t *testing.T) {
	n, self := newNode(t)
	cs := code.Of(n)
	_, err := cs.Load(loop(1))
	require.NoError(t, err)
	me := self.Self()
	runner := self.Spawn(func(p *otp.Process) {
		cs.Enter(p, "loop")
		p.Send(me, term.Atom("entered"))
		p.Receive()
	})
	require.Equal(t, term.Atom("entered"), recv(t, self))

	assert.True(t, cs.Delete("loop"))
	_, ok := cs.IsLoaded("loop")
	assert.False(t, ok)
	assert.False(t, cs.Delete("loop"), "delete with an old version present")
	assert.True(t, cs.CheckProcessCode(runner, "loop"))

	ref, err := self.Monitor(runner)
	require.NoError(t, err)
	assert.True(t, cs.Purge("loop"))
	assert.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: runner, Reason: otp.Killed}, recv(t, self))
	assert.Empty(t, cs.AllLoaded())
	assert.False(t, cs.Purge("loop"))
}

// A process that called into a module and returned does not run it: it
// survives two loads, as an Erlang shell that called a module does.
func TestApplyThatReturnedDoesNotPin(t *testing.T) {
	n, self := newNode(t)
	cs := code.Of(n)
	ver := func(v int) *code.Module {
		return &code.Module{Name: "m", Vsn: v, Exports: map[code.FA]code.Func{
			{Function: "v", Arity: 0}: func(*otp.Process, []term.Term) term.Term { return v },
		}}
	}
	_, err := cs.Load(ver(1))
	require.NoError(t, err)
	assert.Equal(t, 1, cs.Apply(self, "m", "v", nil))
	assert.False(t, cs.CheckProcessCode(self.Self(), "m"))
	_, err = cs.Load(ver(2))
	require.NoError(t, err)
	killed, err := cs.Load(ver(3))
	require.NoError(t, err)
	assert.False(t, killed)
	assert.True(t, n.IsProcessAlive(self.Self()))
	assert.Equal(t, 3, cs.Apply(self, "m", "v", nil))

	// A process whose body is a call that does not return runs the
	// module until it is purged.
	me := self.Self()
	looper := self.Spawn(func(p *otp.Process) {
		_, _ = cs.Load(&code.Module{Name: "l", Exports: map[code.FA]code.Func{
			{Function: "loop", Arity: 0}: func(p *otp.Process, _ []term.Term) term.Term {
				p.Send(me, term.Atom("looping"))
				p.Receive()
				return nil
			},
		}})
		cs.Apply(p, "l", "loop", nil)
	})
	require.Equal(t, term.Atom("looping"), recv(t, self))
	_, err = cs.Load(&code.Module{Name: "l"})
	require.NoError(t, err)
	assert.True(t, cs.CheckProcessCode(looper, "l"))
}

// A fun called with the wrong number of arguments, or what is not a fun,
// raises with the stacktrace OTP gives, not Go's frames.
func TestCallFunErrorsHaveErlangStacks(t *testing.T) {
	n, self := newNode(t)
	cs := code.Of(n)
	id := func(_ *otp.Process, args []term.Term) term.Term { return args[0] }
	compiled := &term.LocalFun{Module: "m", Arity: 1, Value: code.Func(id)}
	interpreted := &term.LocalFun{Module: "erl_eval", Arity: 1, Value: code.Func(id)}
	for _, c := range []struct {
		f     term.Term
		stack string
	}{
		{compiled, "[{erlang,apply,2,[]}]"},
		{term.ExportFun{Module: "m", Function: "f", Arity: 1}, "[{erlang,apply,2,[]}]"},
		{interpreted, "[{erl_eval,do_apply,6,[]}]"},
		{3, "[{shell,apply_fun,3,[]},{erl_eval,do_apply,6,[]}]"},
	} {
		exc := otp.Catch(func() { cs.CallFun(self, c.f, nil) })
		require.NotNil(t, exc)
		assert.Equal(t, otp.ClassError, exc.Class)
		assert.Equal(t, c.stack, term.Write(exc.Stack), term.Write(exc.Reason))
	}
	assert.Equal(t, 7, cs.CallFun(self, compiled, []term.Term{7}))
}

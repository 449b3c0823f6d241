// Book: chapter 2, "Upgrading Modules" (a shell session).

package upgrade_test

import (
	"testing"

	"github.com/scalability-go/otpbook/ch02/upgrade"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ask(t *testing.T, e *erltest.Env, pid term.Pid) int {
	t.Helper()
	vsn, err := upgrade.Ask(e.Self, pid)
	require.NoError(t, err)
	return vsn
}

// The four steps verified on OTP 25.
func TestUpgradeSession(t *testing.T) {
	e := erltest.New(t, upgrade.Version(1))
	cs := code.Of(e.Node)

	// 1. Two loops on version 1, one fully qualified, one local.
	qualified := upgrade.StartQualified(e.Self)
	local := upgrade.StartLocal(e.Self)
	assert.Equal(t, 1, ask(t, e, qualified))
	assert.Equal(t, 1, ask(t, e, local))

	// 2. Version 2: both were waiting in version 1, and answer 1 once
	// more; then the qualified loop answers 2, the local one still 1.
	killed, err := upgrade.Load(e.Node, 2)
	require.NoError(t, err)
	assert.False(t, killed)
	assert.Equal(t, 1, ask(t, e, qualified))
	assert.Equal(t, 1, ask(t, e, local))
	assert.Equal(t, 2, ask(t, e, qualified))
	assert.Equal(t, 1, ask(t, e, local))

	// 3. The local loop runs old code, so a soft purge refuses.
	assert.True(t, cs.CheckProcessCode(local, upgrade.Loop))
	assert.False(t, cs.CheckProcessCode(qualified, upgrade.Loop))
	assert.False(t, cs.SoftPurge(upgrade.Loop))

	// 4. Version 3 purges version 1, killing the local loop; the
	// qualified one lives, answers 2 from version 2, then 3.
	ref, err := e.Self.Monitor(local)
	require.NoError(t, err)
	killed, err = upgrade.Load(e.Node, 3)
	require.NoError(t, err)
	assert.True(t, killed)
	assert.Equal(t, otp.DownMsg{Ref: ref, Type: "process", Item: local, Reason: otp.Killed}, e.Recv(t))
	assert.False(t, e.Node.IsProcessAlive(local))
	assert.True(t, e.Node.IsProcessAlive(qualified))
	assert.Equal(t, 2, ask(t, e, qualified))
	assert.Equal(t, 3, ask(t, e, qualified))
	assert.True(t, cs.SoftPurge(upgrade.Loop), "nobody runs version 2 now")
	assert.True(t, e.Node.IsProcessAlive(e.Self.Self()), "the shell never ran loop's code")
}

// Ask of a loop that has gone tells why; stop ends a loop normally; a
// message a loop does not know stays queued.
func TestAskStopAndJunk(t *testing.T) {
	e := erltest.New(t, upgrade.Version(1))
	pid := upgrade.StartLocal(e.Self)
	e.Self.Send(pid, term.Atom("junk"))
	assert.Equal(t, 1, ask(t, e, pid))
	info, ok := e.Node.ProcessInfo(pid)
	require.True(t, ok)
	assert.Equal(t, []any{term.Atom("junk")}, info.Messages)
	assert.Equal(t, otp.MFA{Module: "loop", Function: "local", Arity: 0}, info.InitialCall)

	ref, _ := e.Self.Monitor(pid)
	e.Self.Send(pid, upgrade.Stop)
	assert.Equal(t, otp.Normal, e.Recv(t).(otp.DownMsg).Reason)
	e.Self.Demonitor(ref)
	_, err := upgrade.Ask(e.Self, pid)
	var ended *upgrade.EndedError
	require.ErrorAs(t, err, &ended)
	assert.Equal(t, otp.Noproc, ended.Reason)
	assert.Empty(t, e.Self.Flush(), "Ask leaves no DOWN behind")
}

// A loop with no module loop loaded dies of undef.
func TestNotLoaded(t *testing.T) {
	e := erltest.New(t)
	e.Self.TrapExit(true)
	pid := e.Self.SpawnLink(upgrade.Qualified)
	exit := e.Recv(t).(otp.ExitMsg)
	assert.Equal(t, pid, exit.From)
	assert.Equal(t, "{undef,[{loop,qualified,[],[]}]}", term.Write(exit.Reason))
}

// The same session through the module upgrade, as the shell drives it.
func TestModuleSession(t *testing.T) {
	e := erltest.New(t, upgrade.Module())
	call := func(function term.Atom, args ...term.Term) term.Term {
		t.Helper()
		v, exc := e.Call("upgrade", function, args...)
		require.Nil(t, exc, "%s%v", function, args)
		return v
	}
	assert.Equal(t, "{undefined,undefined}", term.Write(call("versions")))
	q := call("start", term.Atom("qualified")).(term.Pid)
	l := call("start", term.Atom("local")).(term.Pid)
	assert.Equal(t, "{1,undefined}", term.Write(call("versions")), "start loaded version 1")
	assert.Equal(t, 1, call("ask", q))
	assert.Equal(t, 1, call("ask", l))

	assert.Equal(t, "{module,loop}", term.Write(call("load", 2)))
	assert.Equal(t, "{2,1}", term.Write(call("versions")))
	assert.Equal(t, 1, call("ask", q))
	assert.Equal(t, 1, call("ask", l))
	assert.Equal(t, 2, call("ask", q))
	assert.Equal(t, 1, call("ask", l))
	assert.Equal(t, term.Atom("true"), call("check_process_code", l))
	assert.Equal(t, term.Atom("false"), call("check_process_code", q))
	assert.Equal(t, term.Atom("false"), call("soft_purge"))

	call("load", 3)
	assert.False(t, e.Node.IsProcessAlive(l))
	assert.Equal(t, 2, call("ask", q))
	assert.Equal(t, 3, call("ask", q))
	assert.Equal(t, "{3,2}", term.Write(call("versions")))
	assert.Equal(t, term.Atom("true"), call("soft_purge"))
	assert.Equal(t, "{3,undefined}", term.Write(call("versions")))

	_, exc := e.Call("upgrade", "ask", l)
	require.NotNil(t, exc)
	assert.Equal(t, otp.ClassExit, exc.Class)
	assert.Equal(t, "{noproc,{upgrade,ask,["+l.String()+"]}}", term.Write(exc.Reason))
	_, exc = e.Call("upgrade", "start", term.Atom("other"))
	assert.Equal(t, term.Atom("function_clause"), exc.Reason)
}

// purge kills the processes that run the old version, and says so.
func TestModulePurge(t *testing.T) {
	e := erltest.New(t, upgrade.Module())
	v, _ := e.Call("upgrade", "start", term.Atom("local"))
	l := v.(term.Pid)
	// A loop enters the module when it runs, not when it is spawned:
	// once it has answered, it runs version 1.
	v, _ = e.Call("upgrade", "ask", l)
	require.Equal(t, 1, v)
	e.Call("upgrade", "load", 2)
	ref, _ := e.Self.Monitor(l)
	v, _ = e.Call("upgrade", "purge")
	assert.Equal(t, term.Atom("true"), v)
	down := e.Recv(t).(otp.DownMsg)
	assert.Equal(t, ref, down.Ref)
	assert.Equal(t, otp.Killed, down.Reason)
	v, _ = e.Call("upgrade", "purge")
	assert.Equal(t, term.Atom("false"), v)
}

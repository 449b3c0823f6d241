package otp_test

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The Process doc comment's "kill, honestly": a killed process is dead at
// once for everyone, while its goroutine runs on until its next call into
// the runtime, where it unwinds, running its deferred calls.
func TestKillLoopThatNeverCallsRuntime(t *testing.T) {
	n := mtNode(t)
	self := mtSelf(t, n)
	self.TrapExit(true)

	var stop atomic.Bool
	procs := make(chan *otp.Process, 1)
	looped := make(chan struct{})   // the loop has seen the flag
	deferred := make(chan struct{}) // the body's deferred call has run
	resumed := make(chan struct{})  // the body went on after its receive
	pid := self.SpawnLink(func(p *otp.Process) {
		defer close(deferred)
		procs <- p
		for !stop.Load() {
			// Spinning without calling the runtime.
		}
		close(looped)
		p.Receive() // the killed process unwinds here
		close(resumed)
	})
	p := <-procs
	ctx := p.Context()
	require.NoError(t, n.Register("spinner", pid))
	mref, err := self.Monitor(pid)
	require.NoError(t, err)
	require.True(t, n.IsProcessAlive(pid))
	require.False(t, mtDone(ctx))

	self.SendExit(pid, otp.Kill)

	// Dead for everyone by the time SendExit returns.
	assert.False(t, n.IsProcessAlive(pid))
	assert.NotContains(t, n.Processes(), pid)
	_, ok := n.ProcessInfo(pid)
	assert.False(t, ok)
	_, ok = n.WhereIs("spinner")
	assert.False(t, ok, "the name is still taken")
	assert.True(t, mtDone(ctx), "the process's context is not done")
	assert.ElementsMatch(t, []any{
		otp.ExitMsg{From: pid, Reason: otp.Killed},
		otp.DownMsg{Ref: mref, Type: "process", Item: pid, Reason: otp.Killed},
	}, self.Flush(), "the link and the monitor have not both fired")
	require.ErrorIs(t, self.SendTo(term.Atom("spinner"), term.Atom("hello")), otp.ErrBadarg)
	other := self.Spawn(mtIdle)
	require.NoError(t, n.Register("spinner", other), "the name is not free")

	// Its goroutine still runs.
	assert.False(t, mtClosed(deferred), "the body unwound before it called the runtime")
	assert.False(t, mtClosed(looped))

	stop.Store(true)
	select {
	case <-looped:
	case <-time.After(mtWait):
		t.Fatal("the loop did not see the flag: its goroutine was not running")
	}
	select {
	case <-deferred:
	case <-time.After(mtWait):
		t.Fatal("the body's deferred call did not run")
	}
	assert.False(t, mtClosed(resumed), "the killed process returned from Receive")
	assert.Empty(t, self.Flush())
}

// Stop kills every process, cancels the contexts and the timers, and
// returns once every process's goroutine has.
func TestNodeStop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n, err := otp.NewNode()
		require.NoError(t, err)
		self := n.Attach()
		selfCtx := self.Context()

		// Processes blocked in receives of every kind.
		bodies := []func(p *otp.Process){
			func(p *otp.Process) { p.Receive() },
			func(p *otp.Process) { p.ReceiveTimeout(time.Hour) },
			func(p *otp.Process) { mtIdle(p) },
			func(p *otp.Process) { p.TrapExit(true); p.Receive() },
			func(p *otp.Process) { p.Sleep(time.Hour) },
		}
		var pids []term.Pid
		var dones, resumed []chan struct{}
		procs := make(chan *otp.Process, len(bodies))
		for i, body := range bodies {
			done, res := make(chan struct{}), make(chan struct{})
			dones, resumed = append(dones, done), append(resumed, res)
			// The process that traps exits is not linked: Stop kills the
			// processes one after another, and an exit signal from one
			// it killed earlier would wake it.
			pid, _ := self.SpawnOpt(func(p *otp.Process) {
				defer close(done)
				procs <- p
				body(p)
				close(res)
			}, otp.SpawnOptions{Link: i != 3})
			pids = append(pids, pid)
		}
		var ctxs []context.Context
		for range bodies {
			ctxs = append(ctxs, (<-procs).Context())
		}
		require.NoError(t, n.Register("blocked", pids[0]))
		_, err = self.Monitor(pids[1])
		require.NoError(t, err)
		tref, err := n.SendAfter(time.Second, pids[0], term.Atom("late"))
		require.NoError(t, err)
		tref2, err := n.StartTimer(time.Second, term.Atom("blocked"), term.Atom("late"))
		require.NoError(t, err)
		synctest.Wait() // every process is blocked in its receive
		for _, pid := range pids {
			info, ok := n.ProcessInfo(pid)
			require.True(t, ok)
			require.Equal(t, term.Atom("waiting"), info.Status)
		}

		n.Stop()

		for i, pid := range pids {
			assert.False(t, n.IsProcessAlive(pid), "process %d", i)
			assert.True(t, mtClosed(dones[i]), "process %d has not unwound", i)
			assert.False(t, mtClosed(resumed[i]), "process %d returned from its receive", i)
		}
		assert.False(t, n.IsProcessAlive(self.Self()), "the attached process")
		assert.Empty(t, n.Processes())
		assert.Empty(t, n.Registered())
		assert.True(t, mtDone(n.Context()), "the node's context")
		assert.True(t, mtDone(selfCtx), "the attached process's context")
		for i, ctx := range ctxs {
			assert.True(t, mtDone(ctx), "process %d's context", i)
		}
		_, ok := n.ReadTimer(tref)
		assert.False(t, ok, "a timer survived Stop")
		_, ok = n.CancelTimer(tref2)
		assert.False(t, ok, "a timer survived Stop")

		// The attached process finds it was killed at its next call: a
		// panic that Catch does not catch, as a kill is not an exception.
		var exc *otp.Exception
		func() {
			defer func() { exc, _ = recover().(*otp.Exception) }()
			otp.Catch(func() { self.Receive() })
		}()
		require.NotNil(t, exc)
		assert.Equal(t, otp.ClassExit, exc.Class)
		assert.Equal(t, otp.Killed, exc.Reason)
		self.Detach() // does nothing

		// Past the timers' deadlines nothing happens.
		time.Sleep(2 * time.Second)
		synctest.Wait()

		// Stop is idempotent.
		n.Stop()
		n.Stop()

		// Nothing starts after Stop.
		ran := make(chan struct{})
		pid := n.Spawn(func(*otp.Process) { close(ran) })
		synctest.Wait()
		assert.False(t, n.IsProcessAlive(pid))
		assert.False(t, mtClosed(ran), "a process spawned after Stop ran")
		late := n.Attach()
		assert.False(t, n.IsProcessAlive(late.Self()))
		late.Detach()
		ref, err := n.SendAfter(time.Millisecond, term.Atom("blocked"), term.Atom("x"))
		require.NoError(t, err)
		_, ok = n.ReadTimer(ref)
		assert.False(t, ok, "a timer started after Stop")
		assert.Empty(t, n.Processes())
	})
}

// Two nodes in one OS process share nothing.
func TestSeveralNodes(t *testing.T) {
	n1 := mtNode(t, otp.Name("one@localhost"))
	n2 := mtNode(t, otp.Name("two@localhost"))
	assert.Equal(t, term.Atom("one@localhost"), n1.Name())
	assert.Equal(t, term.Atom("two@localhost"), n2.Name())

	s1, s2 := mtSelf(t, n1), mtSelf(t, n2)
	p1, p2 := s1.Spawn(mtEcho), s2.Spawn(mtEcho)
	assert.NotEqual(t, p1, p2)
	assert.Equal(t, term.Atom("one@localhost"), p1.Node)
	assert.Equal(t, term.Atom("two@localhost"), p2.Node)
	assert.True(t, n1.IsProcessAlive(p1))
	assert.False(t, n1.IsProcessAlive(p2))
	assert.False(t, n2.IsProcessAlive(p1))
	assert.Equal(t, []term.Pid{s1.Self(), p1}, n1.Processes())
	assert.Equal(t, []term.Pid{s2.Self(), p2}, n2.Processes())
	_, ok := n2.ProcessInfo(p1)
	assert.False(t, ok)

	// Registries: the same name on both, each its own process.
	require.NoError(t, n1.Register("srv", p1))
	require.NoError(t, n2.Register("srv", p2))
	pid, ok := n1.WhereIs("srv")
	require.True(t, ok)
	assert.Equal(t, p1, pid)
	pid, ok = n2.WhereIs("srv")
	require.True(t, ok)
	assert.Equal(t, p2, pid)
	assert.ErrorIs(t, n2.Register("other", p1), otp.ErrBadarg, "a pid of another node")

	// A name on one is not seen on the other.
	only := s1.Spawn(mtIdle)
	require.NoError(t, n1.Register("only_on_one", only))
	_, ok = n2.WhereIs("only_on_one")
	assert.False(t, ok)
	assert.Equal(t, []term.Atom{"only_on_one", "srv"}, n1.Registered())
	assert.Equal(t, []term.Atom{"srv"}, n2.Registered())
	assert.ErrorIs(t, s2.SendTo(term.Atom("only_on_one"), term.Atom("x")), otp.ErrBadarg)
	ref, err := s2.Monitor(term.Atom("only_on_one"))
	require.NoError(t, err)
	assert.Equal(t, otp.Noproc, mtRecvDown(t, s2, ref).Reason)

	// Each name reaches its own node's process.
	require.NoError(t, s1.SendTo(term.Atom("srv"), term.Tuple{s1.Self(), term.Atom("one")}))
	require.NoError(t, s2.SendTo(term.Atom("srv"), term.Tuple{s2.Self(), term.Atom("two")}))
	assert.Equal(t, term.Atom("one"), mtRecv(t, s1))
	assert.Equal(t, term.Atom("two"), mtRecv(t, s2))

	// Stopping one leaves the other running.
	n1.Stop()
	assert.False(t, n1.IsProcessAlive(p1))
	assert.True(t, n2.IsProcessAlive(p2))
	assert.False(t, mtDone(n2.Context()))
	require.NoError(t, s2.SendTo(term.Atom("srv"), term.Tuple{s2.Self(), term.Atom("still")}))
	assert.Equal(t, term.Atom("still"), mtRecv(t, s2))
}

// ProcessInfo reports what process_info/1,2 does.
func TestProcessInfo(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n := mtNode(t)
		self := mtSelf(t, n)
		me := self.Self()
		other := self.Spawn(mtIdle)
		named := self.Spawn(mtIdle)
		require.NoError(t, n.Register("pi_named", named))

		label := term.Tuple{term.Atom("worker"), 1}
		mfa := otp.MFA{Module: "pi_mod", Function: "init", Arity: 1}
		target, _ := self.SpawnOpt(func(p *otp.Process) {
			p.TrapExit(true)
			if p.Link(me) != nil {
				return
			}
			if _, err := p.Monitor(other); err != nil {
				return
			}
			if _, err := p.Monitor(term.Atom("pi_named")); err != nil {
				return
			}
			p.SetLabel(label)
			mtIdle(p)
		}, otp.SpawnOptions{InitialCall: &mfa})
		require.NoError(t, n.Register("pi_target", target))
		_, err := self.Monitor(target)
		require.NoError(t, err)
		msgs := []any{term.Atom("a"), term.Tuple{term.Atom("b"), 1}}
		for _, m := range msgs {
			self.Send(target, m)
		}
		synctest.Wait() // target is blocked in its receive

		info, ok := n.ProcessInfo(target)
		require.True(t, ok)
		namedItem := term.Tuple{term.Atom("pi_named"), n.Name()}
		assert.Equal(t, target, info.Pid)
		assert.Equal(t, term.Atom("waiting"), info.Status)
		assert.Equal(t, 2, info.MessageQueueLen)
		assert.Equal(t, msgs, info.Messages)
		assert.Equal(t, []term.Pid{me}, info.Links)
		assert.Equal(t, []term.Tuple{
			{term.Atom("process"), other},
			{term.Atom("process"), namedItem},
		}, info.Monitors)
		assert.Equal(t, []term.Pid{me}, info.MonitoredBy)
		assert.True(t, info.TrapExit)
		assert.Equal(t, term.Atom("pi_target"), info.RegisteredName)
		assert.Equal(t, mfa, info.InitialCall)
		assert.Equal(t, label, info.Label)
		assert.Equal(t, label, info.CurrentFunction)

		// process_info/2 shapes.
		for _, c := range []struct {
			item term.Atom
			want term.Term
		}{
			{"status", term.Atom("waiting")},
			{"message_queue_len", 2},
			{"messages", term.List{term.Atom("a"), term.Tuple{term.Atom("b"), 1}}},
			{"links", term.List{me}},
			{"monitors", term.List{
				term.Tuple{term.Atom("process"), other},
				term.Tuple{term.Atom("process"), namedItem},
			}},
			{"monitored_by", term.List{me}},
			{"trap_exit", term.True},
			{"registered_name", term.Atom("pi_target")},
			{"initial_call", term.Tuple{term.Atom("pi_mod"), term.Atom("init"), 1}},
			{"current_function", label},
			{"label", label},
		} {
			got, ok := info.Item(c.item)
			if assert.True(t, ok, "item %s", c.item) {
				assert.True(t, term.Exact(term.Tuple{c.item, c.want}, got), "item %s: got %v", c.item, got)
			}
		}
		_, ok = info.Item("no_such_item")
		assert.False(t, ok)

		// process_info/1 shape.
		want := term.List{
			term.Tuple{term.Atom("registered_name"), term.Atom("pi_target")},
			term.Tuple{term.Atom("current_function"), label},
			term.Tuple{term.Atom("initial_call"), term.Tuple{term.Atom("pi_mod"), term.Atom("init"), 1}},
			term.Tuple{term.Atom("status"), term.Atom("waiting")},
			term.Tuple{term.Atom("message_queue_len"), 2},
			term.Tuple{term.Atom("links"), term.List{me}},
			term.Tuple{term.Atom("trap_exit"), term.True},
		}
		assert.True(t, term.Exact(want, info.Term()), "got %v", info.Term())

		// The default initial call is the Go function; no label.
		info, ok = n.ProcessInfo(other)
		require.True(t, ok)
		assert.Equal(t, otp.MFA{Module: "otp_test", Function: "mtIdle", Arity: 1}, info.InitialCall)
		assert.Equal(t, info.InitialCall, info.CurrentFunction)
		assert.Nil(t, info.Label)
		assert.Equal(t, term.Atom("waiting"), info.Status)
		assert.Equal(t, []term.Pid{target}, info.MonitoredBy)
		assert.Empty(t, info.Links)
		assert.False(t, info.TrapExit)
		for item, want := range map[term.Atom]string{
			"label":            "{label,undefined}",
			"registered_name":  "{registered_name,[]}",
			"initial_call":     "{initial_call,{otp_test,mtIdle,1}}",
			"current_function": "{current_function,{otp_test,mtIdle,1}}",
			"trap_exit":        "{trap_exit,false}",
			"messages":         "{messages,[]}",
			"links":            "{links,[]}",
			"monitors":         "{monitors,[]}",
		} {
			got, ok := info.Item(item)
			if assert.True(t, ok, "item %s", item) {
				assert.Equal(t, want, term.Write(got))
			}
		}
		closure := self.Spawn(func(p *otp.Process) { mtIdle(p) })
		synctest.Wait()
		info, ok = n.ProcessInfo(closure)
		require.True(t, ok)
		assert.Equal(t, term.Atom("otp_test"), info.InitialCall.Module)
		assert.True(t, strings.HasPrefix(string(info.InitialCall.Function), "TestProcessInfo."), "got %v", info.InitialCall)
		assert.Equal(t, 1, info.InitialCall.Arity)

		info, ok = n.ProcessInfo(named)
		require.True(t, ok)
		assert.Equal(t, []term.Pid{target}, info.MonitoredBy)

		// The caller itself is running, and holds its link and monitor.
		info, ok = n.ProcessInfo(me)
		require.True(t, ok)
		assert.Equal(t, term.Atom("running"), info.Status)
		assert.Equal(t, []term.Pid{target}, info.Links)
		assert.Equal(t, []term.Tuple{{term.Atom("process"), target}}, info.Monitors)

		// A dead process has no info.
		self.Send(target, term.Atom("stop"))
		synctest.Wait()
		_, ok = n.ProcessInfo(target)
		assert.False(t, ok)
		info, ok = n.ProcessInfo(me)
		require.True(t, ok)
		assert.Empty(t, info.Links)
		assert.Empty(t, info.Monitors)
		info, ok = n.ProcessInfo(other)
		require.True(t, ok)
		assert.Empty(t, info.MonitoredBy)
	})
}

// SendTo sends to a pid, a name or {Name, Node}, as ! does.
func TestSendToName(t *testing.T) {
	n := mtNode(t)
	self := mtSelf(t, n)
	me := self.Self()

	// A name nobody has: badarg.
	err := self.SendTo(term.Atom("nobody"), term.Atom("x"))
	require.Error(t, err)
	assert.True(t, errors.Is(err, otp.ErrBadarg), "%v does not wrap ErrBadarg", err)

	// {Name, Node} nobody has: dropped, no error; nor does it reach a
	// process that takes the name later.
	assert.NoError(t, self.SendTo(term.Tuple{term.Atom("nobody"), n.Name()}, term.Atom("lost")))
	require.NoError(t, n.Register("nobody", me))
	assert.Empty(t, self.Flush())
	require.NoError(t, n.Unregister("nobody"))

	// {Name, Node} of a node that is not this one: dropped, even when the
	// name is registered here.
	require.NoError(t, n.Register("me", me))
	assert.NoError(t, self.SendTo(term.Tuple{term.Atom("me"), term.Atom("elsewhere@host")}, term.Atom("lost")))
	assert.Empty(t, self.Flush())

	// What does reach.
	require.NoError(t, self.SendTo(me, 1))
	require.NoError(t, self.SendTo(term.Atom("me"), 2))
	require.NoError(t, self.SendTo(term.Tuple{term.Atom("me"), n.Name()}, 3))
	assert.Equal(t, []any{1, 2, 3}, self.Flush())

	// A pid of a dead process: dropped, no error.
	dead, ref := self.SpawnMonitor(func(*otp.Process) {})
	mtRecvDown(t, self, ref)
	assert.NoError(t, self.SendTo(dead, term.Atom("lost")))

	// Not a destination: badarg.
	for _, dest := range []term.Term{
		42,
		"me",
		term.Binary("me"),
		n.MakeRef(),
		term.List{term.Atom("me")},
		term.Tuple{},
		term.Tuple{term.Atom("me")},
		term.Tuple{term.Atom("me"), 1},
		term.Tuple{"me", n.Name()},
		term.Tuple{term.Atom("me"), n.Name(), 1},
	} {
		err := self.SendTo(dest, term.Atom("x"))
		assert.ErrorIs(t, err, otp.ErrBadarg, "SendTo(%v)", dest)
	}
	assert.Empty(t, self.Flush())
}

// A process that ends of an uncaught error or throw is logged as the
// emulator logs it; one that exits is not.
func TestCrashIsLogged(t *testing.T) {
	rec := &mtRecorder{}
	n := mtNode(t, otp.Logger(slog.New(rec)))
	self := mtSelf(t, n)

	logged := []struct {
		name   string
		body   func(*otp.Process)
		reason func(t *testing.T, r term.Term) // checks the exit reason
		prefix string                          // how the reason prints
	}{
		{"throw", func(*otp.Process) { otp.Throw(term.Atom("x")) }, func(t *testing.T, r term.Term) {
			assert.Equal(t, term.Tuple{term.Atom("nocatch"), term.Atom("x")}, r.(term.Tuple)[0])
		}, "{{nocatch,x},"},
		{"error", func(*otp.Process) { otp.Error(term.Atom("badarith")) }, func(t *testing.T, r term.Term) {
			assert.Equal(t, term.Atom("badarith"), r.(term.Tuple)[0])
		}, "{badarith,"},
		{"panic", func(*otp.Process) { panic(term.Atom("boom")) }, func(t *testing.T, r term.Term) {
			assert.Equal(t, term.Atom("boom"), r.(term.Tuple)[0])
		}, "{boom,"},
	}
	for _, c := range logged {
		t.Run(c.name, func(t *testing.T) {
			before := len(rec.Records())
			pid, ref := self.SpawnMonitor(c.body)
			d := mtRecvDown(t, self, ref)
			reason, ok := d.Reason.(term.Tuple)
			require.True(t, ok, "reason %v", d.Reason)
			require.Len(t, reason, 2)
			c.reason(t, reason)
			assert.NotEmpty(t, reason[1], "no stacktrace")

			// The record is made before the process's monitors fire.
			recs := rec.Records()
			require.Len(t, recs, before+1)
			r := recs[before]
			assert.Equal(t, slog.LevelError, r.Level)
			prefix := "Error in process " + pid.String() + " with exit value:\n"
			assert.True(t, strings.HasPrefix(r.Message, prefix+c.prefix), "got %q", r.Message)
			assert.Equal(t, prefix+term.Print(d.Reason), r.Message)
			attrs := mtAttrs(r)
			assert.Equal(t, pid, attrs["pid"])
			assert.Equal(t, d.Reason, attrs["reason"])
		})
	}

	t.Run("text handler", func(t *testing.T) {
		var buf strings.Builder
		tn := mtNode(t, otp.Logger(slog.New(slog.NewTextHandler(&buf, nil))))
		ts := mtSelf(t, tn)
		pid, ref := ts.SpawnMonitor(func(*otp.Process) { otp.Throw(term.Atom("x")) })
		mtRecvDown(t, ts, ref)
		out := buf.String()
		assert.Contains(t, out, `level=ERROR msg="Error in process `+pid.String()+` with exit value:\n{{nocatch,x},`)
		assert.Contains(t, out, " pid="+pid.String()+" ")
		assert.Contains(t, out, ` reason="{{nocatch,x},`)
	})

	notLogged := []struct {
		name string
		body func(*otp.Process)
		want term.Term
	}{
		{"exit", func(*otp.Process) { otp.Exit(term.Atom("bye")) }, term.Atom("bye")},
		{"exit normal", func(*otp.Process) { otp.Exit(otp.Normal) }, otp.Normal},
		{"return", func(*otp.Process) {}, otp.Normal},
		{"killed", mtIdle, otp.Killed},
	}
	for _, c := range notLogged {
		t.Run(c.name, func(t *testing.T) {
			before := len(rec.Records())
			pid, ref := self.SpawnMonitor(c.body)
			if c.want == term.Term(otp.Killed) {
				self.SendExit(pid, otp.Kill)
			}
			assert.Equal(t, c.want, mtRecvDown(t, self, ref).Reason)
			assert.Len(t, rec.Records(), before, "logged: %v", rec.Records())
		})
	}
}

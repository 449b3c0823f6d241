package proclib_test

import (
	"errors"
	"log/slog"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/proclib"
	"github.com/scalability-go/otpbook/otp/shell"
	"github.com/scalability-go/otpbook/otp/term"
)

var mfa = otp.MFA{Module: "m", Function: "init", Arity: 1}

const (
	goMsg = term.Atom("go")
)

// waitGo makes a child body that tells the test it runs, waits for go,
// and then acknowledges ret.
func waitGo(test term.Pid, ret any) func(*otp.Process) {
	return func(c *otp.Process) {
		c.Send(test, term.Tuple{term.Atom("waiting"), c.Self()})
		c.ReceiveMatch(func(m any) bool { return m == goMsg }, otp.Infinity)
		proclib.InitAck(c, ret)
		c.Receive()
	}
}

// syncStart runs a start in a helper process that reports the result, so
// that the test can check the start blocks until the child acks.
func syncStart(t *testing.T, self *otp.Process, start func(p *otp.Process) (any, error)) {
	t.Helper()
	test := self.Self()
	self.Spawn(func(p *otp.Process) {
		ret, err := start(p)
		p.Send(test, term.Tuple{term.Atom("started"), ret, err})
	})
	msg, ok := self.ReceiveTimeout(5 * time.Second)
	require.True(t, ok)
	child := msg.(term.Tuple)[1].(term.Pid)
	// The child waits for go: the start has not returned.
	_, ok = self.ReceiveTimeout(50 * time.Millisecond)
	require.False(t, ok, "the start returned before init_ack")
	self.Send(child, goMsg)
	msg, ok = self.ReceiveTimeout(5 * time.Second)
	require.True(t, ok)
	res := msg.(term.Tuple)
	assert.Equal(t, term.Atom("started"), res[0])
	assert.Equal(t, term.Tuple{term.Atom("ok"), child}, res[1])
	assert.Nil(t, res[2])
	self.SendExit(child, otp.Kill)
}

func TestPLIB01SyncStartLink(t *testing.T) {
	_, self, _ := newNode(t)
	test := self.Self()
	syncStart(t, self, func(p *otp.Process) (any, error) {
		p.TrapExit(true)
		return proclib.StartLink(p, mfa, func(c *otp.Process) {
			waitGo(test, term.Tuple{term.Atom("ok"), c.Self()})(c)
		}, otp.Infinity)
	})
}

func TestPLIB02SyncStartNoLink(t *testing.T) {
	_, self, _ := newNode(t)
	test := self.Self()
	syncStart(t, self, func(p *otp.Process) (any, error) {
		return proclib.Start(p, mfa, func(c *otp.Process) {
			waitGo(test, term.Tuple{term.Atom("ok"), c.Self()})(c)
		}, 0)
	})
}

// stackOf returns the stack of a {Reason, Stack} exit reason.
func splitReason(t *testing.T, r term.Term) (term.Term, term.List) {
	t.Helper()
	tu, ok := r.(term.Tuple)
	require.True(t, ok, "reason %v", r)
	require.Len(t, tu, 2)
	st, ok := tu[1].(term.List)
	require.True(t, ok)
	require.NotEmpty(t, st)
	return tu[0], st
}

func TestPLIB03InitCrashDoesNotHang(t *testing.T) {
	_, self, logs := newNode(t)
	badInit := func(*otp.Process) { otp.Error(term.Atom("bad_init")) }

	self.TrapExit(true)
	_, err := proclib.StartLink(self, mfa, badInit, otp.Infinity)
	var se *proclib.StartError
	require.ErrorAs(t, err, &se)
	reason, _ := splitReason(t, se.Reason)
	assert.Equal(t, term.Atom("bad_init"), reason)
	// OTP 26: no stray EXIT for a trapping, linked caller.
	msgs := self.Flush()
	assert.Empty(t, msgs)

	_, err = proclib.Start(self, mfa, badInit, otp.Infinity)
	require.ErrorAs(t, err, &se)
	reason, _ = splitReason(t, se.Reason)
	assert.Equal(t, term.Atom("bad_init"), reason)

	_, ref, err := proclib.StartMonitor(self, mfa, badInit, 5*time.Second)
	require.ErrorAs(t, err, &se)
	// The DOWN is left for the monitoring caller.
	msg, ok := self.ReceiveTimeout(5 * time.Second)
	require.True(t, ok)
	down := msg.(otp.DownMsg)
	assert.Equal(t, ref, down.Ref)
	assert.True(t, term.Exact(se.Reason, down.Reason))

	assert.Len(t, crashReports(logs), 3)
}

func TestStartTimeoutKillsChild(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, self, _ := newNode(t)
		self.TrapExit(true)
		test := self.Self()
		start := time.Now()
		_, err := proclib.StartLink(self, mfa, func(c *otp.Process) {
			c.Send(test, c.Self())
			c.Receive()
		}, time.Second)
		require.ErrorIs(t, err, proclib.ErrTimeout)
		assert.Equal(t, time.Second, time.Since(start))
		child := self.Receive().(term.Pid)
		assert.False(t, self.Node().IsProcessAlive(child))
		assert.Empty(t, self.Flush(), "no EXIT of the killed child")
	})
}

func TestInitFail(t *testing.T) {
	_, self, logs := newNode(t)
	self.TrapExit(true)
	ret, err := proclib.StartLink(self, mfa, func(c *otp.Process) {
		proclib.InitFail(c, term.Tuple{term.Atom("error"), term.Atom("nope")}, otp.ClassExit, otp.Normal)
	}, otp.Infinity)
	require.NoError(t, err)
	assert.Equal(t, term.Tuple{term.Atom("error"), term.Atom("nope")}, ret)
	assert.Empty(t, self.Flush())
	assert.Empty(t, crashReports(logs))
}

func TestAncestorsAndInitialCall(t *testing.T) {
	n, self, _ := newNode(t)
	require.NoError(t, n.Register("top", self.Self()))
	test := self.Self()
	var mid term.Pid
	mid = proclib.Spawn(self, otp.MFA{Module: "m", Function: "mid", Arity: 0}, func(p *otp.Process) {
		proclib.Spawn(p, otp.MFA{Module: "m", Function: "leaf", Arity: 2}, func(c *otp.Process) {
			c.Send(test, term.Tuple{c.Get(proclib.KeyAncestors), c.Get(proclib.KeyInitialCall), proclib.Parent(c)})
		})
		p.Receive()
	})
	got := self.Receive().(term.Tuple)
	assert.Equal(t, term.List{mid, term.Atom("top")}, got[0])
	assert.Equal(t, term.Tuple{term.Atom("m"), term.Atom("leaf"), 2}, got[1])
	assert.Equal(t, mid, got[2])

	info, ok := n.ProcessInfo(mid)
	require.True(t, ok)
	assert.Equal(t, otp.MFA{Module: "proc_lib", Function: "init_p", Arity: 5}, info.InitialCall)
	assert.Equal(t, otp.MFA{Module: "m", Function: "mid", Arity: 0}, proclib.TranslateInitialCall(n, mid))
	self.SendExit(mid, otp.Kill)
}

func crashReports(h *records) []*proclib.CrashReport {
	var out []*proclib.CrashReport
	for _, r := range h.all() {
		r.Attrs(func(a slog.Attr) bool {
			if a.Key == "report" {
				if cr, ok := a.Value.Any().(*proclib.CrashReport); ok {
					out = append(out, cr)
				}
			}
			return true
		})
	}
	return out
}

// exitOf spawns fn with proclib.SpawnLink from a trapping process and
// returns its exit reason.
func exitOf(t *testing.T, self *otp.Process, fn func(*otp.Process)) term.Term {
	t.Helper()
	self.TrapExit(true)
	pid := proclib.SpawnLink(self, otp.MFA{Module: "m", Function: "f", Arity: 0}, fn)
	msg, ok := self.ReceiveMatch(func(m any) bool {
		e, ok := m.(otp.ExitMsg)
		return ok && e.From == pid
	}, 5*time.Second)
	require.True(t, ok)
	return msg.(otp.ExitMsg).Reason
}

func TestPLIB05CrashReports(t *testing.T) {
	_, self, logs := newNode(t)
	for _, r := range []term.Term{otp.Normal, otp.Shutdown, term.Tuple{otp.Shutdown, term.Atom("x")}} {
		assert.Equal(t, r, exitOf(t, self, func(*otp.Process) { otp.Exit(r) }))
	}
	exitOf(t, self, func(*otp.Process) {}) // returns: normal
	assert.Empty(t, crashReports(logs))
	assert.Empty(t, logs.all(), "no report of any kind")

	// A neighbour: linked, not trapping.
	test := self.Self()
	var nb term.Pid
	reason := exitOf(t, self, func(c *otp.Process) {
		nb = c.SpawnLink(func(q *otp.Process) { q.Receive() })
		c.Put(term.Atom("foo"), term.Atom("bar"))
		c.Send(c.Self(), term.Atom("hello"))
		_ = test
		otp.Exit(term.Atom("die"))
	})
	assert.Equal(t, term.Atom("die"), reason)
	reps := crashReports(logs)
	require.Len(t, reps, 1)
	r := reps[0]
	assert.Equal(t, otp.ClassExit, r.Class)
	assert.Equal(t, term.Atom("die"), r.Reason)
	assert.Equal(t, term.List{self.Self()}, r.Ancestors)
	assert.Equal(t, &otp.MFA{Module: "m", Function: "f", Arity: 0}, r.InitialCall)
	assert.Equal(t, 1, r.MessageQueueLen)
	assert.Equal(t, []any{term.Atom("hello")}, r.Messages)
	assert.Contains(t, r.Links, self.Self())
	assert.Contains(t, r.Links, nb)
	require.Len(t, r.Neighbours, 1, "the parent traps exits and is no neighbour")
	assert.Equal(t, nb, r.Neighbours[0].Pid)

	rec := logs.all()[0]
	assert.Equal(t, slog.LevelError, rec.Level)
	assert.Equal(t, r.Format(), rec.Message)
	assert.Equal(t, "CRASH REPORT", r.ReportHeader())
	text := r.Format()
	assert.True(t, strings.HasPrefix(text, "  crasher:\n    initial call: m:f/0\n    pid: "), text)
	assert.Contains(t, text, "\n    exception exit: die\n")
	assert.Contains(t, text, "\n    messages: [hello]\n")
	assert.Contains(t, text, "\n  neighbours:\n    neighbour:\n      pid: "+term.Write(nb))
	assert.True(t, r.Neighbours[0].NotProcLib)
	assert.Regexp(t, `\n      initial_call: \{[^\n]+,1\}\n`, text, "not proc_lib's: {M, F, Arity}, as process_info gives it")
	assert.NotContains(t, text, "Argument__")

	// Erased dictionary: no initial call, ancestors [].
	exitOf(t, self, func(c *otp.Process) {
		c.Erase(proclib.KeyAncestors)
		c.Erase(proclib.KeyInitialCall)
		otp.Error(term.Atom("oops"))
	})
	reps = crashReports(logs)
	require.Len(t, reps, 2)
	assert.Nil(t, reps[1].InitialCall)
	assert.Equal(t, term.List{}, reps[1].Ancestors)
	assert.Equal(t, otp.ClassError, reps[1].Class)
	assert.True(t, strings.HasPrefix(reps[1].Format(), "  crasher:\n    pid: "))
	assert.Contains(t, reps[1].Format(), "    exception error: oops\n      in function  proclib_test:")
	for _, rec := range logs.all() {
		assert.NotContains(t, rec.Message, "Error in process", "the runtime's own crash log")
	}
}

func TestPLIB06ExitReasons(t *testing.T) {
	_, self, _ := newNode(t)
	r := exitOf(t, self, func(*otp.Process) { otp.Error(term.Tuple{term.Atom("badmatch"), 2}) })
	reason, _ := splitReason(t, r)
	assert.Equal(t, term.Tuple{term.Atom("badmatch"), 2}, reason)

	assert.Equal(t, term.Atom("bye"), exitOf(t, self, func(*otp.Process) { otp.Exit(term.Atom("bye")) }))

	r = exitOf(t, self, func(*otp.Process) { otp.Throw(term.Atom("ball")) })
	reason, _ = splitReason(t, r)
	assert.Equal(t, term.Tuple{term.Atom("nocatch"), term.Atom("ball")}, reason)
}

func TestHibernate(t *testing.T) {
	_, self, _ := newNode(t)
	test := self.Self()
	var loop func(n int) func(*otp.Process)
	loop = func(n int) func(*otp.Process) {
		return func(c *otp.Process) {
			if n == 3 {
				c.Send(test, term.Atom("done"))
				return
			}
			proclib.Hibernate(c, func(c *otp.Process) {
				c.Receive()
				loop(n + 1)(c)
			})
		}
	}
	pid, ref := proclib.SpawnOpt(self, mfa, loop(0), otp.SpawnOptions{Monitor: true})
	for range 3 {
		self.Send(pid, term.Atom("wake"))
	}
	assert.Equal(t, term.Atom("done"), self.Receive())
	down := self.Receive().(otp.DownMsg)
	assert.Equal(t, ref, down.Ref)
	assert.Equal(t, otp.Normal, down.Reason)
}

func TestHibernateOutsideProclib(t *testing.T) {
	_, self, _ := newNode(t)
	exc := otp.Catch(func() { proclib.Hibernate(self, func(*otp.Process) {}) })
	require.NotNil(t, exc)
	assert.Equal(t, term.Atom("badarg"), exc.Reason)
}

func TestStartErrorIs(t *testing.T) {
	err := error(&proclib.StartError{Reason: term.Tuple{term.Atom("already_started"), term.Pid{}}})
	assert.True(t, errors.Is(err, proclib.ErrAlreadyStarted))
	assert.False(t, errors.Is(err, proclib.ErrTimeout))
}

func TestCrashReportPrintedByShellHandler(t *testing.T) {
	var buf erltest.Output
	n, err := otp.NewNode(otp.Logger(slog.New(shell.ReportHandler(&buf))))
	require.NoError(t, err)
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()
	self.TrapExit(true)
	proclib.SpawnLink(self, otp.MFA{Module: "t", Function: "crash", Arity: 1}, func(*otp.Process) { otp.Exit(term.Atom("die")) })
	self.Receive()
	out := buf.String()
	assert.True(t, strings.HasPrefix(out, "=CRASH REPORT==== "), out)
	assert.Contains(t, out, " ===\n  crasher:\n    initial call: t:crash/1\n    pid: ")
	assert.Contains(t, out, "\n    exception exit: die\n    ancestors: ["+term.Write(self.Self())+"]\n")
	assert.True(t, strings.HasSuffix(out, "\n  neighbours:\n\n"), out)
}

// The explanations erl_error gives in a crash report: function_clause with
// the call that matched no clause (its frame then leaves the stack),
// undef with the function, timeout_value.
func TestCrashReportExplanations(t *testing.T) {
	_, self, logs := newNode(t)
	state := term.Tuple{term.List{10, 11, 12, 13, 14, 15}, term.List{}}
	for _, exc := range []*otp.Exception{
		{Class: otp.ClassError, Reason: term.Atom("function_clause"), Stack: term.List{
			term.Tuple{term.Atom("frequency"), term.Atom("handle_cast"), term.List{term.Atom("unknown_cast"), state}, term.List{}},
			term.Tuple{term.Atom("gen_server"), term.Atom("try_dispatch"), 4, term.List{}}}},
		{Class: otp.ClassError, Reason: term.Atom("function_clause"), Stack: term.List{
			term.Tuple{term.Atom("m"), term.Atom("f"), term.List{1}, term.List{
				term.Tuple{term.Atom("file"), "m.erl"}, term.Tuple{term.Atom("line"), 7}}}}},
		{Class: otp.ClassError, Reason: term.Atom("undef"), Stack: term.List{
			term.Tuple{term.Atom("timeout"), term.Atom("handle_cast"), term.List{term.Atom("x"), 1}, term.List{}}}},
		{Class: otp.ClassError, Reason: term.Atom("timeout_value"), Stack: term.List{}},
	} {
		exitOf(t, self, func(*otp.Process) { panic(exc) })
	}
	reps := crashReports(logs)
	require.Len(t, reps, 4)
	assert.Contains(t, reps[0].Format(), "\n    exception error: no function clause matching \n"+
		"                     frequency:handle_cast(unknown_cast,\n"+
		"                                           {[10,11,12,13,14,15],[]}) \n"+
		"      in function  gen_server:try_dispatch/4\n")
	assert.Contains(t, reps[1].Format(), "\n    exception error: no function clause matching m:f(1) (m.erl, line 7)\n    ancestors:")
	assert.Contains(t, reps[2].Format(), "\n    exception error: undefined function timeout:handle_cast/2\n    ancestors:")
	assert.Contains(t, reps[3].Format(), "\n    exception error: bad receive timeout value\n")
}

// Book: chapter 4, "Generic Servers", "Starting a Server" and "Termination".

package lifecycle_test

import (
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch04/lifecycle"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func atom(s string) term.Atom { return term.Atom(s) }

func tuple(ts ...term.Term) term.Tuple { return term.Tuple(ts) }

// What start returns for each result of init, with and without a link,
// as "Starting a Server" lists them (OTP 25; for start_link, OTP 26's rule
// that a failed start leaves no EXIT in a trapping caller's mailbox).
func TestInitResults(t *testing.T) {
	cases := []struct {
		name   string
		init   term.Term
		want   string // gen_server:start's result, with Pid for the pid
		report bool   // a crash report is logged
	}{
		{"ok", tuple(atom("ok"), atom("s")), "{ok,Pid}", false},
		{"ok timeout", tuple(atom("ok"), atom("s"), 100), "{ok,Pid}", false},
		{"ok hibernate", tuple(atom("ok"), atom("s"), atom("hibernate")), "{ok,Pid}", false},
		{"ignore", atom("ignore"), "ignore", false},
		{"stop", tuple(atom("stop"), atom("bailout")), "{error,bailout}", true},
		{"stop normal", tuple(atom("stop"), atom("normal")), "{error,normal}", false},
		{"bad return", atom("bogus"), "{error,{bad_return_value,bogus}}", true},
		{"exit", tuple(atom("raise"), atom("exit"), atom("bailout")), "{error,bailout}", true},
		{"error", tuple(atom("raise"), atom("error"), atom("bailout")), "{error,{bailout,", true},
		{"throw", tuple(atom("raise"), atom("throw"), tuple(atom("ok"), atom("thrown"))), "{ok,Pid}", false},
	}
	for _, link := range []bool{false, true} {
		for _, c := range cases {
			name := c.name
			if link {
				name = "link " + name
			}
			t.Run(name, func(t *testing.T) {
				e := erltest.New(t)
				e.Self.TrapExit(true)
				start := genserver.Start
				if link {
					start = genserver.StartLink
				}
				pid, err := start(e.Self, nil, lifecycle.Callbacks(), c.init)
				got := term.Write(genserver.StartResult(pid, err))
				got = strings.ReplaceAll(got, pid.String(), "Pid")
				assert.True(t, strings.HasPrefix(got, c.want), got)
				if c.want == "ignore" {
					assert.ErrorIs(t, err, genserver.ErrIgnore)
				}
				if err == nil {
					require.NoError(t, genserver.StopServer(e.Self, pid))
					if link {
						assert.Equal(t, otp.Normal, e.Recv(t).(otp.ExitMsg).Reason)
					}
				}
				assert.Empty(t, e.Self.Flush(), "no EXIT after a failed start")
				assert.Equal(t, c.report, strings.Contains(e.Log.Take(), "crasher:"))
			})
		}
	}
}

// An init slower than the start's timeout: {error, timeout}, and the
// server is killed.
func TestStartTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		t0 := time.Now()
		_, err := genserver.Start(e.Self, nil, lifecycle.Callbacks(),
			tuple(atom("sleep"), 500, tuple(atom("ok"), atom("s"))), genserver.StartTimeout(100*time.Millisecond))
		assert.Equal(t, "{error,timeout}", term.Write(genserver.StartResult(term.Pid{}, err)))
		assert.Equal(t, 100*time.Millisecond, time.Since(t0))
		synctest.Wait()
		assert.Len(t, e.Node.Processes(), 1, "only the test's process is left")
		e.Log.Take()
	})
}

// start returns already_started when the name is taken, and frees the
// name of a server whose init stopped.
func TestNames(t *testing.T) {
	e := erltest.New(t)
	name := genserver.Local("n")
	pid, err := genserver.Start(e.Self, name, lifecycle.Callbacks(), tuple(atom("ok"), atom("s")))
	require.NoError(t, err)
	_, err = genserver.Start(e.Self, name, lifecycle.Callbacks(), tuple(atom("ok"), atom("s")))
	assert.Equal(t, "{error,{already_started,"+pid.String()+"}}", term.Write(genserver.StartResult(term.Pid{}, err)))
	require.NoError(t, genserver.StopServer(e.Self, atom("n")))
	_, err = genserver.Start(e.Self, name, lifecycle.Callbacks(), tuple(atom("stop"), atom("no")))
	require.Error(t, err)
	_, ok := e.Node.WhereIs("n")
	assert.False(t, ok)
	e.Log.Take()
}

// How a server ends, as "Termination" lists it: what terminate sees, the
// exit reason, and whether an error report is logged.
func TestTermination(t *testing.T) {
	type how func(e *erltest.Env, pid term.Pid)
	stopReturn := func(reason term.Term) how {
		return func(e *erltest.Env, pid term.Pid) {
			genserver.Cast(e.Self, pid, lifecycle.Return(tuple(atom("stop"), reason, atom("s2"))))
		}
	}
	cases := []struct {
		name      string
		trap      bool
		end       how
		terminate string // what terminate printed, "" for not called
		reason    string
		report    bool
	}{
		{"stop normal", false, stopReturn(otp.Normal), "terminate(normal, s2)\n", "normal", false},
		{"stop shutdown", false, stopReturn(atom("shutdown")), "terminate(shutdown, s2)\n", "shutdown", false},
		{"stop {shutdown,_}", false, stopReturn(tuple(atom("shutdown"), atom("tired"))), "terminate({shutdown,tired}, s2)\n", "{shutdown,tired}", false},
		{"stop other", false, stopReturn(atom("something_bad")), "terminate(something_bad, s2)\n", "something_bad", true},
		{"info stop", false, func(e *erltest.Env, pid term.Pid) {
			e.Self.Send(pid, lifecycle.Return(tuple(atom("stop"), atom("bye"), atom("s3"))))
		}, "terminate(bye, s3)\n", "bye", true},
		{"gen_server:stop", false, func(e *erltest.Env, pid term.Pid) {
			require.NoError(t, genserver.StopServer(e.Self, pid))
		}, "terminate(normal, s1)\n", "normal", false},
		{"bad return", false, func(e *erltest.Env, pid term.Pid) {
			genserver.Cast(e.Self, pid, lifecycle.Return(atom("bogus")))
		}, "terminate({bad_return_value,bogus}, s1)\n", "{bad_return_value,bogus}", true},
		{"kill", true, func(e *erltest.Env, pid term.Pid) { e.Self.SendExit(pid, otp.Kill) }, "", "killed", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := erltest.New(t)
			init := term.Term(tuple(atom("ok"), atom("s1")))
			if c.trap {
				init = tuple(atom("trap_exit"), init)
			}
			pid, err := genserver.Start(e.Self, nil, lifecycle.Callbacks(), init)
			require.NoError(t, err)
			mref, err := e.Self.Monitor(pid)
			require.NoError(t, err)
			c.end(e, pid)
			down := e.Recv(t).(otp.DownMsg)
			require.Equal(t, mref, down.Ref)
			assert.Equal(t, c.reason, term.Write(down.Reason))
			assert.Equal(t, c.terminate, e.Out.Take())
			assert.Equal(t, c.report, strings.Contains(e.Log.Take(), "Generic server"))
		})
	}
}

// {stop, Reason, Reply, State} from handle_call: terminate runs, then the
// caller gets the reply.
func TestStopWithReply(t *testing.T) {
	e := erltest.New(t)
	pid, err := genserver.Start(e.Self, nil, lifecycle.Callbacks(), tuple(atom("ok"), atom("s1")))
	require.NoError(t, err)
	r, err := genserver.Call(e.Self, pid, lifecycle.Return(tuple(atom("stop"), otp.Normal, atom("bye"), atom("s2"))))
	require.NoError(t, err)
	assert.Equal(t, atom("bye"), r)
	assert.Equal(t, "terminate(normal, s2)\n", e.Out.Take())
	// The server exits normal after the reply (noproc: it already had).
	assert.Contains(t, []term.Term{otp.Normal, atom("noproc")}, e.Down(t, pid))
}

// Exit signals: from the parent, a trapping server runs terminate, one
// that does not trap dies at once; from another process, a trapping
// server gets {'EXIT', Pid, Reason} in handle_info and goes on.
func TestExitSignals(t *testing.T) {
	for _, trap := range []bool{true, false} {
		name := "parent, not trapping"
		if trap {
			name = "parent, trapping"
		}
		t.Run(name, func(t *testing.T) {
			e := erltest.New(t)
			init := term.Term(tuple(atom("ok"), atom("s7")))
			if trap {
				init = tuple(atom("trap_exit"), init)
			}
			started := make(chan term.Pid, 1)
			parent := e.Self.Spawn(func(p *otp.Process) {
				pid, err := genserver.StartLink(p, nil, lifecycle.Callbacks(), init)
				if err != nil {
					return
				}
				started <- pid
				p.Receive()
				otp.Exit(atom("shutdown"))
			})
			pid := <-started
			mref, err := e.Self.Monitor(pid)
			require.NoError(t, err)
			e.Self.Send(parent, atom("stop"))
			down := e.Recv(t).(otp.DownMsg)
			require.Equal(t, mref, down.Ref)
			assert.Equal(t, atom("shutdown"), down.Reason)
			if trap {
				assert.Equal(t, "terminate(shutdown, s7)\n", e.Out.Take())
			} else {
				assert.Empty(t, e.Out.Take())
			}
			assert.Empty(t, e.Log.Take())
		})
	}
	t.Run("other, trapping", func(t *testing.T) {
		e := erltest.New(t)
		pid, err := genserver.Start(e.Self, nil, lifecycle.Callbacks(), tuple(atom("trap_exit"), tuple(atom("ok"), atom("s6"))))
		require.NoError(t, err)
		other := e.Self.Spawn(func(p *otp.Process) {
			require.NoError(t, p.Link(pid))
			otp.Exit(atom("bye"))
		})
		e.Down(t, other)
		// The EXIT went to the server as the other process died, before
		// this call.
		r, err := genserver.Call(e.Self, pid, atom("ping"))
		require.NoError(t, err)
		assert.Equal(t, atom("ping"), r)
		assert.Equal(t, "handle_info({'EXIT',"+other.String()+",bye}, s6)\n", e.Out.Take())
		require.NoError(t, genserver.StopServer(e.Self, pid))
	})
}

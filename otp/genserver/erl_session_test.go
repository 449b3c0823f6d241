package genserver_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/shell"
	"github.com/scalability-go/otpbook/otp/stdlib"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
)

// session runs lines in a shell of a node with gen_server, sys and the
// callback module erl loaded, and returns what it printed, pids masked.
func session(t *testing.T, lines string) string {
	t.Helper()
	n, err := otp.NewNode(otp.Logger(slog.New(&sink{ch: make(chan slog.Record, 64)})))
	require.NoError(t, err)
	defer n.Stop()
	require.NoError(t, stdlib.Load(n))
	require.NoError(t, genserver.Load(n))
	require.NoError(t, sys.Load(n))
	_, err = code.Of(n).Load(&code.Module{Name: "erl", Impl: erl{}})
	require.NoError(t, err)
	var out bytes.Buffer
	shell.New(n, &out).Run(context.Background(), strings.NewReader(lines))
	return pidRe.ReplaceAllString(out.String(), "<P>")
}

// What erl 25 prints for a start_monitor that fails (no DOWN left), a
// call and a system message sent by hand with a tag that is no reference,
// stop of oneself, malformed names, bad arguments, and sys's exit reasons.
func TestErlSession(t *testing.T) {
	got := session(t, `gen_server:start_monitor({local,zl}, erl, {stop,nope}, []).
flush().
gen_server:start_monitor({local,zl}, erl, ignore, []).
flush().
{ok,{P0,_}} = gen_server:start_monitor({local,zl}, erl, {ok,0}, []).
gen_server:start_monitor({local,zl}, erl, {ok,0}, []).
flush().
{ok, Z} = gen_server:start({local,z}, erl, {ok, st}, []).
z ! {'$gen_call', {self(), mytag}, hi}, receive M -> M after 1000 -> none end.
z ! {system, {self(), r1}, get_state}, receive M2 -> M2 after 1000 -> none end.
catch gen_server:stop(self()).
catch gen_server:start({local,"x"}, erl, {ok,0}, []).
catch gen_server:start({bogus,x}, erl, {ok,0}, []).
catch gen_server:start({via,nomod,x}, erl, {ok,0}, []).
catch gen_server:call("foo",x).
catch gen_server:cast(123,x).
catch gen_server:cast({a,b,c},x).
catch sys:get_state(Z,-1).
catch sys:replace_state(nobody, fun(S) -> S end).
catch sys:no_debug(nobody).
catch sys:install(nobody, {fun(A,B,C) -> A end, 0}).
catch sys:terminate(nobody, normal, 10).
lists:sort(registered()).
`)
	for _, want := range []string{
		"1> {error,nope}\n2> ok\n3> ignore\n4> ok\n",
		"6> {error,{already_started,<P>}}\n7> ok\n",
		"9> {mytag,hi}\n10> {r1,st}\n",
		"11> {'EXIT',{calling_self,{sys,terminate,\n                           [<P>,normal,infinity]}}}\n",
		"12> {'EXIT',{badarg,[{erlang,whereis,[\"x\"],[]},",
		"13> {'EXIT',{function_clause,[{gen,where,[{bogus,x}],[]},",
		"14> {'EXIT',{undef,[{nomod,whereis_name,[x],[]},",
		"15> {'EXIT',{{function_clause,[]},{gen_server,call,[\"foo\",x]}}}\n",
		"16> {'EXIT',{function_clause,[{gen_server,cast,[123,x],[]}]}}\n",
		"17> {'EXIT',{function_clause,[{gen_server,cast,\n",
		"18> {'EXIT',{{function_clause,[]},{sys,get_state,[<P>,-1]}}}\n",
		"19> {'EXIT',{noproc,{sys,{replace_state,#Fun<erl_eval.42.3316493>},\n                     [nobody]}}}\n",
		"20> {'EXIT',{noproc,{sys,{debug,no_debug},[nobody]}}}\n",
		"21> {'EXIT',{noproc,{sys,install,\n",
		"22> {'EXIT',{noproc,{sys,terminate,[nobody,normal,10]}}}\n",
		"23> [z,zl]\n", // no process registered under a malformed name
	} {
		assert.Contains(t, got, want)
	}
}

// A failed StartMonitor leaves no DOWN in the caller's mailbox, as gen's
// monitor_return takes it: init's stop, ignore, an exception, a name taken.
func TestStartMonitorFailedLeavesNoDown(t *testing.T) {
	_, p, _ := newNode(t)
	m := genserver.AdaptTerms("erl", erl{})
	for _, args := range []term.Term{
		term.Tuple{atom("stop"), atom("nope")},
		atom("ignore"),
		term.Tuple{atom("error"), atom("nope")},
	} {
		_, mref, err := genserver.StartMonitor(p, nil, m, args)
		require.Error(t, err, "%s", term.Write(args))
		assert.Equal(t, term.Ref{}, mref)
		assert.Empty(t, p.Flush(), "%s", term.Write(args))
	}
	_, _, err := genserver.StartMonitor(p, nil, &srv{init: func(*otp.Process, term.Term) genserver.InitResult[any] {
		otp.Error(atom("boom"))
		return genserver.Ok[any](nil)
	}}, nil)
	require.Error(t, err)
	assert.Empty(t, p.Flush(), "init raised")

	pid, mref, err := genserver.StartMonitor(p, genserver.Local("zl"), m, term.Tuple{term.OK, 0})
	require.NoError(t, err)
	_, _, err = genserver.StartMonitor(p, genserver.Local("zl"), m, term.Tuple{term.OK, 0})
	held, ok := genserver.AlreadyStarted(err)
	require.True(t, ok)
	assert.Equal(t, pid, held)
	assert.Empty(t, p.Flush(), "name taken")
	require.NoError(t, genserver.StopServer(p, pid))
	assert.Equal(t, otp.Normal, down(t, p, mref), "the monitor of the started server stays")
}

// A malformed name raises what gen:start raises, and spawns nothing.
func TestStartMalformedName(t *testing.T) {
	n, p, _ := newNode(t)
	before := len(n.Processes())
	for name, reason := range map[string]term.Term{
		`{local,"x"}`:   atom("badarg"),
		`{bogus,x}`:     atom("function_clause"),
		`{via,nomod,x}`: atom("undef"),
	} {
		var nm term.Term
		switch name {
		case `{local,"x"}`:
			nm = term.Tuple{atom("local"), "x"}
		case `{bogus,x}`:
			nm = term.Tuple{atom("bogus"), atom("x")}
		default:
			nm = term.Tuple{atom("via"), atom("nomod"), atom("x")}
		}
		_, err := genserver.Start(p, nm, genserver.AdaptTerms("erl", erl{}), term.Tuple{term.OK, 0})
		var ne *gen.NameError
		require.ErrorAs(t, err, &ne, name)
		exc := ne.Exception()
		assert.Equal(t, otp.ClassError, exc.Class, name)
		assert.Equal(t, reason, exc.Reason, name)
	}
	assert.Len(t, n.Processes(), before, "nothing spawned")
}

// A negative timeout is refused before the request is sent.
func TestCallNegativeTimeout(t *testing.T) {
	_, p, _ := newNode(t)
	pid, err := genserver.Start(p, nil, &srv{}, nil)
	require.NoError(t, err)
	_, err = genserver.Call(p, pid, term.Tuple{atom("set"), 1}, -time.Millisecond)
	require.Error(t, err)
	assert.Equal(t, "{{function_clause,[]},{gen_server,call,["+pid.String()+",{set,1},-1]}}", term.Write(callReason(t, err)))
	r, err := genserver.Call(p, pid, atom("get"))
	require.NoError(t, err)
	assert.Nil(t, r, "the refused request was never sent")
	require.NoError(t, genserver.StopServer(p, pid))
}

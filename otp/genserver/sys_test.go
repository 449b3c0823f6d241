package genserver_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
)

var pidRe = regexp.MustCompile(`<0\.\d+\.\d+>`)

func TestTraceLines(t *testing.T) {
	n, p, _ := newNode(t)
	var out erltest.Output
	p.SetOutput(&out)
	_, err := code.Of(n).Load(genserver.NewModule[*freqs]("frequency", frequency{}))
	require.NoError(t, err)
	pid, err := genserver.Start(p, genserver.Local("frequency"), atom("frequency"), nil, genserver.Debug(atom("trace")))
	require.NoError(t, err)
	_, err = allocate(p)
	require.NoError(t, err)
	deallocate(p, 10)
	p.Send(pid, atom("hello"))
	mref := monitor(t, p, pid)
	stop(p)
	down(t, p, mref)
	got := pidRe.ReplaceAllString(out.String(), "<P>")
	want := strings.Join([]string{
		"*DBG* frequency got call {allocate,<P>} from <P>",
		"*DBG* frequency sent {ok,10} to <P>, new state {[11,12,13,14,15],",
		"                                                    [{10,<P>}]}",
		"*DBG* frequency got cast {deallocate,10}",
		"*DBG* frequency new state {[10,11,12,13,14,15],[]}",
		"*DBG* frequency got hello",
		"*DBG* frequency new state {[10,11,12,13,14,15],[]}",
		"*DBG* frequency got cast stop",
		"",
	}, "\n")
	assert.Equal(t, want, got)
}

func TestGetStateAndStatus(t *testing.T) {
	n, p, _ := newNode(t)
	_, err := code.Of(n).Load(genserver.NewModule[*freqs]("frequency", frequency{}))
	require.NoError(t, err)
	pid, err := start(p)
	require.NoError(t, err)
	_, err = allocate(p)
	require.NoError(t, err)
	st, err := sys.GetState(p, atom("frequency"))
	require.NoError(t, err)
	assert.Equal(t, []int{11, 12, 13, 14, 15}, st.(*freqs).free)

	status, err := sys.GetStatus(p, atom("frequency"))
	require.NoError(t, err)
	s := toTerm(status).(term.Tuple)
	assert.Equal(t, atom("status"), s[0])
	assert.Equal(t, pid, s[1])
	assert.Equal(t, term.Tuple{atom("module"), atom("gen_server")}, s[2])
	items := s[3].(term.List)
	misc := items[len(items)-1].(term.List)
	assert.Equal(t, term.Tuple{atom("header"), "Status for generic server frequency"}, misc[0])
	data := misc[1].(term.Tuple)[1].(term.List)
	assert.Equal(t, term.Tuple{"Status", atom("running")}, data[0])
	assert.Equal(t, term.Tuple{"Parent", p.Self()}, data[1])
	assert.True(t, term.Equal(term.Tuple{atom("data"), term.List{term.Tuple{"State", term.Tuple{
		term.Tuple{atom("available"), term.List{11, 12, 13, 14, 15}},
		term.Tuple{atom("allocated"), term.List{term.Tuple{10, p.Self()}}}}}}}, misc[2]), "%v", misc[2])
}

func TestSYS03ReplaceStateCallbackFailed(t *testing.T) {
	_, p, _ := newNode(t)
	pid, err := genserver.Start(p, nil, &srv{}, atom("s"))
	require.NoError(t, err)
	_, err = sys.ReplaceState(p, pid, func(any) any { otp.Throw(atom("fail")); return nil })
	require.Error(t, err)
	var tr interface{ Term() term.Term }
	require.True(t, errors.As(err, &tr))
	assert.True(t, strings.Contains(term.Write(tr.Term()),
		"{callback_failed,{gen_server,system_replace_state},{throw,fail}}"), term.Write(tr.Term()))
	assert.Equal(t, atom("s"), genserver.MustCall(p, pid, atom("get")))
	ns, err := sys.ReplaceState(p, pid, func(any) any { return atom("s2") })
	require.NoError(t, err)
	assert.Equal(t, atom("s2"), ns)
	assert.Equal(t, atom("s2"), genserver.MustCall(p, pid, atom("get")))
	require.NoError(t, genserver.StopServer(p, pid))
}

// counter is a module whose version 1 counts in an int and version 2 in
// a string of stars, converting the state in CodeChange.
type counterV1 struct{}

func (counterV1) Init(*otp.Process, term.Term) genserver.InitResult[int] { return genserver.Ok(0) }
func (counterV1) HandleCall(_ *otp.Process, _ any, _ gen.From, s int) genserver.Result[int] {
	return genserver.Reply(s+1, s+1)
}
func (counterV1) HandleCast(_ *otp.Process, _ any, s int) genserver.Result[int] {
	return genserver.NoReply(s)
}

type counterV2 struct{}

func (counterV2) Init(*otp.Process, term.Term) genserver.InitResult[string] { return genserver.Ok("") }
func (counterV2) HandleCall(_ *otp.Process, _ any, _ gen.From, s string) genserver.Result[string] {
	return genserver.Reply(s+"*", s+"*")
}
func (counterV2) HandleCast(_ *otp.Process, _ any, s string) genserver.Result[string] {
	return genserver.NoReply(s)
}
func (counterV2) CodeChange(_ *otp.Process, oldVsn term.Term, old any, extra term.Term) (string, error) {
	return strings.Repeat("*", old.(int)), nil
}

// TestCodeUpgrade: the server finds its module in the code server at
// every callback, so a new version takes over; sys:change_code converts
// the state, as chapter 12 does it.
func TestCodeUpgrade(t *testing.T) {
	n, p, _ := newNode(t)
	cs := code.Of(n)
	_, err := cs.Load(genserver.NewModule[int]("counter", counterV1{}))
	require.NoError(t, err)
	pid, err := genserver.Start(p, nil, atom("counter"), nil)
	require.NoError(t, err)
	assert.Equal(t, 1, genserver.MustCall(p, pid, atom("tick")))
	assert.Equal(t, 2, genserver.MustCall(p, pid, atom("tick")))

	require.NoError(t, sys.Suspend(p, pid))
	_, err = cs.Load(genserver.NewModule[string]("counter", counterV2{}))
	require.NoError(t, err)
	require.NoError(t, sys.ChangeCode(p, pid, "counter", term.Atom("1"), nil))
	require.NoError(t, sys.Resume(p, pid))
	assert.Equal(t, "***", genserver.MustCall(p, pid, atom("tick")))
	assert.False(t, cs.CheckProcessCode(pid, "counter"), "the server runs the new version")
	require.NoError(t, genserver.StopServer(p, pid))
}

// TestLogInStatusAndReport: the events of sys's log show in get_status's
// "Logged events" and in the error report's "** Log ==".
func TestLogInStatusAndReport(t *testing.T) {
	_, p, logs := newNode(t)
	pid, err := genserver.Start(p, genserver.Local("lg"), &srv{}, atom("s"), genserver.Debug(atom("log")))
	require.NoError(t, err)
	assert.Equal(t, atom("pong"), genserver.MustCall(p, pid, atom("ping")))
	status, err := sys.GetStatus(p, pid)
	require.NoError(t, err)
	items := toTerm(status).(term.Tuple)[3].(term.List)
	data := items[len(items)-1].(term.List)[1].(term.Tuple)[1].(term.List)
	events := data[2].(term.Tuple)[1].(term.List)
	require.Len(t, events, 2)
	assert.Equal(t, "{in,{'$gen_call',{"+term.Write(p.Self()), term.Write(events[0])[:len("{in,{'$gen_call',{")+len(term.Write(p.Self()))])
	assert.True(t, strings.HasPrefix(term.Write(events[1]), "{out,pong,{"+term.Write(p.Self())), term.Write(events[1]))

	mref := monitor(t, p, pid)
	genserver.Cast(p, pid, term.Tuple{atom("stop"), atom("bad")})
	down(t, p, mref)
	rec := logs.next(t, func(m string) bool { return strings.HasPrefix(m, "** Generic server") })
	assert.Contains(t, rec.Message, "** Log ==\n** [{in,{'$gen_call',")
	assert.True(t, strings.HasSuffix(rec.Message, "{in,{'$gen_cast',{stop,bad}}}]"), rec.Message)
}

// TestStatistics: one call, one cast and one raw message are three
// messages in and one out (the call's reply), as chapter 5 shows.
func TestStatistics(t *testing.T) {
	n, p, _ := newNode(t)
	_, err := code.Of(n).Load(genserver.NewModule[*freqs]("frequency", frequency{}))
	require.NoError(t, err)
	pid, err := start(p)
	require.NoError(t, err)
	_, err = sys.Statistics(p, pid, term.True)
	require.NoError(t, err)
	_, err = allocate(p)
	require.NoError(t, err)
	deallocate(p, 10)
	p.Send(pid, atom("hello"))
	r, err := sys.Statistics(p, pid, atom("get"))
	require.NoError(t, err)
	stats := r.(term.Tuple)[1].(term.List)
	get := func(k string) term.Term {
		for _, e := range stats {
			if t := e.(term.Tuple); t[0] == atom(k) {
				return t[1]
			}
		}
		return nil
	}
	assert.Equal(t, 3, get("messages_in"))
	assert.Equal(t, 1, get("messages_out"))
	stop(p)
}

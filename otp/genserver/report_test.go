package genserver_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// TestReportFormatStatus: the book's frequency server crashed by an
// unknown cast reports its state through format_status, as chapter 4's
// session shows.
func TestReportFormatStatus(t *testing.T) {
	n, p, logs := newNode(t)
	_, err := code.Of(n).Load(genserver.NewModule[*freqs]("frequency", frequency{}))
	require.NoError(t, err)
	pid, err := genserver.Start(p, genserver.Local("frequency"), atom("frequency"), nil)
	require.NoError(t, err)
	mref := monitor(t, p, pid)
	genserver.Cast(p, atom("frequency"), atom("unknown_cast"))
	down(t, p, mref)
	rec := logs.next(t, func(m string) bool { return strings.HasPrefix(m, "** Generic server") })
	want := "** Generic server frequency terminating \n" +
		"** Last message in was {'$gen_cast',unknown_cast}\n" +
		"** When Server state == {data,[{\"State\",\n" +
		"                                {{available,[10,11,12,13,14,15]},\n" +
		"                                 {allocated,[]}}}]}\n" +
		"** Reason for termination ==\n" +
		"** {function_clause,"
	assert.True(t, strings.HasPrefix(rec.Message, want), rec.Message)
}

// crashy is a TermCallbacks whose terminate crashes and whose
// format_status crashes, to check what the report shows.
type crashy struct{ erl }

func (crashy) Terminate(_ *otp.Process, reason, _ term.Term) term.Term {
	if reason == atom("crash_terminate") {
		otp.Error(atom("in_terminate"))
	}
	return term.OK
}
func (crashy) FormatStatus(*otp.Process, term.Term, term.Term) term.Term {
	otp.Error(atom("oops"))
	return nil
}

func TestTerminateCrash(t *testing.T) {
	_, p, logs := newNode(t)
	pid, err := genserver.Start(p, nil, crashy{}, term.Tuple{atom("ok"), 0})
	require.NoError(t, err)
	mref := monitor(t, p, pid)
	genserver.Cast(p, pid, term.Tuple{atom("stop"), atom("crash_terminate"), 0})
	assert.Equal(t, term.Tuple{atom("in_terminate"), atom("st")}, stripStack(down(t, p, mref)))
	rec := logs.next(t, func(m string) bool { return strings.HasPrefix(m, "** Generic server") })
	assert.Contains(t, rec.Message, "** When Server state == \"genserver_test:format_status/2 crashed\"\n")
	assert.Contains(t, rec.Message, "** Reason for termination ==\n** {in_terminate,")
}

func TestParentExitReport(t *testing.T) {
	_, p, logs := newNode(t)
	var pid term.Pid
	parent := p.Spawn(func(pp *otp.Process) {
		pid, _ = genserver.StartLink(pp, nil, trapping(term.Pid{}), atom("s"))
		pp.Send(p.Self(), atom("started"))
		pp.Receive()
		otp.Exit(atom("bad_parent"))
	})
	recvTerm(t, p, atom("started"))
	mref := monitor(t, p, pid)
	p.Send(parent, atom("go"))
	assert.Equal(t, atom("bad_parent"), down(t, p, mref))
	rec := logs.next(t, func(m string) bool { return strings.HasPrefix(m, "** Generic server") })
	assert.Contains(t, rec.Message, "** Last message in was {'EXIT',"+term.Write(parent)+",bad_parent}\n")
	assert.True(t, strings.HasSuffix(rec.Message, "** Reason for termination ==\n** bad_parent"), rec.Message)
}

// TestContinueTrace: handle_continue's event prints as OTP's print_event
// prints an event it does not know.
func TestContinueTrace(t *testing.T) {
	_, p, _ := newNode(t)
	var out bytes.Buffer
	p.SetOutput(writerFunc(func(b []byte) (int, error) { out.Write(b); return len(b), nil }))
	m := &srv{init: func(_ *otp.Process, a term.Term) genserver.InitResult[any] {
		return genserver.Ok[any](a).Continue(atom("c1"))
	}}
	pid, err := genserver.Start(p, genserver.Local("cont"), m, atom("s"), genserver.Debug(atom("trace")))
	require.NoError(t, err)
	assert.Equal(t, atom("pong"), genserver.MustCall(p, pid, atom("ping")))
	require.NoError(t, genserver.StopServer(p, pid))
	got := pidRe.ReplaceAllString(out.String(), "<P>")
	assert.Equal(t, "*DBG* cont dbg  {continue,c1}\n"+
		"*DBG* cont new state s\n"+
		"*DBG* cont got call ping from <P>\n"+
		"*DBG* cont sent pong to <P>, new state s\n", got)
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

// Book: chapter 4, "Generic Servers", "Using From" (ch4/from.erl).

package from_test

import (
	"regexp"
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch04/from"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The reply comes before the work: the call returns at once, the line a
// second later, with From as {Pid, [alias|Ref]}.
func TestReplyBeforeWork(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		pid, err := from.Start(e.Self, 0)
		require.NoError(t, err)
		t0 := time.Now()
		require.NoError(t, from.Add(e.Self, pid, 10))
		assert.Equal(t, time.Duration(0), time.Since(t0))
		synctest.Wait()
		assert.Empty(t, e.Out.Take())
		time.Sleep(from.Work)
		synctest.Wait()
		assert.Regexp(t, `^From:\{`+regexp.QuoteMeta(e.Self.Self().String())+`,\[alias\|#Ref<[0-9.]+>\]\}, Sum:10\n$`, e.Out.Take())
		require.NoError(t, genserver.StopServer(e.Self, pid))
	})
}

// Two calls in a row: the second waits until the server has done the
// first's work.
func TestSecondCallWaits(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		pid, err := from.Start(e.Self, 0)
		require.NoError(t, err)
		t0 := time.Now()
		require.NoError(t, from.Add(e.Self, pid, 1))
		require.NoError(t, from.Add(e.Self, pid, 2))
		assert.Equal(t, from.Work, time.Since(t0))
		s, err := sys.GetState(e.Self, pid)
		require.NoError(t, err)
		assert.Equal(t, 3, s)
		assert.Equal(t, 2*from.Work, time.Since(t0))
		require.NoError(t, genserver.StopServer(e.Self, pid))
	})
}

// A call that times out while the server works is still served later: the
// sum grows, and the late ok never reaches the caller.
func TestTimedOutCallStillServed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		pid, err := from.Start(e.Self, 0)
		require.NoError(t, err)
		require.NoError(t, from.Add(e.Self, pid, 1))
		err = from.Add(e.Self, pid, 1, 500*time.Millisecond)
		require.ErrorIs(t, err, genserver.ErrTimeout)
		var ce *genserver.CallError
		require.ErrorAs(t, err, &ce)
		assert.Equal(t, "{timeout,{gen_server,call,["+pid.String()+",{add,1},500]}}", term.Write(ce.Reason))
		s, err := sys.GetState(e.Self, pid)
		require.NoError(t, err)
		assert.Equal(t, 2, s)
		assert.Empty(t, e.Self.Flush())
		require.NoError(t, genserver.StopServer(e.Self, pid))
	})
}

// {add, foo} is answered ok; the server crashes with badarith after.
func TestBadArgumentCrashesAfterReply(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		pid, err := from.Start(e.Self, 15)
		require.NoError(t, err)
		r, err := genserver.Call(e.Self, pid, from.AddRequest(term.Atom("foo")))
		require.NoError(t, err)
		assert.Equal(t, term.OK, r)
		reason := e.Down(t, pid)
		assert.Equal(t, "{badarith,[{erlang,'+',[foo,15],[]},{from,add,2,[]}]}", term.Write(reason))
		assert.Contains(t, e.Log.Take(), "Last message in was {add,foo}")
	})
}

// With no handle_info, a plain message is logged as a warning and dropped;
// with no handle_cast, a cast crashes the server with undef.
func TestMissingCallbacks(t *testing.T) {
	e := erltest.New(t)
	pid, err := from.Start(e.Self, 0)
	require.NoError(t, err)
	e.Self.Send(pid, term.Atom("hello"))
	s, err := sys.GetState(e.Self, pid) // after the message
	require.NoError(t, err)
	assert.Equal(t, 0, s)
	log := e.Log.Take()
	assert.Contains(t, log, "Undefined handle_info in from")
	assert.Contains(t, log, "Unhandled message: hello")

	mref, err := e.Self.Monitor(pid)
	require.NoError(t, err)
	genserver.Cast(e.Self, pid, term.Atom("hello"))
	down := e.Recv(t).(otp.DownMsg)
	assert.Equal(t, mref, down.Ref)
	assert.Equal(t, "{undef,[{from,handle_cast,[hello,0],[]}]}", term.Write(down.Reason))
	e.Log.Take()
}

// delegate is a server that hands each call's From to a helper process,
// which answers it: any process holding From may reply.
type delegate struct{}

func (delegate) Init(*otp.Process, term.Term) genserver.InitResult[int] { return genserver.Ok(0) }

func (delegate) HandleCall(p *otp.Process, req any, f gen.From, n int) genserver.Result[int] {
	p.Spawn(func(helper *otp.Process) {
		genserver.ReplyTo(helper, f, term.Tuple{term.Atom("from_helper"), helper.Self(), req})
	})
	return genserver.NoReply(n + 1)
}

func (delegate) HandleCast(_ *otp.Process, _ any, n int) genserver.Result[int] {
	return genserver.NoReply(n)
}

func TestReplyFromAnotherProcess(t *testing.T) {
	e := erltest.New(t)
	pid, err := genserver.Start(e.Self, nil, genserver.Adapt[int](delegate{}), nil)
	require.NoError(t, err)
	r, err := genserver.Call(e.Self, pid, term.Atom("ping"))
	require.NoError(t, err)
	reply := r.(term.Tuple)
	assert.Equal(t, term.Atom("from_helper"), reply[0])
	assert.NotEqual(t, pid, reply[1])
	assert.Equal(t, term.Atom("ping"), reply[2])
	require.NoError(t, genserver.StopServer(e.Self, pid))
}

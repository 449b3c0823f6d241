// Book: chapter 4, "Generic Servers", "Hibernating Behaviours".

package hibernate_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch04/hibernate"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// After a hibernate return the server still answers, with its state as it
// was; it may hibernate again and again.
func TestHibernateKeepsState(t *testing.T) {
	e := erltest.New(t)
	pid, err := hibernate.Start(e.Self)
	require.NoError(t, err)
	require.NoError(t, hibernate.Fill(e.Self, 100_000))
	for range 3 {
		require.NoError(t, hibernate.Hibernate(e.Self))
		n, err := hibernate.Size(e.Self)
		require.NoError(t, err)
		assert.Equal(t, 100_000, n)
	}
	require.NoError(t, hibernate.Clear(e.Self))
	n, err := hibernate.Size(e.Self)
	require.NoError(t, err)
	assert.Equal(t, 0, n)
	// A system message wakes it too.
	require.NoError(t, hibernate.Hibernate(e.Self))
	s, err := sys.GetState(e.Self, pid)
	require.NoError(t, err)
	assert.Equal(t, "[]", term.Write(s))
	require.NoError(t, genserver.StopServer(e.Self, pid))
}

// A plain message or a cast wakes it as well, and a call after it is
// answered in order.
func TestWokenByAnyMessage(t *testing.T) {
	e := erltest.New(t)
	pid, err := hibernate.Start(e.Self)
	require.NoError(t, err)
	require.NoError(t, hibernate.Fill(e.Self, 3))
	require.NoError(t, hibernate.Hibernate(e.Self))
	genserver.Cast(e.Self, hibernate.Name, term.Atom("anything"))
	n, err := hibernate.Size(e.Self)
	require.NoError(t, err)
	assert.Equal(t, 3, n)
	require.NoError(t, genserver.StopServer(e.Self, pid))
}

// Chapter 5's hibernate_after: the server hibernates once idle, and
// answers as before.
func TestHibernateAfter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		pid, err := hibernate.Start(e.Self, genserver.HibernateAfter(100*time.Millisecond))
		require.NoError(t, err)
		require.NoError(t, hibernate.Fill(e.Self, 10))
		time.Sleep(time.Second)
		n, err := hibernate.Size(e.Self)
		require.NoError(t, err)
		assert.Equal(t, 10, n)
		require.NoError(t, genserver.StopServer(e.Self, pid))
	})
}

// The module, as the shell starts it.
func TestModule(t *testing.T) {
	e := erltest.New(t, hibernate.Module())
	v, exc := e.Call(hibernate.Name, "start")
	require.Nil(t, exc)
	pid := v.(term.Tuple)[1].(term.Pid)
	r, err := genserver.Call(e.Self, hibernate.Name, term.Tuple{term.Atom("fill"), 5})
	require.NoError(t, err)
	assert.Equal(t, term.OK, r)
	r, err = genserver.Call(e.Self, hibernate.Name, term.Atom("clear"))
	require.NoError(t, err)
	assert.Equal(t, term.OK, r)
	_, err = e.Self.Monitor(pid)
	require.NoError(t, err)
	_, err = genserver.Call(e.Self, hibernate.Name, term.Atom("bogus"))
	require.Error(t, err)
	down := e.Recv(t).(otp.DownMsg)
	assert.Equal(t, "function_clause", term.Write(down.Reason.(term.Tuple)[0]))
	e.Log.Take()
}

// While it hibernates, process_info's current_function is {erlang,
// hibernate, 3}, as in Erlang; a message wakes it. (Erlang shows
// {gen_server, loop, 7} otherwise; Go shows the initial call.)
func TestCurrentFunction(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		pid, err := hibernate.Start(e.Self)
		require.NoError(t, err)
		current := func() string {
			info, ok := e.Node.ProcessInfo(pid)
			require.True(t, ok)
			return term.Write(info.CurrentFunction)
		}
		require.NoError(t, hibernate.Fill(e.Self, 10))
		synctest.Wait()
		assert.NotEqual(t, "{erlang,hibernate,3}", current())
		require.NoError(t, hibernate.Clear(e.Self))
		synctest.Wait() // the server is parked
		assert.Equal(t, "{erlang,hibernate,3}", current())
		_, err = hibernate.Size(e.Self)
		require.NoError(t, err)
		synctest.Wait()
		assert.NotEqual(t, "{erlang,hibernate,3}", current())
		require.NoError(t, genserver.StopServer(e.Self, pid))
	})
}

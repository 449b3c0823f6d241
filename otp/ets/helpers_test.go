package ets_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/ets"
	"github.com/scalability-go/otpbook/otp/shell"
	"github.com/scalability-go/otpbook/otp/stdlib"
	"github.com/scalability-go/otpbook/otp/term"
)

type atom = term.Atom
type tuple = term.Tuple

// env is a node with stdlib and ets loaded and an attached process.
type env struct {
	t   *testing.T
	n   *otp.Node
	p   *otp.Process
	out *bytes.Buffer
}

func newEnv(t *testing.T) *env {
	t.Helper()
	n, err := otp.NewNode()
	require.NoError(t, err)
	t.Cleanup(n.Stop)
	require.NoError(t, stdlib.Load(n))
	require.NoError(t, ets.Load(n))
	p := n.Attach()
	t.Cleanup(p.Detach)
	out := &bytes.Buffer{}
	p.SetOutput(out)
	return &env{t: t, n: n, p: p, out: out}
}

// call is ets:F(Args...) made by the env's process.
func (e *env) call(f string, args ...term.Term) term.Term {
	e.t.Helper()
	return code.Of(e.n).Apply(e.p, "ets", term.Atom(f), args)
}

// raises returns what the shell prints for the exception of ets:F(Args).
func (e *env) raises(f string, args ...term.Term) string {
	e.t.Helper()
	exc := otp.Catch(func() { e.call(f, args...) })
	require.NotNil(e.t, exc, "ets:%s raised nothing", f)
	return shell.FormatException(exc)
}

// badarg asserts that err is a badarg with the cause.
func badarg(t *testing.T, err error, cause ets.Cause) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, term.ErrBadarg)
	var e *ets.Error
	require.True(t, errors.As(err, &e))
	require.Equal(t, cause, e.Cause, "error %v", err)
}

// spawn runs f in a new process and waits for it to finish.
func (e *env) in(f func(p *otp.Process)) {
	e.t.Helper()
	done := make(chan struct{})
	e.n.Spawn(func(p *otp.Process) {
		defer close(done)
		f(p)
	})
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		e.t.Fatal("process did not finish")
	}
}

// receive waits for a message f accepts.
func (e *env) receive(f func(any) bool) any {
	e.t.Helper()
	msg, ok := e.p.ReceiveMatch(f, 5*time.Second)
	require.True(e.t, ok, "no message")
	return msg
}

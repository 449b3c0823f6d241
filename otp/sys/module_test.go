package sys_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
)

func TestModule(t *testing.T) {
	n, self := newNode(t)
	require.NoError(t, sys.Load(n))
	cs := code.Of(n)
	exc := otp.Catch(func() { cs.Apply(self, "sys", "get_state", []term.Term{term.Atom("nonexistent")}) })
	require.NotNil(t, exc)
	assert.Equal(t, otp.ClassExit, exc.Class)
	assert.Equal(t, term.Tuple{otp.Noproc, term.Tuple{term.Atom("sys"), term.Atom("get_state"),
		term.List{term.Atom("nonexistent")}}}, exc.Reason)

	_, err := startCounter(self, cnt)
	require.NoError(t, err)
	add := term.LocalFun{Module: "erl_eval", Arity: 1, Value: code.Func(func(_ *otp.Process, args []term.Term) term.Term {
		return args[0].(int) + 5
	})}
	assert.Equal(t, 5, cs.Apply(self, "sys", "replace_state", []term.Term{cnt, add}))
	assert.Equal(t, 5, cs.Apply(self, "sys", "get_state", []term.Term{cnt, 1000}))
	boom := term.LocalFun{Module: "erl_eval", Arity: 1, Value: code.Func(func(_ *otp.Process, args []term.Term) term.Term {
		otp.Throw(term.Atom("fail"))
		return nil
	})}
	exc = otp.Catch(func() { cs.Apply(self, "sys", "replace_state", []term.Term{cnt, boom}) })
	require.NotNil(t, exc)
	assert.Equal(t, otp.ClassError, exc.Class)
	assert.Equal(t, term.Atom("callback_failed"), exc.Reason.(term.Tuple)[0])

	assert.Equal(t, term.Atom("ok"), cs.Apply(self, "sys", "log", []term.Term{cnt, term.True}))
	assert.Equal(t, term.Atom("ok"), cs.Apply(self, "sys", "suspend", []term.Term{cnt}))
	assert.Equal(t, term.Atom("ok"), cs.Apply(self, "sys", "resume", []term.Term{cnt, term.Atom("infinity")}))
	assert.Equal(t, term.Tuple{term.Atom("ok"), term.List{}}, cs.Apply(self, "sys", "log", []term.Term{cnt, term.Atom("get")}))
	// An installed Erlang fun.
	test := self.Self()
	fn := term.LocalFun{Module: "erl_eval", Arity: 3, Value: code.Func(func(p *otp.Process, args []term.Term) term.Term {
		p.Send(test, args[1])
		return term.Atom("done")
	})}
	assert.Equal(t, term.Atom("ok"), cs.Apply(self, "sys", "install", []term.Term{cnt, term.Tuple{fn, 0}}))
	pid, _ := n.WhereIs(cnt)
	self.Send(pid, term.Atom("hello"))
	assert.Equal(t, term.Tuple{term.Atom("in"), term.Atom("hello")}, self.Receive())
}

package proclib_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/proclib"
	"github.com/scalability-go/otpbook/otp/term"
)

func TestModule(t *testing.T) {
	n, self, _ := newNode(t)
	require.NoError(t, proclib.Load(n))
	cs := code.Of(n)
	_, err := cs.Load(&code.Module{Name: "m", Exports: map[code.FA]code.Func{
		{Function: "init", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
			if args[0] == term.Atom("bad") {
				otp.Error(term.Atom("bad_init"))
			}
			cs.Apply(p, "proc_lib", "init_ack", []term.Term{term.Tuple{term.Atom("ok"), p.Self()}})
			p.Receive()
			return term.Atom("ok")
		},
	}})
	require.NoError(t, err)
	ret := cs.Apply(self, "proc_lib", "start", []term.Term{term.Atom("m"), term.Atom("init"), term.List{term.Atom("x")}})
	pid := ret.(term.Tuple)[1].(term.Pid)
	assert.Equal(t, term.Tuple{term.Atom("m"), term.Atom("init"), term.List{term.Atom("Argument__1")}},
		cs.Apply(self, "proc_lib", "initial_call", []term.Term{pid}))
	assert.Equal(t, term.Tuple{term.Atom("m"), term.Atom("init"), 1},
		cs.Apply(self, "proc_lib", "translate_initial_call", []term.Term{pid}))
	self.SendExit(pid, otp.Kill)

	ret = cs.Apply(self, "proc_lib", "start", []term.Term{term.Atom("m"), term.Atom("init"), term.List{term.Atom("bad")}, 1000})
	assert.Equal(t, term.Atom("error"), ret.(term.Tuple)[0])
	assert.Equal(t, term.Atom("bad_init"), ret.(term.Tuple)[1].(term.Tuple)[0])
}

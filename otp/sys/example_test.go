package sys_test

import (
	"fmt"
	"io"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/proclib"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
)

// bell is a tiny special process: it rings (counts) on every message, and
// serves system messages through sys.HandleSystemMsg.
type bell struct{ rings int }

func (b *bell) SystemTerminate(_ *otp.Process, reason term.Term, _ term.Pid, _ *sys.Debug) {
	otp.Exit(reason)
}
func (b *bell) SystemCodeChange(*otp.Process, term.Atom, term.Term, term.Term) error { return nil }
func (b *bell) SystemGetState(*otp.Process) (any, error)                             { return b.rings, nil }
func (b *bell) SystemReplaceState(_ *otp.Process, f func(any) any) (any, error) {
	var next any
	if err := sys.Protect("bell", "system_replace_state", func() { next = f(b.rings) }); err != nil {
		return nil, err
	}
	b.rings = next.(int)
	return b.rings, nil
}
func (b *bell) FormatStatus(*otp.Process, term.Atom, term.Term, term.Atom, term.Pid, *sys.Debug) term.Term {
	return term.List{term.Tuple{term.Atom("rings"), b.rings}}
}

func (b *bell) loop(p *otp.Process, parent term.Pid) {
	var deb *sys.Debug
	for {
		switch m := gen.Decode(p.Receive()).(type) {
		case sys.Msg:
			deb = sys.HandleSystemMsg(p, m, parent, "bell", b, deb)
		default:
			deb = deb.Event(p, term.Atom("bell"), term.Tuple{term.Atom("in"), m},
				func(w io.Writer, name, ev term.Term) {
					fmt.Fprintf(w, "*DBG* %s got %s\n", term.Write(name), term.Write(ev.(term.Tuple)[1]))
				})
			b.rings++
		}
	}
}

func Example() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	_, _, _, _ = gen.Start(self, gen.Link, term.Tuple{term.Atom("local"), term.Atom("bell")},
		otp.MFA{Module: "bell", Function: "init", Arity: 1},
		func(p *otp.Process, parent term.Pid) {
			proclib.InitAck(p, term.Atom("ok"))
			(&bell{}).loop(p, parent)
		}, gen.StartOptions{})

	_ = sys.Trace(self, term.Atom("bell"), true)
	self.Send(mustWhere(self, "bell"), term.Atom("ding"))
	rings, _ := sys.GetState(self, term.Atom("bell"))
	fmt.Println("rings:", rings)

	_ = sys.Suspend(self, term.Atom("bell"))
	status, _ := sys.GetStatus(self, term.Atom("bell"))
	fmt.Println(term.Write(status.(term.Tuple)[3].(term.List)[1]))
	_ = sys.Resume(self, term.Atom("bell"))

	_, err := sys.GetState(self, term.Atom("nobell"))
	fmt.Println(err)
	// Output:
	// *DBG* bell got ding
	// rings: 1
	// suspended
	// sys: exit {noproc,{sys,get_state,[nobell]}}
}

func mustWhere(p *otp.Process, name term.Atom) term.Pid {
	pid, _ := p.Node().WhereIs(name)
	return pid
}

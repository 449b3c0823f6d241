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

// counter is a minimal special process: it counts the increments it is
// sent ({inc, N} casts), replies its count to a get call, and serves
// system messages.
type counter struct {
	name   term.Term
	parent term.Pid
	count  int
	deb    *sys.Debug
}

// startCounter starts a counter linked to p, registered as name when it is
// an atom, with debug options.
func startCounter(p *otp.Process, name term.Term, debug ...term.Term) (term.Pid, error) {
	var reg term.Term
	if a, ok := name.(term.Atom); ok {
		reg = term.Tuple{term.Atom("local"), a}
	}
	pid, _, _, err := gen.Start(p, gen.Link, reg, otp.MFA{Module: "counter", Function: "init", Arity: 1},
		func(c *otp.Process, parent term.Pid) {
			deb, _ := sys.DebugOptions(debug)
			s := &counter{name: name, parent: parent, deb: deb}
			if name == nil {
				s.name = c.Self()
			}
			proclib.InitAck(c, term.Tuple{term.Atom("ok"), c.Self()})
			s.loop(c)
		}, gen.StartOptions{})
	return pid, err
}

func (s *counter) loop(c *otp.Process) {
	for {
		msg := gen.Decode(c.Receive())
		switch m := msg.(type) {
		case sys.Msg:
			s.deb = sys.HandleSystemMsg(c, m, s.parent, "counter", s, s.deb)
			continue
		case otp.ExitMsg:
			if m.From == s.parent {
				otp.Exit(m.Reason)
			}
		}
		s.deb = s.deb.Event(c, s.name, term.Tuple{term.Atom("in"), msg}, formatEvent)
		switch m := msg.(type) {
		case gen.CallMsg:
			gen.Reply(c, m.From, s.count)
			s.deb = s.deb.Event(c, s.name, term.Tuple{term.Atom("out"), s.count, m.From.Pid, s.count}, formatEvent)
		case gen.CastMsg:
			if t, ok := m.Request.(term.Tuple); ok && len(t) == 2 {
				s.count += t[1].(int)
			}
		}
	}
}

// formatEvent prints an event as a *DBG* line.
func formatEvent(w io.Writer, name, ev term.Term) {
	t := ev.(term.Tuple)
	switch t[0] {
	case term.Atom("in"):
		fmt.Fprintf(w, "*DBG* %s got %s\n", term.Write(name), term.Write(t[1]))
	case term.Atom("out"):
		fmt.Fprintf(w, "*DBG* %s sent %s to %s\n", term.Write(name), term.Write(t[1]), term.Write(t[2]))
	}
}

func (s *counter) SystemTerminate(_ *otp.Process, reason term.Term, _ term.Pid, _ *sys.Debug) {
	otp.Exit(reason)
}

func (s *counter) SystemCodeChange(_ *otp.Process, _ term.Atom, _, extra term.Term) error {
	if n, ok := extra.(int); ok {
		s.count *= n
		return nil
	}
	return fmt.Errorf("bad extra")
}

func (s *counter) SystemGetState(*otp.Process) (any, error) { return s.count, nil }

func (s *counter) SystemReplaceState(_ *otp.Process, f func(any) any) (any, error) {
	var next any
	if err := sys.Protect("counter", "system_replace_state", func() { next = f(s.count) }); err != nil {
		return nil, err
	}
	s.count = next.(int)
	return s.count, nil
}

func (s *counter) FormatStatus(_ *otp.Process, _ term.Atom, _ term.Term, _ term.Atom, _ term.Pid, _ *sys.Debug) term.Term {
	return term.List{term.Tuple{term.Atom("data"), term.List{term.Tuple{"Count", s.count}}}}
}

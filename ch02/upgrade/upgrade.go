// Book: chapter 2, "Upgrading Modules" (a shell session; the book has no file for it).

package upgrade

import (
	"fmt"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Load loads version vsn of loop into n's code server, as compiling and
// loading a changed file does: the current version becomes old, and an old
// version that existed is purged first, killing the processes that still
// run it. It reports whether it killed any.
func Load(n *otp.Node, vsn int) (killed bool, err error) {
	return code.Of(n).Load(Version(vsn))
}

// StartQualified spawns from p a process running Qualified, as
// spawn(loop, qualified, []) does, and returns its pid.
func StartQualified(p *otp.Process) term.Pid {
	return start(p, Qualified, "qualified")
}

// StartLocal spawns from p a process running Local, as
// spawn(loop, local, []) does, and returns its pid.
func StartLocal(p *otp.Process) term.Pid {
	return start(p, Local, "local")
}

func start(p *otp.Process, body func(*otp.Process), function term.Atom) term.Pid {
	pid, _ := p.SpawnOpt(body, otp.SpawnOptions{InitialCall: &otp.MFA{Module: Loop, Function: function, Arity: 0}})
	return pid
}

// EndedError is the error of Ask when the loop has ended, or ends before
// it answers.
type EndedError struct {
	Pid    term.Pid
	Reason term.Term
}

func (e *EndedError) Error() string {
	return fmt.Sprintf("loop %v ended: %s", e.Pid, term.Write(e.Reason))
}

// Ask sends the loop pid a request from p and returns the number of the
// version that answered. It watches pid with a monitor while it waits:
// if pid has ended, or ends first (killed by a purge, say), the error is
// an *EndedError with its exit reason (noproc when it was already gone).
// Other messages of p stay queued.
func Ask(p *otp.Process, pid term.Pid) (int, error) {
	ref, err := p.Monitor(pid)
	if err != nil {
		return 0, err
	}
	defer p.Demonitor(ref, otp.Flush)
	p.Send(pid, term.Tuple{p.Self(), Request})
	msg, _ := p.ReceiveMatch(func(m any) bool {
		switch m := m.(type) {
		case otp.DownMsg:
			return m.Ref == ref
		case term.Tuple:
			return len(m) == 2 && m[0] == pid
		}
		return false
	}, otp.Infinity)
	if down, ok := msg.(otp.DownMsg); ok {
		return 0, &EndedError{Pid: pid, Reason: down.Reason}
	}
	vsn, _ := msg.(term.Tuple)[1].(int)
	return vsn, nil
}

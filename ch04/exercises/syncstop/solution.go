//go:build !exercise

// Book: chapter 4, "Generic Servers", "Termination" (exercise: a synchronous stop for ch4/frequency.erl).

package syncstop

import (
	"fmt"

	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// handleStop is handle_call(stop, _From, State): {stop, normal, ok,
// State}. The server runs terminate, then answers, then exits.
func handleStop(p *otp.Process, s frequency.State) genserver.Result[frequency.State] {
	return genserver.StopReply(otp.Normal, term.OK, s)
}

// Stop stops the server registered as frequency with the call stop, and
// returns once the server has terminated: its process is gone and its name
// free. With no server, the error matches genserver.ErrNoproc.
//
// The reply comes before the server has exited (after terminate, but
// before the exit): so Stop monitors the server first, and waits for the
// DOWN after the reply. A server that dies of something else while
// stopping is an error with its reason.
func Stop(p *otp.Process) error {
	pid, ok := p.Node().WhereIs(Name)
	if !ok {
		// As a call to nobody fails.
		_, err := genserver.Call(p, Name, StopRequest)
		return err
	}
	mref, err := p.Monitor(pid)
	if err != nil {
		return err
	}
	if _, err := genserver.Call(p, pid, StopRequest); err != nil {
		p.Demonitor(mref, otp.Flush)
		return err
	}
	down, _ := p.ReceiveRef(mref, func(m any) bool {
		d, ok := m.(otp.DownMsg)
		return ok && d.Ref == mref
	}, otp.Infinity)
	if r := down.(otp.DownMsg).Reason; r != otp.Normal {
		return fmt.Errorf("syncstop: the server exited %s", term.Write(r))
	}
	return nil
}

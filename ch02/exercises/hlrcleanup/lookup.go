// Book: chapter 2, "ETS: Erlang Term Storage" (exercise: ch2/hlr.erl that cleans up).

// Package hlrcleanup is an exercise: the Home Location Register of package
// hlr, with an owner process that keeps the tables, removes a process's old
// number when it attaches a new one, and removes a process's entries when
// it ends. See README.md.
package hlrcleanup

import (
	"errors"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/ets"
	"github.com/scalability-go/otpbook/otp/term"
)

// The tables' names, and the owner's registered name.
const (
	MsisdnToPid term.Atom = "msisdn2pid"
	PidToMsisdn term.Atom = "pid2msisdn"
	Owner       term.Atom = "hlr"
)

// ErrInvalid is the error of a lookup that finds nothing: {error, invalid}.
var ErrInvalid = errors.New("invalid")

var (
	byMsisdn = ets.Named(MsisdnToPid)
	byPid    = ets.Named(PidToMsisdn)
)

// LookupID returns the pid that handles ms, or ErrInvalid.
func LookupID(p *otp.Process, ms int) (term.Pid, error) {
	objs, err := ets.Lookup(p, byMsisdn, ms)
	if err != nil {
		return term.Pid{}, err
	}
	if len(objs) == 0 {
		return term.Pid{}, ErrInvalid
	}
	return objs[0][1].(term.Pid), nil
}

// LookupMS returns the number pid handles, or ErrInvalid.
func LookupMS(p *otp.Process, pid term.Pid) (int, error) {
	objs, err := ets.Lookup(p, byPid, pid)
	if err != nil {
		return 0, err
	}
	if len(objs) == 0 {
		return 0, ErrInvalid
	}
	return objs[0][1].(int), nil
}

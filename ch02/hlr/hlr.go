// Book: chapter 2, "ETS: Erlang Term Storage" (ch2/hlr.erl).

// Package hlr is the book's Home Location Register: a tiny database that
// maps mobile subscriber numbers (MSISDNs, integers) to the pid of the
// process that handles the phone, and back. Later chapters use it to find
// the phone a call goes to.
//
// It is two public, named ETS tables, msisdn2pid and pid2msisdn, and no
// server process: callers read and write the tables themselves, and the
// process that calls Attach or Detach is the subject of the change. As
// in the book:
//
//   - New creates the tables, and the process that calls it owns them:
//     they vanish when it ends. New fails if they exist already.
//   - Attaching a second number to the same process leaves the first
//     behind in msisdn2pid, a stale entry Detach does not remove.
//   - Nothing is cleaned up when an attached process ends: its number
//     still resolves to its (dead) pid.
//
// The exercise hlrcleanup fixes the last two.
//
// Module is the Erlang module hlr, exporting new/0, attach/1, detach/0,
// lookup_id/1 and lookup_ms/1.
package hlr

import (
	"errors"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/ets"
	"github.com/scalability-go/otpbook/otp/term"
)

// The tables' names.
const (
	MsisdnToPid term.Atom = "msisdn2pid"
	PidToMsisdn term.Atom = "pid2msisdn"
)

// ErrInvalid is the error of a lookup that finds nothing: the book's
// {error, invalid}.
var ErrInvalid = errors.New("invalid")

var (
	byMsisdn = ets.Named(MsisdnToPid)
	byPid    = ets.Named(PidToMsisdn)
)

// New creates the two tables, public and named, owned by p (hlr:new/0).
// It fails, with an error wrapping term.ErrBadarg, when they exist.
func New(p *otp.Process) error {
	if _, err := ets.New(p, MsisdnToPid, ets.Public, ets.NamedTable); err != nil {
		return err
	}
	_, err := ets.New(p, PidToMsisdn, ets.Public, ets.NamedTable)
	return err
}

// Attach records that p handles the number ms, both ways (hlr:attach/1).
// A number p had before stays in msisdn2pid.
func Attach(p *otp.Process, ms int) error {
	if err := ets.Insert(p, byMsisdn, term.Tuple{ms, p.Self()}); err != nil {
		return err
	}
	return ets.Insert(p, byPid, term.Tuple{p.Self(), ms})
}

// Detach removes p's number, both ways, and reports whether p had one
// (hlr:detach/0, which returns true when it did and ok when it did not).
func Detach(p *otp.Process) (bool, error) {
	objs, err := ets.Lookup(p, byPid, p.Self())
	if err != nil || len(objs) == 0 {
		return false, err
	}
	if err := ets.DeleteKey(p, byPid, p.Self()); err != nil {
		return false, err
	}
	return true, ets.DeleteKey(p, byMsisdn, objs[0][1])
}

// LookupID returns the pid that handles ms (hlr:lookup_id/1), or
// ErrInvalid.
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

// LookupMS returns the number pid handles (hlr:lookup_ms/1), or
// ErrInvalid.
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

//go:build !exercise

// Book: chapter 2, "ETS: Erlang Term Storage" (exercise: ch2/hlr.erl that cleans up).

package hlrcleanup

import (
	"errors"
	"fmt"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/ets"
	"github.com/scalability-go/otpbook/otp/term"
)

// ErrNoOwner is the error of a call when no owner process runs.
var ErrNoOwner = errors.New("hlr: no owner process")

// The requests the owner serves, and its reply.
type (
	op      int
	request struct {
		op   op
		from term.Pid
		ref  term.Ref
		ms   int
	}
	reply struct {
		ref   term.Ref
		found bool
		err   error
	}
)

const (
	opAttach op = iota
	opDetach
	opSync
	opStop
)

// New starts the owner process, registered as Owner, which creates the
// tables (protected, named) and then serves Attach, Detach, Sync and Stop.
// It returns the owner's pid once the tables exist, or the error of
// ets.New when they could not be made (the names are taken).
func New(p *otp.Process) (term.Pid, error) {
	ref := p.MakeRef()
	parent := p.Self()
	pid, mref := p.SpawnMonitor(func(q *otp.Process) {
		err := create(q)
		q.Send(parent, reply{ref: ref, err: err})
		if err == nil {
			serve(q, map[term.Pid]term.Ref{})
		}
	})
	m, _ := p.ReceiveRef(mref, func(m any) bool {
		switch m := m.(type) {
		case reply:
			return m.ref == ref
		case otp.DownMsg:
			return m.Ref == mref
		}
		return false
	}, otp.Infinity)
	p.Demonitor(mref, otp.Flush)
	switch m := m.(type) {
	case reply:
		return pid, m.err
	default:
		return term.Pid{}, fmt.Errorf("hlr: owner ended: %s", term.Write(m.(otp.DownMsg).Reason))
	}
}

// create makes the tables and takes the owner's name.
func create(q *otp.Process) error {
	if _, err := ets.New(q, MsisdnToPid, ets.NamedTable, ets.Protected); err != nil {
		return err
	}
	if _, err := ets.New(q, PidToMsisdn, ets.NamedTable, ets.Protected); err != nil {
		return err
	}
	return q.Node().Register(Owner, q.Self())
}

// serve is the owner's loop. watched holds the monitor of every attached
// process.
func serve(q *otp.Process, watched map[term.Pid]term.Ref) {
	for {
		switch m := q.Receive().(type) {
		case request:
			r := reply{ref: m.ref}
			switch m.op {
			case opAttach:
				remove(q, m.from)
				release(q, m.ms)
				insert(q, m.from, m.ms)
				if _, ok := watched[m.from]; !ok {
					watched[m.from], _ = q.Monitor(m.from)
				}
			case opDetach:
				r.found = remove(q, m.from)
				if ref, ok := watched[m.from]; ok {
					q.Demonitor(ref, otp.Flush)
					delete(watched, m.from)
				}
			case opSync:
				for pid, ref := range watched {
					if !q.Node().IsProcessAlive(pid) {
						q.Demonitor(ref, otp.Flush)
						delete(watched, pid)
						remove(q, pid)
					}
				}
			}
			q.Send(m.from, r)
			if m.op == opStop {
				return
			}
		case otp.DownMsg:
			pid := m.Item.(term.Pid)
			if watched[pid] == m.Ref {
				delete(watched, pid)
				remove(q, pid)
			}
		}
	}
}

// insert records pid ↔ ms in both tables.
func insert(q *otp.Process, pid term.Pid, ms int) {
	_ = ets.Insert(q, byMsisdn, term.Tuple{ms, pid})
	_ = ets.Insert(q, byPid, term.Tuple{pid, ms})
}

// release takes ms away from the process that handles it, if any: that
// process is left with no number.
func release(q *otp.Process, ms int) {
	objs, _ := ets.Lookup(q, byMsisdn, ms)
	if len(objs) == 0 {
		return
	}
	_ = ets.DeleteKey(q, byPid, objs[0][1])
	_ = ets.DeleteKey(q, byMsisdn, ms)
}

// remove deletes pid's entries, both ways, and reports whether it had one.
func remove(q *otp.Process, pid term.Pid) bool {
	objs, _ := ets.Lookup(q, byPid, pid)
	if len(objs) == 0 {
		return false
	}
	_ = ets.DeleteKey(q, byPid, pid)
	_ = ets.DeleteKey(q, byMsisdn, objs[0][1])
	return true
}

// call sends the owner a request and waits for its reply, or its death.
func call(p *otp.Process, o op, ms int) (reply, error) {
	owner, ok := p.Node().WhereIs(Owner)
	if !ok {
		return reply{}, ErrNoOwner
	}
	ref, err := p.Monitor(owner)
	if err != nil {
		return reply{}, err
	}
	p.Send(owner, request{op: o, from: p.Self(), ref: ref, ms: ms})
	replyOrDown := func(m any) bool {
		switch m := m.(type) {
		case reply:
			return m.ref == ref
		case otp.DownMsg:
			return m.Ref == ref
		}
		return false
	}
	m, _ := p.ReceiveRef(ref, replyOrDown, otp.Infinity)
	if _, ok := m.(reply); ok && o == opStop {
		// Stop returns once the owner is gone, and its tables and
		// name with it: a New may follow at once.
		p.ReceiveRef(ref, replyOrDown, otp.Infinity)
	}
	p.Demonitor(ref, otp.Flush)
	if r, ok := m.(reply); ok {
		return r, r.err
	}
	return reply{}, ErrNoOwner
}

// Attach makes p the handler of ms, and of ms only: the number p had
// before, if any, is removed, and so is ms from the process that had it.
// The owner monitors p from then on.
func Attach(p *otp.Process, ms int) error {
	_, err := call(p, opAttach, ms)
	return err
}

// Detach removes p's number, both ways, and reports whether p had one.
func Detach(p *otp.Process) (bool, error) {
	r, err := call(p, opDetach, 0)
	return r.found, err
}

// Sync returns once the owner has removed the entries of every attached
// process that is no longer alive.
func Sync(p *otp.Process) error {
	_, err := call(p, opSync, 0)
	return err
}

// Stop stops the owner, and returns once it is gone: the tables and the
// owner's name go with it.
func Stop(p *otp.Process) error {
	_, err := call(p, opStop, 0)
	return err
}

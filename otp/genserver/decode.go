package genserver

import (
	"math"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
)

// actionOf reads the last element of a return tuple: a timeout (an
// integer of milliseconds, at least 0, or infinity), hibernate, or
// {continue, C}.
func actionOf(t term.Term) (act action, d time.Duration, cont any, ok bool) {
	switch v := t.(type) {
	case term.Atom:
		switch v {
		case atomInfinity:
			return aNone, 0, nil, true
		case atomHibernate:
			return aHibernate, 0, nil, true
		}
	case term.Tuple:
		if len(v) == 2 && v[0] == atomContinue {
			return aContinue, 0, v[1], true
		}
	default:
		if ms, isInt := term.Integer(t); isInt {
			if n, small := ms.(int); small {
				if n < 0 {
					return 0, 0, nil, false
				}
				if int64(n) > math.MaxInt64/int64(time.Millisecond) {
					return aNone, 0, nil, true
				}
				return aTimeout, time.Duration(n) * time.Millisecond, nil, true
			}
			return aNone, 0, nil, true // a bignum of milliseconds never expires
		}
	}
	return 0, 0, nil, false
}

// withAction completes a decoded result with the action element at t.
func withAction(r Result[any], t term.Term, raw term.Term) Result[any] {
	act, d, cont, ok := actionOf(t)
	if !ok {
		return Result[any]{kind: kRaw, act: aBad, raw: raw}
	}
	r.act, r.timeout, r.cont = act, d, cont
	return r
}

// bad is the result of a term that is no return tuple.
func bad(raw term.Term) Result[any] { return Result[any]{kind: kRaw, act: aBad, raw: raw} }

// decodeInit reads the result of init: an Erlang term is read as OTP 26
// reads it ({error, R} included); a result made in Go is checked.
func decodeInit(r Result[any]) Result[any] {
	if r.kind != kRaw {
		if r.act == aBad {
			return bad(r.term())
		}
		switch r.kind {
		case kOk, kIgnore, kInitStop, kInitError:
			return r
		}
		return bad(r.term())
	}
	t := r.raw
	if t == atomIgnore {
		return Result[any]{kind: kIgnore}
	}
	tp, ok := t.(term.Tuple)
	if !ok {
		return bad(t)
	}
	switch {
	case len(tp) == 2 && tp[0] == term.OK:
		return Result[any]{kind: kOk, state: tp[1]}
	case len(tp) == 3 && tp[0] == term.OK:
		return withAction(Result[any]{kind: kOk, state: tp[1]}, tp[2], t)
	case len(tp) == 2 && tp[0] == atomStop:
		return Result[any]{kind: kInitStop, reason: tp[1]}
	case len(tp) == 2 && tp[0] == atomError:
		return Result[any]{kind: kInitError, reason: tp[1]}
	}
	return bad(t)
}

// decodeCall reads an Erlang term returned by handle_call: the reply
// forms, or what decodeCommon reads.
func decodeCall(t term.Term) Result[any] {
	if tp, ok := t.(term.Tuple); ok {
		switch {
		case len(tp) == 3 && tp[0] == atomReply:
			return Result[any]{kind: kReply, reply: tp[1], state: tp[2]}
		case len(tp) == 4 && tp[0] == atomReply:
			return withAction(Result[any]{kind: kReply, reply: tp[1], state: tp[2]}, tp[3], t)
		case len(tp) == 4 && tp[0] == atomStop:
			return Result[any]{kind: kStopReply, reason: tp[1], reply: tp[2], state: tp[3]}
		}
	}
	return decodeCommon(t)
}

// decodeCommon reads an Erlang term returned by handle_cast, handle_info
// or handle_continue (and the rest of handle_call's).
func decodeCommon(t term.Term) Result[any] {
	if tp, ok := t.(term.Tuple); ok {
		switch {
		case len(tp) == 2 && tp[0] == atomNoreply:
			return Result[any]{kind: kNoReply, state: tp[1]}
		case len(tp) == 3 && tp[0] == atomNoreply:
			return withAction(Result[any]{kind: kNoReply, state: tp[1]}, tp[2], t)
		case len(tp) == 3 && tp[0] == atomStop:
			return Result[any]{kind: kStop, reason: tp[1], state: tp[2]}
		}
	}
	return bad(t)
}

// term returns the Erlang term a result stands for, as a bad return value
// shows it.
func (r Result[S]) term() term.Term {
	if r.kind == kRaw {
		return r.raw
	}
	var t term.Tuple
	switch r.kind {
	case kReply:
		t = term.Tuple{atomReply, r.reply, r.state}
	case kNoReply:
		t = term.Tuple{atomNoreply, r.state}
	case kStop:
		return term.Tuple{atomStop, r.reason, r.state}
	case kStopReply:
		return term.Tuple{atomStop, r.reason, r.reply, r.state}
	case kOk:
		t = term.Tuple{term.OK, r.state}
	case kIgnore:
		return atomIgnore
	case kInitStop:
		return term.Tuple{atomStop, r.reason}
	case kInitError:
		return term.Tuple{atomError, r.reason}
	}
	switch r.act {
	case aTimeout, aBad:
		t = append(t, durationTerm(r.timeout))
	case aHibernate:
		t = append(t, atomHibernate)
	case aContinue:
		t = append(t, term.Tuple{atomContinue, r.cont})
	}
	return t
}

// durationTerm is a timeout as Erlang writes it: milliseconds, or
// infinity.
func durationTerm(d time.Duration) term.Term {
	if d == otp.Infinity {
		return atomInfinity
	}
	return int(d / time.Millisecond)
}

// durationOf reads an Erlang timeout: milliseconds (at least 0) or
// infinity.
func durationOf(t term.Term) (time.Duration, bool) {
	if t == atomInfinity {
		return otp.Infinity, true
	}
	ms, ok := term.Integer(t)
	if !ok {
		return 0, false
	}
	n, small := ms.(int)
	if !small {
		if term.Compare(ms, 0) > 0 {
			return otp.Infinity, true
		}
		return 0, false
	}
	if n < 0 {
		return 0, false
	}
	if int64(n) > math.MaxInt64/int64(time.Millisecond) {
		return otp.Infinity, true
	}
	return time.Duration(n) * time.Millisecond, true
}

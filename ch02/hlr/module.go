// Book: chapter 2, "ETS: Erlang Term Storage" (ch2/hlr.erl).

package hlr

import (
	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the Erlang module hlr, exporting new/0, attach/1,
// detach/0, lookup_id/1 and lookup_ms/1. Its functions call the ets
// module by name, as hlr.erl does, so a table that is missing fails as in
// erl: error badarg from ets:lookup/2, "in call from hlr:lookup_id/1".
// A number may be any term, as in Erlang.
func Module() *code.Module {
	return &code.Module{
		Name: "hlr",
		Exports: map[code.FA]code.Func{
			{Function: "new", Arity: 0}:       newTables,
			{Function: "attach", Arity: 1}:    attach,
			{Function: "detach", Arity: 0}:    detach,
			{Function: "lookup_id", Arity: 1}: lookupID,
			{Function: "lookup_ms", Arity: 1}: lookupMS,
		},
	}
}

var (
	atomOK    = term.Atom("ok")
	atomError = term.Atom("error")
	invalid   = term.Tuple{atomError, term.Atom("invalid")}
)

// callETS calls ets:Function(Args...) by name.
func callETS(p *otp.Process, function term.Atom, args ...term.Term) term.Term {
	return code.Of(p.Node()).Apply(p, "ets", function, args)
}

func newTables(p *otp.Process, _ []term.Term) term.Term {
	return erl.In("hlr", "new", 0, func() term.Term {
		opts := term.List{term.Atom("public"), term.Atom("named_table")}
		callETS(p, "new", MsisdnToPid, opts)
		callETS(p, "new", PidToMsisdn, opts)
		return atomOK
	})
}

func attach(p *otp.Process, a []term.Term) term.Term {
	return erl.In("hlr", "attach", 1, func() term.Term {
		callETS(p, "insert", MsisdnToPid, term.Tuple{a[0], p.Self()})
		return callETS(p, "insert", PidToMsisdn, term.Tuple{p.Self(), a[0]})
	})
}

func detach(p *otp.Process, _ []term.Term) term.Term {
	return erl.In("hlr", "detach", 0, func() term.Term {
		objs := callETS(p, "lookup", PidToMsisdn, p.Self()).(term.List)
		if len(objs) == 0 {
			return atomOK
		}
		obj := objs[0].(term.Tuple)
		callETS(p, "delete", PidToMsisdn, obj[0])
		return callETS(p, "delete", MsisdnToPid, obj[1])
	})
}

func lookupID(p *otp.Process, a []term.Term) term.Term {
	return erl.In("hlr", "lookup_id", 1, func() term.Term {
		return found(callETS(p, "lookup", MsisdnToPid, a[0]))
	})
}

func lookupMS(p *otp.Process, a []term.Term) term.Term {
	return erl.In("hlr", "lookup_ms", 1, func() term.Term {
		return found(callETS(p, "lookup", PidToMsisdn, a[0]))
	})
}

// found is {ok, Value} for the one object of a lookup, {error, invalid}
// for none.
func found(objs term.Term) term.Term {
	l := objs.(term.List)
	if len(l) == 0 {
		return invalid
	}
	return term.Tuple{atomOK, l[0].(term.Tuple)[1]}
}

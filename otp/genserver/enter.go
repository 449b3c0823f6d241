package genserver

import (
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/proclib"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
)

// EnterLoop makes the calling process a gen_server, as
// gen_server:enter_loop/3,4,5 does: it does not return. The process must
// have been started with package proclib (its parent is proclib's
// Parent), has done its own initialisation, and registered name itself
// when name is not nil ({local, N}, {global, N} or {via, M, N}; nil
// means the pid). r is what init would have returned: Ok(state), with
// .Timeout, .Hibernate or .Continue. module is as for Start.
//
// A name that is not the caller's makes it exit process_not_registered
// (process_not_registered_globally, {process_not_registered_via, M}), as
// in OTP.
func EnterLoop(p *otp.Process, module any, name term.Term, r InitResult[any], opts ...Option) {
	s := &server{p: p, regName: name, parent: proclib.Parent(p)}
	switch m := module.(type) {
	case term.Atom:
		s.modName = m
		s.cs = code.Of(p.Node())
	default:
		im, ok := valueImpl(module)
		if !ok {
			otp.Error(term.Atom("badarg"))
		}
		s.direct = im
	}
	s.name = procName(p, name)
	if name != nil {
		checkProcName(p, name)
	}
	var o gen.StartOptions
	for _, opt := range opts {
		opt(&o)
	}
	s.hibAfter = o.HibernateAfter
	if len(o.Debug) > 0 {
		s.deb, _ = sys.DebugOptions(o.Debug)
	}
	res := decodeInit(r.r)
	if res.kind != kOk {
		otp.Error(term.Atom("badarg"))
	}
	s.state = res.state
	s.setAction(res)
	s.loop()
}

// checkProcName is gen:get_proc_name/1.
func checkProcName(p *otp.Process, name term.Term) {
	t, _ := name.(term.Tuple)
	var reason term.Term = term.Atom("process_not_registered")
	if len(t) == 2 && t[0] == term.Atom("global") {
		reason = term.Atom("process_not_registered_globally")
	} else if len(t) == 3 && t[0] == term.Atom("via") {
		reason = term.Tuple{term.Atom("process_not_registered_via"), t[1]}
	}
	if pid, ok := gen.Where(p, name); !ok || pid != p.Self() {
		otp.Exit(reason)
	}
}

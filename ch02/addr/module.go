// Book: chapter 2, "Records" (ch2/addr.erl).

package addr

import (
	"net"
	"net/netip"

	"github.com/scalability-go/otpbook/internal/erl"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// Module returns the Erlang module addr, exporting type/1 (see
// TypeTerm), over the system's resolver. It declares the hostent record
// (HostEntRecord), as addr.erl does by including inet.hrl, so that the
// shell's rr(addr) reads it.
func Module() *code.Module {
	return ModuleWith(net.DefaultResolver)
}

// ModuleWith returns the module addr over the resolver r.
func ModuleWith(r Resolver) *code.Module {
	return &code.Module{
		Name: "addr",
		Exports: map[code.FA]code.Func{
			{Function: "type", Arity: 1}: func(p *otp.Process, args []term.Term) term.Term {
				return TypeTerm(p, r, args[0])
			},
		},
		Records: []code.RecordDef{HostEntRecord},
	}
}

// HostEntRecord is the definition of the hostent record in inet.hrl,
// with its defaults and types: the fields of RecordFields.
var HostEntRecord = code.RecordDef{
	Name: "hostent",
	Fields: []code.RecordField{
		{Name: "h_name", Type: "inet:hostname()"},
		{Name: "h_aliases", Default: "[]", Type: "[inet:hostname()]"},
		{Name: "h_addrtype", Type: "inet | inet6"},
		{Name: "h_length", Type: "non_neg_integer()"},
		{Name: "h_addr_list", Default: "[]", Type: "[inet:ip_address()]"},
	},
}

// TypeTerm is addr:type/1 in process p: inet or inet6 for an address
// given as a tuple ({127,0,0,1}, {0,0,0,0,0,0,0,1}) or a string
// ("127.0.0.1", "::1"). The lookup runs under p's Context, so it ends
// when p does. Its result must be {ok, HostEnt}: a failed lookup raises
// error {badmatch, {error, Reason}}, with Reason nxdomain for an address
// with no name and einval for anything that is not an address.
func TypeTerm(p *otp.Process, r Resolver, address term.Term) term.Term {
	res := GetHostByAddrTerm(p, r, address).(term.Tuple)
	if res[0] != term.Atom("ok") {
		erl.Badmatch(res, "addr", "type", 1)
	}
	return res[1].(term.Tuple)[3] // #hostent.h_addrtype
}

// GetHostByAddrTerm is inet:gethostbyaddr/1 over terms, in process p,
// with resolver r: {ok, HostEnt}, the record as its tuple (HostEnt.Term),
// or {error, Reason}.
func GetHostByAddrTerm(p *otp.Process, r Resolver, address term.Term) term.Term {
	a, ok := ParseAddress(address)
	if !ok {
		return term.Tuple{term.Atom("error"), ErrEinval.Reason}
	}
	h, err := GetHostByAddr(p.Context(), r, a)
	if err != nil {
		return term.Tuple{term.Atom("error"), err.(*Error).Reason}
	}
	return term.Tuple{term.Atom("ok"), h.Term()}
}

// ParseAddress reads an address as Erlang's inet functions take one: a
// tuple of four integers 0..255 or eight integers 0..65535, or a string
// in the usual notation ("127.0.0.1", "::1"). It reports false for
// anything else.
func ParseAddress(t term.Term) (netip.Addr, bool) {
	switch v := t.(type) {
	case term.Tuple:
		return tupleAddress(v)
	case string:
		a, err := netip.ParseAddr(v)
		return a, err == nil
	case term.List:
		s := make([]rune, len(v))
		for i, c := range v {
			c, _ = term.Integer(c)
			n, ok := c.(int)
			if !ok || n < 0 || n > 0x10FFFF {
				return netip.Addr{}, false
			}
			s[i] = rune(n)
		}
		return ParseAddress(string(s))
	}
	return netip.Addr{}, false
}

func tupleAddress(t term.Tuple) (netip.Addr, bool) {
	max := map[int]int{4: 255, 8: 65535}[len(t)]
	if max == 0 {
		return netip.Addr{}, false
	}
	b := make([]byte, 0, 16)
	for _, e := range t {
		i, _ := term.Integer(e)
		n, ok := i.(int)
		if !ok || n < 0 || n > max {
			return netip.Addr{}, false
		}
		if len(t) == 4 {
			b = append(b, byte(n))
		} else {
			b = append(b, byte(n>>8), byte(n))
		}
	}
	a, _ := netip.AddrFromSlice(b)
	return a, true
}

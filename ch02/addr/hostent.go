// Book: chapter 2, "Records" (ch2/addr.erl).

// Package addr is the book's example of a record: the resolver's reverse
// lookup returns a hostent record, and the function type/1 takes one field
// of it, the address type.
//
// An Erlang record is a tuple whose first element names it, with names for
// the other elements known only to the compiler. Its Go form is a struct:
// HostEnt stands for the hostent record, and its Term method gives the
// tuple. Type is the book's type/1 in Go; Module is the Erlang module addr.
package addr

import (
	"net/netip"

	"github.com/scalability-go/otpbook/otp/term"
)

// The address types of h_addrtype.
const (
	Inet  term.Atom = "inet"  // IPv4
	Inet6 term.Atom = "inet6" // IPv6
)

// HostEnt is the resolver's hostent record (from inet.hrl):
// {hostent, Name, Aliases, AddrType, Length, AddrList}.
type HostEnt struct {
	Name     string       // h_name: the host's official name
	Aliases  []string     // h_aliases: its other names
	AddrType term.Atom    // h_addrtype: Inet or Inet6
	Length   int          // h_length: an address's length in bytes, 4 or 16
	AddrList []netip.Addr // h_addr_list: its addresses
}

// RecordFields are the hostent record's field names, in order, as
// record_info(fields, hostent) gives them.
var RecordFields = []term.Atom{"h_name", "h_aliases", "h_addrtype", "h_length", "h_addr_list"}

// Term returns the record as Erlang holds it, a tuple tagged hostent:
// {hostent,"localhost",[],inet,4,[{127,0,0,1}]}. It makes HostEnt a
// term.Termer, so it prints and compares as that tuple.
func (h HostEnt) Term() term.Term {
	aliases := make(term.List, len(h.Aliases))
	for i, a := range h.Aliases {
		aliases[i] = a
	}
	addrs := make(term.List, len(h.AddrList))
	for i, a := range h.AddrList {
		addrs[i] = AddressTerm(a)
	}
	return term.Tuple{term.Atom("hostent"), h.Name, aliases, h.AddrType, h.Length, addrs}
}

// String prints the record as the shell prints a result once it knows
// the record's definition (after rr(addr)), lines broken as erl breaks
// them:
//
//	#hostent{h_name = "localhost",h_aliases = [],
//	         h_addrtype = inet,h_length = 4,
//	         h_addr_list = [{127,0,0,1}]}
func (h HostEnt) String() string {
	return term.Pretty(h, term.PrintOptions{LineLength: 80, LineMaxChars: 60, Unicode: true,
		Records: func(tag term.Atom, size int) ([]term.Atom, bool) {
			return RecordFields, tag == "hostent" && size == len(RecordFields)
		}})
}

// AddressTerm returns an address as Erlang writes it: {127,0,0,1} for
// IPv4, eight 16-bit numbers such as {0,0,0,0,0,0,0,1} for IPv6.
func AddressTerm(a netip.Addr) term.Tuple {
	if a.Is4() {
		b := a.As4()
		return term.Tuple{int(b[0]), int(b[1]), int(b[2]), int(b[3])}
	}
	b := a.As16()
	t := make(term.Tuple, 8)
	for i := range t {
		t[i] = int(b[2*i])<<8 | int(b[2*i+1])
	}
	return t
}

// Book: chapter 2, "Records" (ch2/addr.erl).

package addr

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"slices"
	"strings"

	"github.com/scalability-go/otpbook/otp/term"
)

// A Resolver looks up the names of an address, as net.Resolver's
// LookupAddr does. net.DefaultResolver is the system's; tests give one
// of their own, so that they do not depend on the machine's hosts file.
type Resolver interface {
	LookupAddr(ctx context.Context, addr string) (names []string, err error)
}

// Error is a failed lookup, with the reason inet:gethostbyaddr/1 gives in
// its {error, Reason}.
type Error struct {
	Reason term.Atom
}

func (e *Error) Error() string { return "inet: " + string(e.Reason) }

// Is makes errors.Is(err, ErrNXDomain) true for any Error with the same
// reason.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Reason == e.Reason
}

// The reasons of failed lookups.
var (
	ErrNXDomain = &Error{Reason: "nxdomain"} // no name for the address
	ErrEinval   = &Error{Reason: "einval"}   // not an address
	ErrTimeout  = &Error{Reason: "timeout"}  // no answer in time, or the lookup was cancelled
)

// GetHostByAddr looks up the names of addr with r, as
// inet:gethostbyaddr/1 does. The first name is the host's h_name, any
// others its aliases (Go's resolver lists every name the hosts file gives
// the address; Erlang's takes the first line only, and may list none).
// The error is an *Error: ErrNXDomain when the address has no name or
// the lookup fails otherwise, ErrTimeout when ctx ends or the lookup
// times out, ErrEinval for an address that is not valid.
func GetHostByAddr(ctx context.Context, r Resolver, addr netip.Addr) (HostEnt, error) {
	if !addr.IsValid() {
		return HostEnt{}, ErrEinval
	}
	addr = addr.Unmap()
	names, err := r.LookupAddr(ctx, addr.String())
	if err != nil {
		return HostEnt{}, lookupError(ctx, err)
	}
	if len(names) == 0 {
		return HostEnt{}, ErrNXDomain
	}
	names = slices.Clone(names)
	for i, n := range names {
		names[i] = strings.TrimSuffix(n, ".")
	}
	h := HostEnt{Name: names[0], Aliases: names[1:], AddrType: Inet, Length: 4, AddrList: []netip.Addr{addr}}
	if addr.Is6() {
		h.AddrType, h.Length = Inet6, 16
	}
	return h, nil
}

// lookupError turns a resolver's error into the Error Erlang would give.
func lookupError(ctx context.Context, err error) error {
	var dns *net.DNSError
	switch {
	case ctx.Err() != nil, errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return ErrTimeout
	case errors.As(err, &dns) && dns.IsTimeout:
		return ErrTimeout
	}
	return ErrNXDomain
}

// Type returns the address type of addr, Inet or Inet6, from the hostent
// record of its reverse lookup with the system's resolver, as the book's
// type/1 does. The lookup must succeed: its error is returned where the
// Erlang function crashes with {badmatch, {error, Reason}}.
func Type(ctx context.Context, addr netip.Addr) (term.Atom, error) {
	return TypeWith(ctx, net.DefaultResolver, addr)
}

// TypeWith is Type with the resolver r.
func TypeWith(ctx context.Context, r Resolver, addr netip.Addr) (term.Atom, error) {
	h, err := GetHostByAddr(ctx, r, addr)
	if err != nil {
		return "", err
	}
	return h.AddrType, nil
}

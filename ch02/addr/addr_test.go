// Book: chapter 2, "Records" (ch2/addr.erl).

package addr_test

import (
	"context"
	"net"
	"net/netip"
	"testing"

	"github.com/scalability-go/otpbook/ch02/addr"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hosts is a resolver with a fixed table, as a hosts file would give it,
// so that the tests do not depend on the machine's.
type hosts map[string][]string

func (h hosts) LookupAddr(ctx context.Context, a string) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if names, ok := h[a]; ok {
		return names, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: a, IsNotFound: true}
}

var loopback = hosts{
	"127.0.0.1": {"localhost"},
	"::1":       {"localhost6.", "ip6-localhost."},
}

// timeouts is a resolver whose every lookup times out.
type timeouts struct{}

func (timeouts) LookupAddr(ctx context.Context, a string) ([]string, error) {
	return nil, &net.DNSError{Err: "i/o timeout", Name: a, IsTimeout: true}
}

func TestGetHostByAddr(t *testing.T) {
	ctx := context.Background()
	h, err := addr.GetHostByAddr(ctx, loopback, netip.MustParseAddr("127.0.0.1"))
	require.NoError(t, err)
	assert.Equal(t, addr.HostEnt{Name: "localhost", Aliases: []string{}, AddrType: addr.Inet, Length: 4,
		AddrList: []netip.Addr{netip.MustParseAddr("127.0.0.1")}}, h)
	assert.Equal(t, `{hostent,"localhost",[],inet,4,[{127,0,0,1}]}`, term.Print(h))

	h, err = addr.GetHostByAddr(ctx, loopback, netip.IPv6Loopback())
	require.NoError(t, err)
	assert.Equal(t, `{hostent,"localhost6",["ip6-localhost"],inet6,16,[{0,0,0,0,0,0,0,1}]}`, term.Print(h))
	assert.Equal(t, []string{"localhost6.", "ip6-localhost."}, loopback["::1"], "the resolver's answer is not changed")

	_, err = addr.GetHostByAddr(ctx, loopback, netip.MustParseAddr("10.255.255.1"))
	assert.ErrorIs(t, err, addr.ErrNXDomain)
	_, err = addr.GetHostByAddr(ctx, loopback, netip.Addr{})
	assert.ErrorIs(t, err, addr.ErrEinval)
	_, err = addr.GetHostByAddr(ctx, timeouts{}, netip.MustParseAddr("127.0.0.1"))
	assert.ErrorIs(t, err, addr.ErrTimeout)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = addr.GetHostByAddr(cancelled, loopback, netip.MustParseAddr("127.0.0.1"))
	assert.ErrorIs(t, err, addr.ErrTimeout)
	assert.Equal(t, "inet: timeout", err.Error())
}

func TestTypeWith(t *testing.T) {
	ctx := context.Background()
	for a, want := range map[string]term.Atom{"127.0.0.1": addr.Inet, "::1": addr.Inet6} {
		got, err := addr.TypeWith(ctx, loopback, netip.MustParseAddr(a))
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	_, err := addr.TypeWith(ctx, loopback, netip.MustParseAddr("10.255.255.1"))
	assert.ErrorIs(t, err, addr.ErrNXDomain)
}

// The machine's own resolver, where it knows 127.0.0.1 (most do, from
// /etc/hosts).
func TestTypeSystemResolver(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), erltest.Wait)
	defer cancel()
	got, err := addr.Type(ctx, netip.MustParseAddr("127.0.0.1"))
	if err != nil {
		t.Skipf("the system resolver has no name for 127.0.0.1: %v", err)
	}
	assert.Equal(t, addr.Inet, got)
}

// A record is a tagged tuple: element 1 is its name, and it has one
// element more than fields.
func TestRecordIsATaggedTuple(t *testing.T) {
	h := addr.HostEnt{Name: "localhost", Aliases: []string{}, AddrType: addr.Inet, Length: 4,
		AddrList: []netip.Addr{netip.MustParseAddr("127.0.0.1")}}
	tuple := h.Term().(term.Tuple)
	assert.Equal(t, term.Atom("hostent"), tuple[0])
	assert.Len(t, tuple, 6)
	assert.Len(t, addr.RecordFields, 5)
	require.Len(t, addr.HostEntRecord.Fields, len(addr.RecordFields), "the definition rr(addr) reads")
	for i, f := range addr.HostEntRecord.Fields {
		assert.Equal(t, addr.RecordFields[i], f.Name)
	}
	assert.Equal(t, []code.RecordDef{addr.HostEntRecord}, addr.Module().Records)
	assert.Equal(t, addr.Inet, tuple[3], "#hostent.h_addrtype is element 4")
	assert.True(t, term.Equal(h, tuple), "the struct compares as its tuple")
	assert.Equal(t, `#hostent{h_name = "localhost",h_aliases = [],
         h_addrtype = inet,h_length = 4,
         h_addr_list = [{127,0,0,1}]}`, h.String(), "as erl prints it after rr(addr)")

	// Copying with some fields changed leaves the original as it was.
	h6 := h
	h6.AddrType, h6.Length = addr.Inet6, 16
	assert.Equal(t, addr.Inet, h.AddrType)
	assert.Equal(t, 16, h6.Length)
}

func TestParseAddress(t *testing.T) {
	for _, c := range []struct {
		in   term.Term
		want string
	}{
		{term.Tuple{127, 0, 0, 1}, "127.0.0.1"},
		{term.Tuple{0, 0, 0, 0, 0, 0, 0, 1}, "::1"},
		{term.Tuple{0xfe80, 0, 0, 0, 0, 0, 0, 0x1234}, "fe80::1234"},
		{"127.0.0.1", "127.0.0.1"},
		{"::1", "::1"},
		{term.List{'1', '.', '2', '.', '3', '.', '4'}, "1.2.3.4"},
	} {
		a, ok := addr.ParseAddress(c.in)
		require.True(t, ok, "%v", c.in)
		assert.Equal(t, c.want, a.String())
	}
	for _, bad := range []term.Term{term.Tuple{256, 0, 0, 1}, term.Tuple{1, 2, 3}, term.Atom("foo"), "localhost", term.Tuple{-1, 0, 0, 0}, 42} {
		_, ok := addr.ParseAddress(bad)
		assert.False(t, ok, "%v", bad)
	}
}

// The section's session: addr:type/1 on the loopback addresses, and the
// badmatch crashes of a failed lookup.
func TestModuleSession(t *testing.T) {
	e := erltest.New(t, addr.ModuleWith(loopback))
	for _, c := range []struct {
		in   term.Term
		want term.Atom
	}{
		{term.Tuple{127, 0, 0, 1}, "inet"},
		{term.Tuple{0, 0, 0, 0, 0, 0, 0, 1}, "inet6"},
		{"127.0.0.1", "inet"},
		{"::1", "inet6"},
	} {
		v, exc := e.Call("addr", "type", c.in)
		require.Nil(t, exc)
		assert.Equal(t, c.want, v)
	}
	for _, c := range []struct {
		in     term.Term
		reason string
	}{
		{term.Tuple{10, 255, 255, 1}, "{badmatch,{error,nxdomain}}"},
		{term.Atom("foo"), "{badmatch,{error,einval}}"},
		{"localhost", "{badmatch,{error,einval}}"},
	} {
		_, exc := e.Call("addr", "type", c.in)
		require.NotNil(t, exc)
		assert.Equal(t, otp.ClassError, exc.Class)
		assert.Equal(t, c.reason, term.Write(exc.Reason))
		assert.Equal(t, "{addr,type,1,[]}", term.Write(erltest.Top(t, exc)))
	}
}

func TestGetHostByAddrTerm(t *testing.T) {
	e := erltest.New(t)
	v := addr.GetHostByAddrTerm(e.Self, loopback, term.Tuple{127, 0, 0, 1})
	assert.Equal(t, `{ok,{hostent,"localhost",[],inet,4,[{127,0,0,1}]}}`, term.Print(v))
	_, isTuple := v.(term.Tuple)[1].(term.Tuple)
	assert.True(t, isTuple, "the record is a plain tuple, as the shell sees it before rr(addr)")
	assert.Equal(t, "{error,nxdomain}", term.Write(addr.GetHostByAddrTerm(e.Self, loopback, term.Tuple{10, 255, 255, 1})))
	assert.Equal(t, "{error,einval}", term.Write(addr.GetHostByAddrTerm(e.Self, loopback, term.Tuple{1, 2, 3})))
}

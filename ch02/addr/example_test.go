// Book: chapter 2, "Records" (ch2/addr.erl).

package addr_test

import (
	"context"
	"fmt"
	"net/netip"

	"github.com/scalability-go/otpbook/ch02/addr"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// The address type of the loopback addresses, with a resolver that knows
// them (the system's is net.DefaultResolver, which Type uses).
func ExampleTypeWith() {
	ctx := context.Background()
	for _, a := range []string{"127.0.0.1", "::1", "10.255.255.1"} {
		typ, err := addr.TypeWith(ctx, loopback, netip.MustParseAddr(a))
		fmt.Printf("%s: %q %v\n", a, typ, err)
	}
	// Output:
	// 127.0.0.1: "inet" <nil>
	// ::1: "inet6" <nil>
	// 10.255.255.1: "" inet: nxdomain
}

// The record as a tuple, and as the shell prints it once it knows the
// record's definition.
func ExampleHostEnt() {
	h, _ := addr.GetHostByAddr(context.Background(), loopback, netip.MustParseAddr("127.0.0.1"))
	fmt.Println(term.Print(h))
	fmt.Println(h)
	fmt.Println(h.AddrType)
	// Output:
	// {hostent,"localhost",[],inet,4,[{127,0,0,1}]}
	// #hostent{h_name = "localhost",h_aliases = [],
	//          h_addrtype = inet,h_length = 4,
	//          h_addr_list = [{127,0,0,1}]}
	// inet
}

// addr:type({127,0,0,1}) in the shell, and the crash of a failed lookup.
func ExampleModuleWith() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()
	cs := code.Of(n)
	cs.Load(addr.ModuleWith(loopback))

	fmt.Println(cs.Apply(self, "addr", "type", []term.Term{term.Tuple{127, 0, 0, 1}}))
	exc := otp.Catch(func() { cs.Apply(self, "addr", "type", []term.Term{term.Tuple{10, 255, 255, 1}}) })
	fmt.Println(exc.Class, term.Write(exc.Reason))
	// Output:
	// inet
	// error {badmatch,{error,nxdomain}}
}

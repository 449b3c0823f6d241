// Book: chapter 4, "Generic Servers", "Starting a Server" and "Termination".

package lifecycle_test

import (
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/scalability-go/otpbook/ch04/lifecycle"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// What gen_server:start returns for some of init's results, and how
// {stop, Reason, Reply, State} ends a server: terminate first, then the
// reply.
func Example() {
	n, _ := otp.NewNode(otp.Stdout(os.Stdout), otp.Logger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	for _, init := range []term.Term{
		term.Atom("ignore"),
		term.Tuple{term.Atom("stop"), term.Atom("bailout")},
		term.Atom("bogus"),
		term.Tuple{term.Atom("raise"), term.Atom("exit"), term.Atom("bailout")},
	} {
		_, err := genserver.Start(self, nil, lifecycle.Callbacks(), init)
		fmt.Println(term.Write(genserver.StartResult(term.Pid{}, err)))
	}

	pid, _ := genserver.Start(self, nil, lifecycle.Callbacks(), term.Tuple{term.OK, term.Atom("s1")})
	r, _ := genserver.Call(self, pid, lifecycle.Return(term.Tuple{term.Atom("stop"), otp.Normal, term.Atom("bye"), term.Atom("s2")}))
	fmt.Println(r)
	// Output:
	// ignore
	// {error,bailout}
	// {error,{bad_return_value,bogus}}
	// {error,bailout}
	// terminate(normal, s2)
	// bye
}

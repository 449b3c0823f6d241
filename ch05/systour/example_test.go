// Book: chapter 5, "Controlling OTP Behaviours" (The sys Module; Statistics, Status, and State).

package systour_test

import (
	"fmt"
	"os"

	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/ch05/systour"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
)

// sys:trace(frequency, true): the server prints its events on its output,
// here the program's.
func Example_trace() {
	n, _ := otp.NewNode(otp.Stdout(os.Stdout))
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	_, _ = frequency.StartLink(self)
	_ = sys.Trace(self, frequency.Name, true)
	f, _ := frequency.Allocate(self)
	frequency.Deallocate(self, f)
	_, _ = sys.GetState(self, frequency.Name) // served after the cast
	_ = sys.Trace(self, frequency.Name, false)
	_ = sys.Terminate(self, frequency.Name, term.Atom("normal"))
	// Output:
	// *DBG* frequency got call {allocate,<0.1.0>} from <0.1.0>
	// *DBG* frequency sent {ok,10} to <0.1.0>, new state {[11,12,13,14,15],
	//                                                     [{10,<0.1.0>}]}
	// *DBG* frequency got cast {deallocate,10}
	// *DBG* frequency new state {[10,11,12,13,14,15],[]}
}

// sys:replace_state(frequency, fun({Free, Allocated}) -> {[100|Free],
// Allocated} end): the next allocation hands out 100.
func ExampleInject() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	_, _ = frequency.StartLink(self)
	s, _ := systour.Inject(self, 100)
	fmt.Println(s)
	fmt.Println(frequency.Allocate(self))
	s, _ = systour.State(self)
	fmt.Println(s)
	_ = sys.Terminate(self, frequency.Name, term.Atom("normal"))
	// Output:
	// {[100,10,11,12,13,14,15],[]}
	// 100 <nil>
	// {[10,11,12,13,14,15],[{100,<0.1.0>}]}
}

// sys:get_status(frequency): gen_server's status, whose last part is the
// frequency server's format_status view of its state.
func ExampleStatusOf() {
	n, _ := otp.NewNode()
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()

	_, _ = frequency.StartLink(self)
	_, _ = frequency.Allocate(self)
	_ = sys.Suspend(self, frequency.Name)
	r, _ := sys.GetStatus(self, frequency.Name)
	s, _ := systour.StatusOf(r)
	fmt.Println(s.Module, s.SysState)
	fmt.Println(term.Print(s.FormatStatus()))
	_ = sys.Resume(self, frequency.Name)
	_ = sys.Terminate(self, frequency.Name, term.Atom("normal"))
	// Output:
	// gen_server suspended
	// {data,[{"State",{{available,[11,12,13,14,15]},{allocated,[{10,<0.1.0>}]}}}]}
}

// Book: chapter 5, "Controlling OTP Behaviours".

// Command ch05 opens an Erlang shell on a node with chapter 5's modules
// loaded: chapter 4's frequency server, which every experiment of the
// chapter controls from outside, and the modules the experiments call,
// gen_server, sys and proc_lib:
//
//	go run ./ch05
//	1> frequency:start().
//	{ok,<0.3.0>}
//	2> sys:trace(frequency, true).
//	ok
//	3> frequency:allocate().
//	*DBG* frequency got call {allocate,<0.2.0>} from <0.2.0>
//	*DBG* frequency sent {ok,10} to <0.2.0>, new state {[11,12,13,14,15],
//	                                                    [{10,<0.2.0>}]}
//	{ok,10}
//
// It reads from standard input, so a session can also be piped in. It
// exits with the status given to halt/1, and 0 after q(), halt() or the
// end of the input.
package main

import (
	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/internal/chapter"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/proclib"
	"github.com/scalability-go/otpbook/otp/sys"
)

// modules are the chapter's modules, by their Erlang names: frequency
// (chapter 4's), and gen_server, sys and proc_lib, which the sessions call.
func modules() []*code.Module {
	return []*code.Module{
		genserver.Module(), sys.Module(), proclib.Module(),
		frequency.Module(),
	}
}

func main() {
	chapter.Main("ch05", modules)
}

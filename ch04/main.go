// Book: chapter 4, "Generic Servers".

// Command ch04 opens an Erlang shell on a node with chapter 4's modules
// loaded, so that the chapter's sessions can be typed as the book prints
// them:
//
//	go run ./ch04
//	1> frequency:start().
//	{ok,<0.87.0>}
//	2> frequency:allocate().
//	{ok,10}
//
// It reads from standard input, so a session can also be piped in. It
// exits with the status given to halt/1, and 0 after q(), halt() or the
// end of the input.
package main

import (
	"github.com/scalability-go/otpbook/ch04/deadlock"
	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/ch04/from"
	"github.com/scalability-go/otpbook/ch04/hibernate"
	"github.com/scalability-go/otpbook/ch04/lifecycle"
	"github.com/scalability-go/otpbook/ch04/ping"
	"github.com/scalability-go/otpbook/ch04/sleeper"
	"github.com/scalability-go/otpbook/internal/chapter"
	"github.com/scalability-go/otpbook/otp/code"
)

// modules are the chapter's modules, by their Erlang names: frequency.
func modules() []*code.Module {
	return []*code.Module{
		frequency.Module(),
		sleeper.Module(),
		from.Module(),
		ping.Module(),
		deadlock.Module(),
		hibernate.Module(),
		lifecycle.Module(),
	}
}

func main() {
	chapter.Main("ch04", modules)
}

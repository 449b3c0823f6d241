// Book: chapter 3, "Behaviours" (exercise: a call with a timeout, after "Message Passing: Under the Hood").

// Package calltimeout is an exercise: package callserver's call, which
// gives up when no reply comes in time. See README.md.
package calltimeout

import (
	"github.com/scalability-go/otpbook/ch03/callserver"
)

// ErrTimeout is the error of a call whose reply did not come in time:
// {error, timeout}.
var ErrTimeout = callserver.Error{Reason: "timeout"}

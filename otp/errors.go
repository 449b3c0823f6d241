package otp

import "github.com/scalability-go/otpbook/otp/term"

// ErrBadarg is wrapped by the errors of calls whose arguments Erlang
// rejects with badarg: sending to a name nobody has registered, registering
// a taken name, a timer with a negative time. It is term.ErrBadarg, so one
// errors.Is test serves every package.
var ErrBadarg = term.ErrBadarg

package otp

import (
	"context"
	"log/slog"

	"github.com/scalability-go/otpbook/otp/term"
)

// logCrash reports a process that ended of an uncaught error or throw, as
// the Erlang emulator reports a process that was not started through
// proc_lib: "Error in process <0.N.0> with exit value: Reason". The record
// carries the pid and the reason as attributes.
func (n *Node) logCrash(pid term.Pid, reason term.Term) {
	// A report must not take down what it reports on: a handler that
	// panics is ignored.
	defer func() { recover() }()
	ctx := context.Background()
	if !n.logger.Enabled(ctx, slog.LevelError) {
		return
	}
	msg, _ := term.Format("Error in process ~p with exit value:~n~p", pid, reason)
	n.logger.LogAttrs(ctx, slog.LevelError, msg,
		slog.Any("pid", pid), slog.Any("reason", reason))
}

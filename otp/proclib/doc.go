// Package proclib is Erlang's proc_lib: processes that behave as OTP's
// behaviours expect of each other. Every behaviour (gen_server, gen_statem,
// supervisor, ...) and a reader's own special process starts its processes
// here.
//
// A proc_lib process records its ancestors and initial call in its
// dictionary ("$ancestors", "$initial_call"), and when it crashes (any
// exception but exit normal, shutdown or {shutdown, _}) it logs a crash
// report in SASL's shape (CrashReport) and then exits with the same
// reason. The synchronous start (Start, StartLink, StartMonitor with
// InitAck and InitFail) returns only once the new process has said it is
// ready, or has died, or took too long and was killed.
//
// # Errors
//
// Functions that fail return an error: a *StartError for a start, whose
// Reason is the reason OTP's start returns in {error, Reason}; errors.Is
// tells ErrTimeout and ErrAlreadyStarted. The Erlang module (Module) returns
// {error, Reason} as proc_lib does. gen.Raise raises, for any error of
// these packages, the exception the OTP function raises.
//
// # Where this package differs from OTP
//
//   - The synchronous start follows OTP 26: a start_link whose child dies
//     first leaves no {'EXIT', Child, Reason} in a trapping caller's
//     mailbox, and InitFail exists. OTP 25's caller consumed the EXIT too
//     when trapping; one that does not trap dies of the link in both.
//   - A crash report has no heap_size, stack_size, reductions or
//     current_stacktrace: a goroutine has none to show. The stacktrace is
//     Go's (see otp.Exception); an exit raised with otp.Exit carries none,
//     so its report has no "in function" line.
//   - The crasher's dictionary leaves out keys that are not terms (Go
//     keys private to a package) and is sorted by key.
//   - A neighbour's ancestors and initial call are those it was spawned
//     with: Erlang reads them from its dictionary, which another goroutine
//     cannot read; the crasher's own come from its dictionary, as in OTP.
//   - Hibernate unwinds the Go stack with a panic that the proc_lib
//     wrapper catches: it must not be called inside otp.Catch.
//   - A start timeout of 0 means infinity (OTP's 0 would give up at
//     once, which no caller means).
package proclib

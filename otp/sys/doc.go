// Package sys is Erlang's sys module: the system message protocol that
// every special process speaks, and its client API.
//
// A special process (every behaviour, and a reader's own process as in
// chapter 10 of the book) passes each system message it receives, a Msg
// ({system, From, Request}), to HandleSystemMsg with its Callbacks; the
// function serves get_state, replace_state, get_status, suspend, resume,
// change_code (while suspended), terminate and the debug commands, and
// returns the debug state to go on with. The process records its events
// with Debug.Event, which traces ("*DBG* ..." lines on the process's
// output, as erl prints them on the shell's terminal, the group leader),
// logs, counts statistics, writes a log file and calls installed
// functions, as sys:handle_debug/4.
//
// The client functions (GetState, ReplaceState, GetStatus, Suspend,
// Resume, ChangeCode, Terminate, Trace, Log, Statistics, LogToFile,
// Install, Remove, NoDebug) send the system message with a call and wait
// for the reply. Module is the sys module for the shell.
//
// # Errors
//
// The client functions return errors; gen.Raise(err) raises the exception
// the OTP function raises instead. A message that could not be served is
// an *Error of class exit with reason {CallReason, {sys, Function, Args}}
// (sys:get_state(frequency) on nobody: {noproc, {sys, get_state,
// [frequency]}}), and errors.Is finds gen.ErrNoproc or gen.ErrTimeout in
// it. A failed get_state or replace_state callback is an *Error of class
// error with reason {callback_failed, {Module, Callback}, {Class, Reason}}
// (errors.As finds the *CallbackFailed). A reply {error, R} that OTP returns
// as a value is a *ReplyError.
//
// # Where this package differs from OTP
//
//   - Statistics' reductions counts the events the process recorded since
//     statistics were turned on: Go has no reductions.
//   - get_status's process dictionary leaves out keys that are not terms
//     (Go keys private to a package); "$initial_call" and "$ancestors"
//     come first, as a proc_lib process's get/0 lists them, and the other
//     keys are sorted (OTP lists them in its hash order).
//   - The debug options in get_status are sys's internal list, the last
//     installed first: {trace, true}, {log, NLog} (sys's queue of
//     {Event, Name, FormatFunc}, whose FormatFunc prints as a Go value),
//     {log_to_file, FileName} (the name, where OTP holds the file's
//     descriptor), {statistics, ...}, {Func, State} and {Id, {Func,
//     State}}. As in sys, turning on an option that is on (log, {log, N},
//     statistics, a function with the same id) changes nothing.
//   - A suspended process does not hibernate.
package sys

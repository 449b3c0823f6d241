// Package genserver is OTP's gen_server behaviour: a server process whose
// generic part (receiving, replying, timeouts, hibernation, system
// messages, termination and error reports) is here, and whose specific
// part is a callback module, as chapters 3 to 5 of the book build it.
//
// # Callback modules
//
// A callback module is a Go value implementing Callbacks[S], where S is
// the type of the server's state: Init, HandleCall and HandleCast are the
// book's init/1, handle_call/3 and handle_cast/2. The optional callbacks
// are interfaces a module implements when it needs them: InfoHandler
// (handle_info/2), ContinueHandler (handle_continue/2), Terminator
// (terminate/2), CodeChanger (code_change/3) and StatusFormatter
// (format_status/2). Callbacks return Erlang's return tuples as values:
//
//	{reply, R, S}              genserver.Reply(r, s)
//	{reply, R, S, 5000}        genserver.Reply(r, s).Timeout(5*time.Second)
//	{noreply, S, hibernate}    genserver.NoReply(s).Hibernate()
//	{noreply, S, {continue,C}} genserver.NoReply(s).Continue(c)
//	{stop, Reason, S}          genserver.Stop(reason, s)
//	{stop, Reason, R, S}       genserver.StopReply(reason, r, s)
//	{ok, S}                    genserver.Ok(s)
//	ignore                     genserver.Ignore[S]()
//	{stop, Reason}             genserver.InitStop[S](reason)
//	{error, Reason}            genserver.InitError[S](reason)   (OTP 26)
//
// and Term / InitTerm take the Erlang term itself, read as gen_server
// reads it (a term that is no return tuple is a bad return value).
//
// A module lives in the node's code server (package code) under its name:
// NewModule makes one of a Callbacks[S], and Start given the module's
// name (a term.Atom) looks the module up on every callback, so that
// loading a new version makes the running servers use it, and
// sys:change_code converts their state through the new version's
// CodeChange (chapter 12). Start also takes a callback value itself
// (Adapt(cb), or a Callbacks[any]), which registers nothing. A module
// written as Erlang writes it, with terms in and out, implements
// TermCallbacks; a code module with no Impl whose exports are init/1,
// handle_call/3, ... serves too, as in Erlang. Module is gen_server for
// the shell: gen_server:start(frequency, [], []) starts the module named
// frequency.
//
// # States given as terms
//
// A typed module keeps its state as S. When a state comes as an Erlang
// term instead (sys:replace_state from the shell calls the Erlang fun with
// the state's term form, S's Term method, and gets a term back), the
// server makes an S of it through the optional hook StateFromTerm[S]:
//
//	func (State) FromTerm(t term.Term) (State, error)
//
// implemented by S (or StateFromTermModule[S], a StateFromTerm method of the
// callback module). A term the hook cannot read fails replace_state with
// {callback_failed, {gen_server, system_replace_state}, {error, Reason}}
// (Reason the error's Term, when it has one) and the state stays. Without
// the hook, the term is installed as it is, and the next callback fails
// with {bad_state, {Got, Want}}.
//
// # Clients
//
// Call returns an error where gen_server:call exits; MustCall exits as it
// does. The error is a *CallError whose Reason is OTP's exit reason
// ({timeout, {gen_server, call, [frequency, allocate, 500]}}), and
// errors.Is tells ErrTimeout, ErrNoproc, ErrCallingSelf and ErrNodedown.
// Calls are made under a monitor alias (package gen), so a reply that
// comes after the caller gave up never reaches it. Cast, ReplyTo
// (gen_server:reply/2), MultiCall, Abcast, StopServer and StopServerWith
// (gen_server:stop/1,3) complete the client API.
//
// # Termination
//
// The server runs terminate(Reason, State) when a callback returns a
// stop, returns a bad value or raises (not throws), when its parent
// exits while it traps exits (a server that does not trap exits just
// dies, as in OTP), and on sys:terminate and gen_server:stop. Unless the
// reason is normal, shutdown or {shutdown, _}, it logs OTP 25's error
// report ("** Generic server frequency terminating ...") through the
// node's slog logger at Error level: the record's message is the report's
// text and its attribute "report" is a *TerminateReport. Its state is the
// one format_status(terminate, ...) gives. proc_lib's crash report
// follows (package proclib).
//
// # Where this package differs from OTP
//
//   - Start, StartLink and StartMonitor follow OTP 26's synchronous start:
//     init may return {error, Reason} (start returns it, the process exits
//     normal, no crash report), and a failed start_link leaves no EXIT in
//     a trapping caller's mailbox. In Go, ignore is the error ErrIgnore and
//     {error, Reason} a *StartError.
//   - The error report's client stacktrace is [] (OTP prints the caller's
//     current stack: one goroutine cannot read another's), and the
//     stacktrace of an exit raised in a callback with otp.Exit is [] (Go
//     records none), so the report's reason is {Reason, []}.
//   - Stacktraces are Go's (see otp.Exception).
//   - MultiCall and Abcast reach the local node only until distribution
//     exists: every other node is a bad node. {global, Name} is the node's
//     registry (package gen).
//   - format_status/1 (OTP 25's map form) is not supported; format_status/2
//     is.
//   - A state of the wrong type given to a typed callback (a new version
//     whose CodeChange did not convert it) makes the callback fail with
//     error {bad_state, {Got, Want}}, unless S's StateFromTerm hook
//     reads it.
//   - A term that a typed module's StateFromTerm hook cannot read fails
//     sys:replace_state, and the state stays; OTP, whose states are all
//     terms, installs whatever the fun returns.
//   - send_request, wait_response and the request-id collections of
//     OTP 25 are not provided.
package genserver

// Package gen is OTP's gen module: what every behaviour shares. It holds
// the messages of the generic protocol (calls, casts, replies, system
// messages) as Go structs that print as Erlang's tuples, the call with its
// alias and monitor, the reply, names (local, global, via), and the
// synchronous start of a behaviour's process.
//
// # Messages
//
// Inside a node, a behaviour's messages are Go values: CallMsg is
// {'$gen_call', From, Request}, CastMsg {'$gen_cast', Request}, SystemMsg
// {system, From, Request} and ReplyMsg {[alias|Ref], Reply}. Each has a
// Term method, so process_info, flush() and crash reports show the
// tuples, and Decode turns the tuples (typed in the shell, or sent from
// another node) back into the structs, so a loop switches on structs only.
//
// # Errors
//
// Go functions return errors; each error of this package and of proclib,
// sys and the behaviours is a Raiser, which knows the exception the OTP
// function raises instead. Raise(err) raises it, for a caller that wants
// OTP's behaviour (an Erlang module for the shell does this):
//
//	reply, err := gen.Call(p, "frequency", wrap, 5*time.Second)
//	if errors.Is(err, gen.ErrTimeout) { ... }
//	gen.Raise(err) // exit timeout, as gen:call does
//
// A failed call is a *CallError whose Reason is gen:call's exit reason;
// errors.Is tells ErrTimeout, ErrNoproc, ErrCallingSelf and ErrNodedown.
//
// # Where this package differs from OTP
//
//   - {global, Name} names live in a registry of the node (Global) until
//     distribution exists: the API is global's, the scope one node. A name
//     on another node ({Name, Node}) cannot be reached: a call to it
//     fails with {nodedown, Node}, a send drops the message.
//   - {via, Module, Name} finds Module in the node's code server: its Impl
//     implements Registry, or it exports register_name/2,
//     unregister_name/1, whereis_name/1 and send/2. {via, global, Name}
//     is the node's global registry when no module global is loaded.
//   - StartOptions.SpawnOpt is accepted and ignored: heap sizes, priority
//     and fullsweep_after mean nothing to a goroutine.
package gen

package gen

import (
	"github.com/scalability-go/otpbook/otp/term"
)

// Atoms of the protocol.
const (
	atomGenCall term.Atom = "$gen_call"
	atomGenCast term.Atom = "$gen_cast"
	atomSystem  term.Atom = "system"
	atomAlias   term.Atom = "alias"
)

// From is the caller of a call, {Pid, Tag} in Erlang. Alias tells that Tag
// is an alias of the caller (made with otp.Process.MonitorAlias), whose term
// form is {Pid, [alias|Tag]} as OTP 24+ makes it; a From made by hand
// ({self(), Ref}) has Alias false. A tag that is no reference, as a
// message written by hand may carry ({self(), mytag}), is TagTerm, and
// Tag is then the zero Ref: gen takes any tag, and Reply sends {TagTerm,
// Reply} to Pid.
type From struct {
	Pid     term.Pid
	Tag     term.Ref
	Alias   bool
	TagTerm term.Term
}

// tagTerm is the tag as OTP writes it: [alias|Ref] or Ref.
func tagTerm(tag term.Ref, alias bool) term.Term {
	if alias {
		return term.ImproperList{Elems: []term.Term{atomAlias}, Tail: tag}
	}
	return tag
}

// Term returns {Pid, [alias|Tag]}, or {Pid, Tag} without an alias, or
// {Pid, TagTerm}.
func (f From) Term() term.Term {
	if f.TagTerm != nil {
		return term.Tuple{f.Pid, f.TagTerm}
	}
	return term.Tuple{f.Pid, tagTerm(f.Tag, f.Alias)}
}

// String prints the From as ~p does.
func (f From) String() string { return term.Print(f.Term()) }

// FromTerm reads a From from its term form: {Pid, Ref}, {Pid, [alias|Ref]},
// or {Pid, Tag} with any other Tag (TagTerm), as gen takes any {Pid, Tag}.
func FromTerm(t term.Term) (From, bool) {
	if f, ok := t.(From); ok {
		return f, true
	}
	tu, ok := t.(term.Tuple)
	if !ok || len(tu) != 2 {
		return From{}, false
	}
	pid, ok := tu[0].(term.Pid)
	if !ok {
		return From{}, false
	}
	switch tag := tu[1].(type) {
	case term.Ref:
		return From{Pid: pid, Tag: tag}, true
	case term.ImproperList:
		if ref, ok := aliasTag(tag); ok {
			return From{Pid: pid, Tag: ref, Alias: true}, true
		}
	}
	return From{Pid: pid, TagTerm: tu[1]}, true
}

// aliasTag reads [alias|Ref].
func aliasTag(l term.ImproperList) (term.Ref, bool) {
	if len(l.Elems) != 1 || l.Elems[0] != atomAlias {
		return term.Ref{}, false
	}
	ref, ok := l.Tail.(term.Ref)
	return ref, ok
}

// CallMsg is a call, {'$gen_call', From, Request} in Erlang.
type CallMsg struct {
	From    From
	Request any
}

// Term returns {'$gen_call', From, Request}.
func (m CallMsg) Term() term.Term { return term.Tuple{atomGenCall, m.From.Term(), m.Request} }

// String prints the message as ~p does.
func (m CallMsg) String() string { return term.Print(m.Term()) }

// CastMsg is a cast, {'$gen_cast', Request} in Erlang.
type CastMsg struct {
	Request any
}

// Term returns {'$gen_cast', Request}.
func (m CastMsg) Term() term.Term { return term.Tuple{atomGenCast, m.Request} }

// String prints the message as ~p does.
func (m CastMsg) String() string { return term.Print(m.Term()) }

// ReplyMsg is the reply to a call: {[alias|Tag], Reply} when the caller's
// tag is an alias (what OTP 24+ sends, and what Call waits for), {Tag, Reply}
// otherwise.
type ReplyMsg struct {
	Tag   term.Ref
	Reply any
	Alias bool
}

// Term returns {[alias|Tag], Reply} or {Tag, Reply}.
func (m ReplyMsg) Term() term.Term { return term.Tuple{tagTerm(m.Tag, m.Alias), m.Reply} }

// String prints the message as ~p does.
func (m ReplyMsg) String() string { return term.Print(m.Term()) }

// SystemMsg is a system message, {system, From, Request} in Erlang; package
// sys names it sys.Msg and serves it (sys.HandleSystemMsg).
type SystemMsg struct {
	From    From
	Request any
}

// Term returns {system, From, Request}.
func (m SystemMsg) Term() term.Term { return term.Tuple{atomSystem, m.From.Term(), m.Request} }

// String prints the message as ~p does.
func (m SystemMsg) String() string { return term.Print(m.Term()) }

// Decode turns the term forms of the protocol's messages, as they arrive
// when typed in the shell or sent by another node, into their structs:
// {'$gen_call', From, Req} into CallMsg, {'$gen_cast', Req} into CastMsg,
// {system, From, Req} into SystemMsg, and {[alias|Tag], Reply} into
// ReplyMsg. Anything else, the structs themselves included, is returned
// as it is, so a behaviour's loop can decode every message it receives and
// switch on the structs.
func Decode(msg any) any {
	t, ok := msg.(term.Tuple)
	if !ok {
		return msg
	}
	switch len(t) {
	case 2:
		switch tag := t[0].(type) {
		case term.Atom:
			if tag == atomGenCast {
				return CastMsg{Request: t[1]}
			}
		case term.ImproperList:
			if ref, ok := aliasTag(tag); ok {
				return ReplyMsg{Tag: ref, Reply: t[1], Alias: true}
			}
		}
	case 3:
		switch t[0] {
		case atomGenCall:
			if f, ok := FromTerm(t[1]); ok {
				return CallMsg{From: f, Request: t[2]}
			}
		case atomSystem:
			if f, ok := FromTerm(t[1]); ok {
				return SystemMsg{From: f, Request: t[2]}
			}
		}
	}
	return msg
}

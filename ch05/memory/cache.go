// Book: chapter 5, "Controlling OTP Behaviours" (Memory Usage; hibernate_after).

package memory

import (
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// Cache is a gen_server callback module that holds large buffers by key
// while it is busy and drops them all when it has been idle for Idle: the
// Go counterpart of a process that hibernates to give its heap back. In
// Go the heap is shared: what the server gives back is its references, so
// that the collector can take the buffers.
//
// Requests: Put{Key, Size} (call: allocate and keep a buffer of Size
// bytes; replies ok), Size (call: the bytes held). On the idle timeout
// (handle_info(timeout)) the state is emptied and the server hibernates.
type Cache struct {
	Idle time.Duration
}

// CacheState is the Cache's state: buffers by key.
type CacheState struct {
	Buffers map[term.Term][]byte
	// Dropped counts the idle periods that emptied the cache.
	Dropped int
}

// Put is the call that stores a buffer of Size bytes under Key.
type Put struct {
	Key  term.Term
	Size int
}

// Size is the call that asks for the bytes the cache holds.
type Size struct{}

// Init starts empty, with the idle timeout running.
func (c Cache) Init(*otp.Process, term.Term) genserver.InitResult[CacheState] {
	return genserver.Ok(CacheState{Buffers: map[term.Term][]byte{}}).Timeout(c.Idle)
}

// HandleCall serves Put and Size; every reply restarts the idle timeout.
func (c Cache) HandleCall(_ *otp.Process, req any, _ gen.From, s CacheState) genserver.Result[CacheState] {
	switch r := req.(type) {
	case Put:
		b := make([]byte, r.Size)
		for i := 0; i < len(b); i += 4096 {
			b[i] = 1 // touch the pages
		}
		s.Buffers[r.Key] = b
		return genserver.Reply(term.OK, s).Timeout(c.Idle)
	case Size:
		n := 0
		for _, b := range s.Buffers {
			n += len(b)
		}
		return genserver.Reply(n, s).Timeout(c.Idle)
	}
	return genserver.Reply(term.Tuple{term.Atom("error"), term.Atom("unknown")}, s).Timeout(c.Idle)
}

// HandleCast ignores casts.
func (c Cache) HandleCast(_ *otp.Process, _ any, s CacheState) genserver.Result[CacheState] {
	return genserver.NoReply(s).Timeout(c.Idle)
}

// HandleInfo drops every buffer on the idle timeout and hibernates until
// the next message.
func (c Cache) HandleInfo(_ *otp.Process, msg any, s CacheState) genserver.Result[CacheState] {
	if msg == term.Atom("timeout") {
		return genserver.NoReply(CacheState{Buffers: map[term.Term][]byte{}, Dropped: s.Dropped + 1}).Hibernate()
	}
	return genserver.NoReply(s).Timeout(c.Idle)
}

package otp

// mailbox is a process's message queue: a FIFO that a selective receive
// can take from anywhere. Messages live in a slice in arrival order, each
// with a sequence number. Taking the oldest message advances the head;
// taking the newest shrinks the tail; taking one from the middle leaves a
// hole that is squeezed out once holes are many. Sequence numbers let a
// receive start after a mark (the receive-marker optimisation) by looking
// back from the tail, so a reply is found without rescanning a deep queue.
//
// A mailbox is guarded by its process's mutex. A process has none until its
// first message (a nil *mailbox is empty), so that an idle process stays
// small.
type mailbox struct {
	q     []envelope
	head  int    // q[:head] are taken
	holes int    // taken envelopes within q[head:]
	next  uint64 // sequence number of the next message

	// The receive marker: the counter of the reference the process made
	// last (MakeRef, Monitor), and the sequence number of the next
	// message at that time.
	markRef, markSeq uint64

	// waitMatch is the match function of the selective receive the
	// process waits in, if it waits in one: a sender whose message it
	// accepts hands the message over directly, as to a process that
	// waits for any message (see Process.handOver).
	waitMatch func(any) bool
}

type envelope struct {
	seq   uint64
	msg   any
	taken bool
}

func (m *mailbox) len() int {
	if m == nil {
		return 0
	}
	return len(m.q) - m.head - m.holes
}

// nextSeq returns the sequence number the next message will have.
func (m *mailbox) nextSeq() uint64 {
	if m == nil {
		return 0
	}
	return m.next
}

func (m *mailbox) push(msg any) {
	if m.head > 0 && m.head == len(m.q) {
		m.q = m.q[:0]
		m.head = 0
	}
	m.q = append(m.q, envelope{seq: m.next, msg: msg})
	m.next++
}

// indexFrom returns the index of the first envelope whose sequence number
// is at least seq. It looks back from the tail, as the envelopes after a
// receive marker are usually few.
func (m *mailbox) indexFrom(seq uint64) int {
	i := len(m.q)
	for i > m.head && m.q[i-1].seq >= seq {
		i--
	}
	return i
}

// take removes and returns the first message at or after sequence number
// from that match accepts (any message if match is nil). When none
// matches it returns the sequence number to resume scanning from once
// more messages have come.
func (m *mailbox) take(match func(any) bool, from uint64) (msg any, ok bool, resume uint64) {
	if m == nil {
		return nil, false, 0
	}
	i := m.head
	if from > 0 {
		i = m.indexFrom(from)
	}
	for ; i < len(m.q); i++ {
		e := &m.q[i]
		if e.taken {
			continue
		}
		if match == nil || match(e.msg) {
			msg = e.msg
			m.remove(i)
			return msg, true, 0
		}
	}
	return nil, false, m.next
}

func (m *mailbox) remove(i int) {
	switch {
	case i == m.head:
		m.q[i] = envelope{}
		m.head++
		for m.head < len(m.q) && m.q[m.head].taken {
			m.q[m.head] = envelope{}
			m.head++
			m.holes--
		}
	case i == len(m.q)-1:
		m.q[i] = envelope{}
		m.q = m.q[:i]
		for len(m.q) > m.head && m.q[len(m.q)-1].taken {
			m.q[len(m.q)-1] = envelope{}
			m.q = m.q[:len(m.q)-1]
			m.holes--
		}
	default:
		m.q[i].taken = true
		m.q[i].msg = nil
		m.holes++
		if m.holes > 32 && m.holes > m.len() {
			m.compact()
		}
	}
	if m.head == len(m.q) {
		m.reset()
	} else if m.head > 1024 && m.head > len(m.q)/2 {
		m.compact()
	}
}

// compact squeezes out the taken envelopes and the consumed head.
func (m *mailbox) compact() {
	j := 0
	for i := m.head; i < len(m.q); i++ {
		if !m.q[i].taken {
			m.q[j] = m.q[i]
			j++
		}
	}
	clear(m.q[j:])
	m.q = m.q[:j]
	m.head = 0
	m.holes = 0
}

// keepCap is the largest buffer an empty mailbox keeps: a burst of
// messages does not hold its memory for the life of the process.
const keepCap = 1024

// reset empties a mailbox whose envelopes have all been taken and cleared.
func (m *mailbox) reset() {
	if cap(m.q) > keepCap {
		m.q = nil
	} else {
		m.q = m.q[:0]
	}
	m.head = 0
	m.holes = 0
}

// all returns the messages in order without taking them.
func (m *mailbox) all() []any {
	if m == nil {
		return []any{}
	}
	out := make([]any, 0, m.len())
	for i := m.head; i < len(m.q); i++ {
		if !m.q[i].taken {
			out = append(out, m.q[i].msg)
		}
	}
	return out
}

// drain takes every message.
func (m *mailbox) drain() []any {
	out := m.all()
	if m == nil {
		return out
	}
	clear(m.q)
	m.reset()
	return out
}

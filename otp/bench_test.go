package otp_test

// Benchmarks of the runtime's hot paths, each beside a plain-Go baseline
// so that one run shows the ratio:
//
//	go test -run '^$' -bench . ./otp

import (
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/require"
)

func benchNode(b *testing.B) (*otp.Node, *otp.Process) {
	b.Helper()
	n, err := otp.NewNode(otp.Logger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	require.NoError(b, err)
	self := n.Attach()
	b.Cleanup(n.Stop)
	return n, self
}

// ping is a small message, boxed once so that sending it does not
// allocate.
var ping any = term.Atom("ping")

// BenchmarkPingPong measures a round trip: a message to a process that
// sends it back.
func BenchmarkPingPong(b *testing.B) {
	_, self := benchNode(b)
	me := self.Self()
	echo := self.Spawn(func(p *otp.Process) {
		for {
			p.Send(me, p.Receive())
		}
	})
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		self.Send(echo, ping)
		self.Receive()
	}
}

// BenchmarkBaselineChanPingPong is the same round trip between two
// goroutines over unbuffered channels.
func BenchmarkBaselineChanPingPong(b *testing.B) {
	in, out := make(chan any), make(chan any)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m := range in {
			out <- m
		}
	}()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		in <- ping
		<-out
	}
	b.StopTimer()
	close(in)
	<-done
}

// BenchmarkSpawnExit spawns processes that end at once and waits for all
// of them.
func BenchmarkSpawnExit(b *testing.B) {
	_, self := benchNode(b)
	var wg sync.WaitGroup
	wg.Add(b.N)
	body := func(*otp.Process) { wg.Done() }
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		self.Spawn(body)
	}
	wg.Wait()
}

// BenchmarkBaselineGoroutine starts goroutines that end at once and waits
// for all of them.
func BenchmarkBaselineGoroutine(b *testing.B) {
	var wg sync.WaitGroup
	wg.Add(b.N)
	body := func() { wg.Done() }
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		go body()
	}
	wg.Wait()
}

type reply struct {
	ref term.Ref
	val int
}

func benchReceiveRef(b *testing.B, depth int) {
	_, self := benchNode(b)
	for i := range depth {
		self.Send(self.Self(), i)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		ref := self.MakeRef()
		self.Send(self.Self(), reply{ref, i})
		_, ok := self.ReceiveRef(ref, func(m any) bool {
			r, ok := m.(reply)
			return ok && r.ref == ref
		}, time.Second)
		if !ok {
			b.Fatal("no reply")
		}
	}
}

// BenchmarkReceiveRefDeepMailbox receives a reply tagged with a fresh
// reference while 100,000 unrelated messages wait in the mailbox.
func BenchmarkReceiveRefDeepMailbox(b *testing.B) { benchReceiveRef(b, 100_000) }

// BenchmarkReceiveRefEmptyMailbox is the same with nothing else queued.
func BenchmarkReceiveRefEmptyMailbox(b *testing.B) { benchReceiveRef(b, 0) }

const fanOut = 1000

// BenchmarkSendFanOut sends from one process to 1,000, round robin, and
// reports messages per second (received and handled).
func BenchmarkSendFanOut(b *testing.B) {
	_, self := benchNode(b)
	me := self.Self()
	pids := make([]term.Pid, fanOut)
	for i := range pids {
		pids[i] = self.Spawn(func(p *otp.Process) {
			for {
				if m := p.Receive(); m != ping {
					p.Send(me, m)
				}
			}
		})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		self.Send(pids[i%fanOut], ping)
	}
	for i, pid := range pids { // every receiver has handled all before this
		self.Send(pid, i)
	}
	for range pids {
		self.Receive()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkBaselineChanFanOut is the same over 1,000 goroutines reading
// buffered channels.
func BenchmarkBaselineChanFanOut(b *testing.B) {
	chans := make([]chan any, fanOut)
	back := make(chan any)
	var wg sync.WaitGroup
	for i := range chans {
		chans[i] = make(chan any, 64)
		wg.Add(1)
		go func(c chan any) {
			defer wg.Done()
			for m := range c {
				if m != ping {
					back <- m
				}
			}
		}(chans[i])
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		chans[i%fanOut] <- ping
	}
	for i, c := range chans {
		c <- i
	}
	for range chans {
		<-back
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
	b.StopTimer()
	for _, c := range chans {
		close(c)
	}
	wg.Wait()
}

package genserver_test

import (
	"sync"
	"testing"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/term"
)

// echo is the trivial server of the benchmarks: a call is answered with
// its request, a cast counts.
type echo struct{}

func (echo) Init(*otp.Process, term.Term) genserver.InitResult[*int] { return genserver.Ok(new(int)) }
func (echo) HandleCall(_ *otp.Process, req any, _ gen.From, s *int) genserver.Result[*int] {
	return genserver.Reply(req, s)
}
func (echo) HandleCast(_ *otp.Process, _ any, s *int) genserver.Result[*int] {
	*s++
	return genserver.NoReply(s)
}

// benchServer starts echo by its module name, as the shell does: every
// callback looks the module up in the code server. It returns the server's
// pid as a term, made once, as a client keeps a server's pid or name.
func benchServer(b *testing.B) (*otp.Node, *otp.Process, term.Term) {
	n, err := otp.NewNode()
	if err != nil {
		b.Fatal(err)
	}
	p := n.Attach()
	b.Cleanup(func() {
		p.Detach()
		n.Stop()
	})
	if _, err := code.Of(n).Load(genserver.NewModule[*int]("echo", echo{})); err != nil {
		b.Fatal(err)
	}
	pid, err := genserver.Start(p, nil, term.Atom("echo"), nil)
	if err != nil {
		b.Fatal(err)
	}
	return n, p, term.Term(pid)
}

// BenchmarkBaselineChanPingPong is the yardstick: a request and its
// response over Go channels between two goroutines.
func BenchmarkBaselineChanPingPong(b *testing.B) {
	b.ReportAllocs()
	req, resp := make(chan int), make(chan int)
	go func() {
		for v := range req {
			resp <- v
		}
	}()
	for i := 0; b.Loop(); i++ {
		req <- i
		<-resp
	}
	close(req)
}

var ping = term.Atom("ping")

func BenchmarkCall(b *testing.B) {
	_, p, pid := benchServer(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := genserver.Call(p, pid, ping); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCallInfinity is BenchmarkCall with an infinite timeout: the
// call then starts no timer.
func BenchmarkCallInfinity(b *testing.B) {
	_, p, pid := benchServer(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := genserver.Call(p, pid, ping, otp.Infinity); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCallDeepMailbox(b *testing.B) {
	_, p, pid := benchServer(b)
	for i := range 100_000 {
		p.Send(p.Self(), i)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := genserver.Call(p, pid, ping); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCast(b *testing.B) {
	_, p, pid := benchServer(b)
	b.ReportAllocs()
	for b.Loop() {
		genserver.Cast(p, pid, ping)
	}
	// Wait until the server has handled every cast.
	genserver.MustCall(p, pid, ping, otp.Infinity)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "casts/s")
}

func BenchmarkCallParallel(b *testing.B) {
	n, _, pid := benchServer(b)
	const clients = 16
	b.ReportAllocs()
	per := b.N/clients + 1
	b.ResetTimer()
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := n.Attach()
			defer p.Detach()
			for range per {
				if _, err := genserver.Call(p, pid, ping); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	b.ReportMetric(float64(per*clients)/b.Elapsed().Seconds(), "calls/s")
}

// BenchmarkCallGoValue is BenchmarkCall with a server started from the Go
// value of its callback module, which registers nothing: no code-server
// lookup on the callbacks.
func BenchmarkCallGoValue(b *testing.B) {
	n, err := otp.NewNode()
	if err != nil {
		b.Fatal(err)
	}
	p := n.Attach()
	b.Cleanup(func() {
		p.Detach()
		n.Stop()
	})
	pid, err := genserver.Start(p, nil, genserver.Adapt[*int](echo{}), nil)
	if err != nil {
		b.Fatal(err)
	}
	var dest term.Term = pid
	b.ReportAllocs()
	for b.Loop() {
		if _, err := genserver.Call(p, dest, ping); err != nil {
			b.Fatal(err)
		}
	}
}

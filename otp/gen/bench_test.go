package gen_test

import (
	"testing"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/gen"
	"github.com/scalability-go/otpbook/otp/term"
)

// BenchmarkCall is a gen.Call round trip to a trivial server loop.
func BenchmarkCall(b *testing.B) {
	n, err := otp.NewNode()
	if err != nil {
		b.Fatal(err)
	}
	defer n.Stop()
	self := n.Attach()
	defer self.Detach()
	srv := self.Spawn(func(p *otp.Process) {
		for {
			m := p.Receive().(gen.CallMsg)
			gen.Reply(p, m.From, m.Request)
		}
	})
	wrap := func(f gen.From) any { return gen.CallMsg{From: f, Request: term.Atom("ping")} }
	b.ReportAllocs()
	for b.Loop() {
		if _, err := gen.Call(self, srv, wrap, otp.Infinity); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineChanPingPong is the Go round trip the call is measured
// against: a request and a reply over unbuffered channels.
func BenchmarkBaselineChanPingPong(b *testing.B) {
	req, rep := make(chan any), make(chan any)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m := range req {
			rep <- m
		}
	}()
	b.ReportAllocs()
	for b.Loop() {
		req <- term.Atom("ping")
		<-rep
	}
	close(req)
	<-done
}

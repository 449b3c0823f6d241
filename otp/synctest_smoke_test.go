package otp_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/require"
)

func TestSynctestSmoke(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n, err := otp.NewNode()
		require.NoError(t, err)
		defer n.Stop()
		p := n.Attach()
		defer p.Detach()
		start := time.Now()
		ref, err := n.SendAfter(50*time.Millisecond, p.Self(), term.Atom("ping"))
		require.NoError(t, err)
		require.Equal(t, term.Atom("ping"), p.Receive())
		require.Equal(t, 50*time.Millisecond, time.Since(start))
		_, ok := n.CancelTimer(ref)
		require.False(t, ok)
		_, ok = p.ReceiveTimeout(100 * time.Millisecond)
		require.False(t, ok)
		require.Equal(t, 150*time.Millisecond, time.Since(start))
	})
}

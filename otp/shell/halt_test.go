package shell_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/shell"
	"github.com/scalability-go/otpbook/otp/stdlib"
)

// haltShell runs input in a shell and returns what it printed, without
// the banner, and its exit status.
func haltShell(t *testing.T, input string) (string, int) {
	t.Helper()
	n, err := otp.NewNode(otp.Logger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	require.NoError(t, err)
	defer n.Stop()
	require.NoError(t, stdlib.Load(n))
	var out strings.Builder
	sh := shell.New(n, &out)
	sh.Banner = ""
	require.NoError(t, sh.Run(context.Background(), strings.NewReader(input)))
	return out.String(), sh.ExitStatus()
}

// halt(Status) ends the shell at once, saying nothing, with Status as
// the exit status, as erl exits; a status that is not a non-negative
// integer is badarg, as in erl.
func TestHaltStatus(t *testing.T) {
	for _, c := range []struct {
		input, out string
		status     int
	}{
		{"halt(3).\n1.\n", "1> ", 3},
		{"X = 1.\nhalt(X + 2).\n", "1> 1\n2> ", 3},
		{"halt(0).\n", "1> ", 0},
		{"halt(300).\n", "1> ", 44},
		{"halt(1 bsl 64 + 5).\n", "1> ", 5},
		{"halt().\n", "1> ", 0},
		{"q().\n", "1> ok\n2> *** Terminating erlang (nonode@nohost)\n", 0},
		{"halt(-1).\n", "1> ** exception error: bad argument\n" +
			"     in function  halt/1\n" +
			"        called as halt(-1)\n" +
			"        *** argument 1: invalid status\n" +
			"2> *** Terminating erlang (nonode@nohost)\n", 0},
		{"halt(a).\nhalt(2).\n", "1> ** exception error: bad argument\n" +
			"     in function  halt/1\n" +
			"        called as halt(a)\n" +
			"        *** argument 1: invalid status\n" +
			"2> ", 2},
	} {
		out, status := haltShell(t, c.input)
		assert.Equal(t, c.out, out, "%q", c.input)
		assert.Equal(t, c.status, status, "%q", c.input)
	}
}

package shell_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/shell"
	"github.com/scalability-go/otpbook/otp/stdlib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var normalisers = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`<\d+\.\d+\.\d+>`), "<PID>"},
	{regexp.MustCompile(`#Ref<[\d.]+>`), "#Ref<REF>"},
	{regexp.MustCompile(`#Fun<erl_eval\.\d+\.\d+>`), "#Fun<erl_eval>"},
}

// normalise drops the banner and makes pids, references and funs, which
// differ from run to run, the same.
func normalise(s string) []string {
	_, s, _ = strings.Cut(s, "\n")
	for _, n := range normalisers {
		s = n.re.ReplaceAllString(s, n.with)
	}
	return strings.Split(s, "\n")
}

func runShell(t *testing.T, input string, loaders ...func(*otp.Node) error) string {
	t.Helper()
	n, err := otp.NewNode(otp.Logger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	require.NoError(t, err)
	defer n.Stop()
	require.NoError(t, stdlib.Load(n))
	for _, load := range loaders {
		require.NoError(t, load(n))
	}
	var out strings.Builder
	sh := shell.New(n, &out)
	require.NoError(t, sh.Run(context.Background(), strings.NewReader(input)))
	return out.String()
}

// TestSessionAsErl types testdata/session.txt into the shell and compares
// what it prints with what erl printed for the same input
// (testdata/session.erl.out, recorded by testdata/record.sh).
func TestSessionAsErl(t *testing.T) {
	input, err := os.ReadFile("testdata/session.txt")
	require.NoError(t, err)
	want, err := os.ReadFile("testdata/session.erl.out")
	require.NoError(t, err)
	assertSameOutput(t, string(want), runShell(t, string(input)))
}

// assertSameOutput compares the shell's output with erl's, normalised,
// line by line, reporting the first line that differs.
func assertSameOutput(t *testing.T, erl, ours string) {
	t.Helper()
	got, exp := normalise(ours), normalise(erl)
	for i := 0; i < len(exp) || i < len(got); i++ {
		var g, e string
		if i < len(got) {
			g = got[i]
		}
		if i < len(exp) {
			e = exp[i]
		}
		if !assert.Equal(t, e, g, "line %d", i+2) {
			break
		}
	}
}

// Several forms on one line are several forms, and the rest of a line
// after a full stop begins the next form, so its lines count from there:
// what erl 25 prints for this input.
func TestFormsShareLines(t *testing.T) {
	got := runShell(t, "1. 2.\n3. % c\na.b.\nX = 1,\n  Y = 2.\nq().\n")
	_, got, _ = strings.Cut(got, "\n")
	assert.Equal(t, `1> 1
2> 2
3> 3
4> * 2:2: syntax error before: '.'
4> 2
5> ok
6> *** Terminating erlang (nonode@nohost)
`, got)
}

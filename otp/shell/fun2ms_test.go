package shell_test

import (
	"os"
	"testing"

	"github.com/scalability-go/otpbook/otp/ets"
	"github.com/stretchr/testify/require"
)

// TestFun2msAsErl types testdata/fun2ms.txt into the shell: ets:fun2ms of
// literal funs (variables, '_', the whole object, shell bindings as
// {const, V}, guards with ; and ,, tuples, lists and maps in bodies,
// object() and bindings()), the errors of what cannot be translated, and a
// select with the result; and compares with what erl printed
// (testdata/fun2ms.erl.out, recorded by testdata/record.sh).
func TestFun2msAsErl(t *testing.T) {
	input, err := os.ReadFile("testdata/fun2ms.txt")
	require.NoError(t, err)
	want, err := os.ReadFile("testdata/fun2ms.erl.out")
	require.NoError(t, err)
	assertSameOutput(t, string(want), runShell(t, string(input), ets.Load))
}

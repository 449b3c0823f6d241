// Book: chapter 4, "Generic Servers" (ch4/frequency.erl).

package frequency_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/ch04/frequency"
	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/shell"
	"github.com/scalability-go/otpbook/otp/stdlib"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
)

// sys:replace_state with an Erlang fun from the shell: the fun gets the
// state as {Free, Allocated}, and the term it returns becomes the State
// (State.FromTerm), so the next allocate hands out 100, as in erl.
func TestReplaceStateWithErlangFun(t *testing.T) {
	n, err := otp.NewNode()
	require.NoError(t, err)
	defer n.Stop()
	require.NoError(t, stdlib.Load(n))
	require.NoError(t, genserver.Load(n))
	require.NoError(t, sys.Load(n))
	_, err = code.Of(n).Load(frequency.Module())
	require.NoError(t, err)
	var out bytes.Buffer
	in := strings.NewReader(`frequency:start().
sys:replace_state(frequency, fun({Free, Allocated}) -> {[100|Free], Allocated} end).
frequency:allocate().
sys:get_state(frequency).
catch sys:replace_state(frequency, fun(_) -> bad end).
frequency:allocate().
`)
	shell.New(n, &out).Run(context.Background(), in)
	got := out.String()
	assert.Contains(t, got, "2> {[100,10,11,12,13,14,15],[]}\n3> {ok,100}\n")
	assert.Contains(t, got, "5> {'EXIT',{{callback_failed,{gen_server,system_replace_state},")
	assert.Contains(t, got, "6> {ok,10}\n", "a term that is no state leaves the state as it was")
}

func TestStateFromTerm(t *testing.T) {
	s, err := frequency.State{}.FromTerm(term.Tuple{term.List{10, 11}, term.List{term.Tuple{12, term.Pid{}}}})
	require.NoError(t, err)
	assert.Equal(t, frequency.State{Free: []term.Term{10, 11}, Allocated: []frequency.Allocation{{Freq: 12}}}, s)
	_, err = frequency.State{}.FromTerm(term.Atom("bad"))
	require.Error(t, err)
}

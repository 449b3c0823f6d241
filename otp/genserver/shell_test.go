package genserver_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/shell"
	"github.com/scalability-go/otpbook/otp/stdlib"
)

// TestShellSession types gen_server calls into the shell; the results
// are those erl 25 prints (pids aside).
func TestShellSession(t *testing.T) {
	n, err := otp.NewNode()
	require.NoError(t, err)
	defer n.Stop()
	require.NoError(t, stdlib.Load(n))
	require.NoError(t, genserver.Load(n))
	_, err = code.Of(n).Load(&code.Module{Name: "erl", Impl: erl{}})
	require.NoError(t, err)
	var out bytes.Buffer
	in := strings.NewReader(`{ok, P} = gen_server:start({local, e}, erl, {ok, 0}, []).
gen_server:call(e, x).
catch gen_server:call(nobody, x).
gen_server:call(nobody, x, 100).
gen_server:start({local, e}, erl, {ok, 0}, []).
gen_server:stop(e).
gen_server:stop(e).
`)
	shell.New(n, &out).Run(context.Background(), in)
	got := pidRe.ReplaceAllString(out.String(), "<P>")
	want := `1> {ok,<P>}
2> x
3> {'EXIT',{noproc,{gen_server,call,[nobody,x]}}}
4> ** exception exit: {noproc,{gen_server,call,[nobody,x,100]}}
     in function  gen_server:call/3 
5> {error,{already_started,<P>}}
6> ok
7> ** exception exit: noproc
     in function  gen:do_for_proc/2 
`
	assert.Contains(t, got, want)
}

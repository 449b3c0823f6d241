package shell_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/shell"
	"github.com/scalability-go/otpbook/otp/stdlib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRecordsAsErl types testdata/records.txt (rd, rl, rf, rp, records
// made, read, updated and matched, printed as results and by b(), errors
// of rd) into the shell and compares what it prints with what erl printed
// (testdata/records.erl.out, recorded by testdata/record.sh).
func TestRecordsAsErl(t *testing.T) {
	input, err := os.ReadFile("testdata/records.txt")
	require.NoError(t, err)
	want, err := os.ReadFile("testdata/records.erl.out")
	require.NoError(t, err)
	assertSameOutput(t, string(want), runShell(t, string(input)))
}

// TestReadRecords: rr(Module) reads the records a module declares. The
// module here declares the resolver's hostent record as inet.hrl does;
// the expected output is erl's for rr/1 on a module that includes
// inet.hrl.
func TestReadRecords(t *testing.T) {
	n, err := otp.NewNode(otp.Logger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	require.NoError(t, err)
	defer n.Stop()
	require.NoError(t, stdlib.Load(n))
	_, err = code.Of(n).Load(&code.Module{Name: "addr", Records: []code.RecordDef{{
		Name: "hostent",
		Fields: []code.RecordField{
			{Name: "h_name", Type: "inet:hostname()"},
			{Name: "h_aliases", Default: "[]", Type: "[inet:hostname()]"},
			{Name: "h_addrtype", Type: "inet | inet6"},
			{Name: "h_length", Type: "non_neg_integer()"},
			{Name: "h_addr_list", Default: "[]", Type: "[inet:ip_address()]"},
		},
	}}})
	require.NoError(t, err)
	_, err = code.Of(n).Load(&code.Module{Name: "bad", Records: []code.RecordDef{{
		Name: "r", Fields: []code.RecordField{{Name: "a", Default: "1 +"}}}}})
	require.NoError(t, err)
	var out strings.Builder
	sh := shell.New(n, &out)
	sh.Banner = ""
	in := strings.Join([]string{
		`H = {hostent,"localhost",[],inet,4,[{127,0,0,1}]}.`,
		`rr(addr).`,
		`H.`,
		`{ok, H}.`,
		`#hostent{}.`,
		`rl().`,
		`rr(addr, nomatch).`,
		`rr(addr, [hostent]).`,
		`rr(nosuch).`,
		`rr("nosuch.hrl").`,
		`rr(1).`,
		`rr(bad).`,
		`rf(hostent).`,
		`H.`,
		``,
	}, "\n")
	require.NoError(t, sh.Run(context.Background(), strings.NewReader(in)))
	assert.Equal(t, `1> {hostent,"localhost",[],inet,4,[{127,0,0,1}]}
2> [hostent]
3> #hostent{h_name = "localhost",h_aliases = [],
         h_addrtype = inet,h_length = 4,
         h_addr_list = [{127,0,0,1}]}
4> {ok,#hostent{h_name = "localhost",h_aliases = [],
             h_addrtype = inet,h_length = 4,
             h_addr_list = [{127,0,0,1}]}}
5> #hostent{h_name = undefined,h_aliases = [],
         h_addrtype = undefined,h_length = undefined,
         h_addr_list = []}
6> -record(hostent,{h_name :: inet:hostname(),
                 h_aliases = [] :: [inet:hostname()],
                 h_addrtype :: inet | inet6,
                 h_length :: non_neg_integer(),
                 h_addr_list = [] :: [inet:ip_address()]}).
ok
7> []
8> [hostent]
9> {error,nofile}
10> []
11> {error,invalid_filename}
12> ** exception exit: "bad default of field a in record r: 1 +"
13> ok
14> {hostent,"localhost",[],inet,4,[{127,0,0,1}]}
15> *** Terminating erlang (nonode@nohost)
`, out.String())
}

// TestRecordsSurviveEvaluator: a record defined in one evaluator prints
// in the next, as erl's are kept by the shell process, and a tuple of
// another size than the record stays a tuple.
func TestRecordsSurviveEvaluator(t *testing.T) {
	got := runShell(t, "rd(p, {a}).\nexit(x).\n{p, 1}.\n{p, 1, 2}.\n")
	_, got, _ = strings.Cut(got, "\n")
	assert.Equal(t, "1> p\n2> ** exception exit: x\n3> #p{a = 1}\n4> {p,1,2}\n5> *** Terminating erlang (nonode@nohost)\n", got)
}

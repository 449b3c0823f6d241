package term

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shellOptions are the options the OTP 25 shell prints a result with.
var shellOptions = PrintOptions{Column: 1, LineLength: 80, LineMaxChars: 60, Unicode: true}

// TestPrintGolden compares ~w, ~p, ~tp and the shell's printing of the
// terms in testdata/print.txt with what erl printed (testdata/print.golden).
func TestPrintGolden(t *testing.T) {
	for _, c := range readGolden(t, "print") {
		t.Run(fmt.Sprint(c.N), func(t *testing.T) {
			v := caseTerm(t, c.In)
			assert.Equal(t, c.Out["w"], Write(v), "~w of %s", c.In)
			assert.Equal(t, c.Out["p"], Print(v), "~p of %s", c.In)
			assert.Equal(t, c.Out["tp"], Pretty(v, PrintOptions{Unicode: true}), "~tp of %s", c.In)
			assert.Equal(t, c.Out["shell"], Pretty(v, shellOptions), "shell printing of %s", c.In)
		})
	}
}

// A prettyCase is a term (as case text), options, and what OTP prints.
type prettyCase struct {
	in   string
	opts PrintOptions
	want string
}

func runPrettyCases(t *testing.T, cases []prettyCase) {
	t.Helper()
	for _, c := range cases {
		v := caseTerm(t, c.in)
		assert.Equal(t, c.want, Pretty(v, c.opts), "%s with %+v", c.in, c.opts)
	}
}

// TestPrettyDepth: Depth limits nesting as ~P does: "..." for what is left out, [...|...] in lists,
// <<"abc"...>> in binaries (four characters a level).
// The expected outputs are io_lib_pretty:print/2 of OTP 25.
func TestPrettyDepth(t *testing.T) {
	runPrettyCases(t, []prettyCase{
		{`[1,2,3,4,5]`, PrintOptions{Depth: 1}, "[...]"},
		{`[1,2,3,4,5]`, PrintOptions{Depth: 2}, "[1|...]"},
		{`[1,2,3,4,5]`, PrintOptions{Depth: 3}, "[1,2|...]"},
		{`[1,2,3,4,5]`, PrintOptions{Depth: 4}, "[1,2,3|...]"},
		{`[1,2,3,4,5]`, PrintOptions{Depth: 5}, "[1,2,3,4|...]"},
		{`[1,2,3,4,5]`, PrintOptions{Depth: 6}, "[1,2,3,4,5]"},
		{`{a,b,c,d}`, PrintOptions{Depth: 1}, "{...}"},
		{`{a,b,c,d}`, PrintOptions{Depth: 2}, "{a,...}"},
		{`{a,b,c,d}`, PrintOptions{Depth: 3}, "{a,b,...}"},
		{`{a,b,c,d}`, PrintOptions{Depth: 4}, "{a,b,c,...}"},
		{`{a,b,c,d}`, PrintOptions{Depth: 5}, "{a,b,c,d}"},
		{`#{a => 1,b => {x,y},c => 3}`, PrintOptions{Depth: 1}, "#{...}"},
		{`#{a => 1,b => {x,y},c => 3}`, PrintOptions{Depth: 2}, "#{a => 1,...}"},
		{`#{a => 1,b => {x,y},c => 3}`, PrintOptions{Depth: 3}, "#{a => 1,b => {x,...},...}"},
		{`#{a => 1,b => {x,y},c => 3}`, PrintOptions{Depth: 4}, "#{a => 1,b => {x,y},c => 3}"},
		{`<<1,2,3,4,5>>`, PrintOptions{Depth: 1}, "<<...>>"},
		{`<<1,2,3,4,5>>`, PrintOptions{Depth: 2}, "<<1,...>>"},
		{`<<1,2,3,4,5>>`, PrintOptions{Depth: 3}, "<<1,2,...>>"},
		{`<<1,2,3,4,5>>`, PrintOptions{Depth: 4}, "<<1,2,3,...>>"},
		{`<<"hello world">>`, PrintOptions{Depth: 1}, "<<...>>"},
		{`<<"hello world">>`, PrintOptions{Depth: 2}, "<<\"hell\"...>>"},
		{`<<"hello world">>`, PrintOptions{Depth: 3}, "<<\"hello wo\"...>>"},
		{`<<"hello world">>`, PrintOptions{Depth: 4}, "<<\"hello world\">>"},
		{`"hello"`, PrintOptions{Depth: 1}, "[...]"},
		{`"hello"`, PrintOptions{Depth: 2}, "\"hello\""},
		{`"hello"`, PrintOptions{Depth: 3}, "\"hello\""},
		{`[a|b]`, PrintOptions{Depth: 1}, "[...]"},
		{`[a|b]`, PrintOptions{Depth: 2}, "[a|...]"},
		{`[a|b]`, PrintOptions{Depth: 3}, "[a|b]"},
		{`[[[[a]]]]`, PrintOptions{Depth: 2}, "[[...]]"},
		{`[[[[a]]]]`, PrintOptions{Depth: 3}, "[[[...]]]"},
		{`[[[[a]]]]`, PrintOptions{Depth: 4}, "[[[[...]]]]"},
		{`<<1:3>>`, PrintOptions{Depth: 2}, "<<1:3>>"},
		{`<<7,1:3>>`, PrintOptions{Depth: 2}, "<<7,...>>"},
		{`[{key_1,"value 1",[1,2,3]},{key_2,"value 2",[1,2,3]},{key_3,"value 3",[1,2,3]},{key_4,"value 4",[1,2,3]},{key_5,"value 5",[1,2,3]},{key_6,"value 6",[1,2,3]},{key_7,"value 7",[1,2,3]},{key_8,"value 8",[1,2,3]},{key_9,"value 9",[1,2,3]},{key_10,"value 10",[1,2,3]},{key_11,"value 11",[1,2,3]}]`, PrintOptions{Depth: 3}, "[{key_1,...},{...}|...]"},
		{`[{key_1,"value 1",[1,2,3]},{key_2,"value 2",[1,2,3]},{key_3,"value 3",[1,2,3]},{key_4,"value 4",[1,2,3]},{key_5,"value 5",[1,2,3]},{key_6,"value 6",[1,2,3]},{key_7,"value 7",[1,2,3]},{key_8,"value 8",[1,2,3]},{key_9,"value 9",[1,2,3]},{key_10,"value 10",[1,2,3]},{key_11,"value 11",[1,2,3]}]`, PrintOptions{Depth: 9, Unicode: true}, "[{key_1,\"value 1\",[1,2,3]},\n {key_2,\"value 2\",[1,2,3]},\n {key_3,\"value 3\",[1,2|...]},\n {key_4,\"value 4\",[1|...]},\n {key_5,\"value 5\",[...]},\n {key_6,[...],...},\n {key_7,...},\n {...}|...]"},
	})
}

// TestPrettyCharsLimit: CharsLimit picks the depth that keeps the output about that long, and cuts
// strings and binaries short.
// The expected outputs are io_lib_pretty:print/2 of OTP 25.
func TestPrettyCharsLimit(t *testing.T) {
	runPrettyCases(t, []prettyCase{
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100]`, PrintOptions{CharsLimit: 5}, "[...]"},
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100]`, PrintOptions{CharsLimit: 10}, "[1,2,3|...]"},
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100]`, PrintOptions{CharsLimit: 30}, "[1,2,3,4,5,6,7,8,9,10,11,12|...]"},
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100]`, PrintOptions{CharsLimit: 50}, "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18|...]"},
		{`"a long string that will be cut short by the limit"`, PrintOptions{CharsLimit: 8}, "\"a long\"..."},
		{`"a long string that will be cut short by the limit"`, PrintOptions{CharsLimit: 20}, "\"a long string that\"..."},
		{`"a long string that will be cut short by the limit"`, PrintOptions{CharsLimit: 40}, "\"a long string that will be cut short b\"..."},
		{`"a long string that will be cut short by the limit"`, PrintOptions{CharsLimit: 8, Unicode: true}, "\"a long\"..."},
		{`"a long string that will be cut short by the limit"`, PrintOptions{CharsLimit: 20, Unicode: true}, "\"a long string that\"..."},
		{`"a long string that will be cut short by the limit"`, PrintOptions{CharsLimit: 40, Unicode: true}, "\"a long string that will be cut short b\"..."},
		{`#{alpha => 1,beta => [1,2,3],gamma => {x,y,z},delta => "text"}`, PrintOptions{CharsLimit: 10}, "#{alpha => 1,...}"},
		{`#{alpha => 1,beta => [1,2,3],gamma => {x,y,z},delta => "text"}`, PrintOptions{CharsLimit: 25}, "#{alpha => 1,beta => \"\"...,...}"},
		{`#{alpha => 1,beta => [1,2,3],gamma => {x,y,z},delta => "text"}`, PrintOptions{CharsLimit: 60}, "#{alpha => 1,beta => [1,2,3],delta => \"text\",gamma => {x,y,...}}"},
		{`<<"a printable binary of some length">>`, PrintOptions{CharsLimit: 10}, "<<\"a pr\"...>>"},
		{`<<"a printable binary of some length">>`, PrintOptions{CharsLimit: 20}, "<<\"a printable \"...>>"},
		{`<<"a printable binary of some length">>`, PrintOptions{CharsLimit: 40}, "<<\"a printable binary of some length\">>"},
		{`<<200,201,202,203,204,205,206,207,208,209,210,211,212,213,214,215,216,217,218,219,220,221,222,223,224,225,226,227,228,229,230,231,232,233,234,235,236,237,238,239>>`, PrintOptions{CharsLimit: 10}, "<<\"ÈÉÊË\"...>>"},
		{`<<200,201,202,203,204,205,206,207,208,209,210,211,212,213,214,215,216,217,218,219,220,221,222,223,224,225,226,227,228,229,230,231,232,233,234,235,236,237,238,239>>`, PrintOptions{CharsLimit: 30}, "<<\"ÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß\"...>>"},
		{`{state,[{a,1},{b,2},{c,3}],#{k => v,l => w},"string",<<"bin">>,{nested,{deep,{deeper,[x,y,z]}}}}`, PrintOptions{CharsLimit: 20}, "{state,[{...}|...],...}"},
		{`{state,[{a,1},{b,2},{c,3}],#{k => v,l => w},"string",<<"bin">>,{nested,{deep,{deeper,[x,y,z]}}}}`, PrintOptions{CharsLimit: 60}, "{state,[{a,1},{b,...},{...}],#{k => v,l => w},\"string\",<<...>>,...}"},
		{`{state,[{a,1},{b,2},{c,3}],#{k => v,l => w},"string",<<"bin">>,{nested,{deep,{deeper,[x,y,z]}}}}`, PrintOptions{CharsLimit: 150}, "{state,[{a,1},{b,2},{c,3}],\n       #{k => v,l => w},\n       \"string\",<<\"bin\">>,\n       {nested,{deep,{deeper,[x,y,z]}}}}"},
		{`["line 1 of many","line 2 of many","line 3 of many","line 4 of many","line 5 of many","line 6 of many","line 7 of many","line 8 of many","line 9 of many","line 10 of many","line 11 of many","line 12 of many","line 13 of many","line 14 of many","line 15 of many","line 16 of many","line 17 of many","line 18 of many","line 19 of many","line 20 of many","line 21 of many","line 22 of many","line 23 of many","line 24 of many","line 25 of many","line 26 of many","line 27 of many","line 28 of many","line 29 of many"]`, PrintOptions{CharsLimit: 200}, "[\"line 1 of many\",\"line 2 of many\",\"line 3 of many\",\"line 4 of many\",\n \"line 5 of many\",\"line 6 of many\",\"line 7 of many\",\"line 8 of many\",\n \"line 9 of many\",\"line 10 of many\",\"line 11 of many\",\n [...]|...]"},
		{`"abc\r\ndef\r\nghi"`, PrintOptions{CharsLimit: 8, Unicode: true}, "\"abc\\r\\nde\"..."},
		{`[97,98,99|d]`, PrintOptions{CharsLimit: 6}, "[97|...]"},
	})
}

// TestPrettyLayout: Column, LineLength and LineMaxChars decide where lines break and how far
// continuation lines are indented.
// The expected outputs are io_lib_pretty:print/2 of OTP 25.
func TestPrettyLayout(t *testing.T) {
	runPrettyCases(t, []prettyCase{
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]`, PrintOptions{}, "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n 29,30]"},
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]`, PrintOptions{Column: 20}, "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,\n                    23,24,25,26,27,28,29,30]"},
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]`, PrintOptions{Column: 60}, "[1,2,3,4,5,6,7,8,9,\n                                                            10,11,12,13,14,15,\n                                                            16,17,18,19,20,21,\n                                                            22,23,24,25,26,27,\n                                                            28,29,30]"},
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]`, PrintOptions{LineLength: 20}, "[1,2,3,4,5,6,7,8,\n 9,10,11,12,13,14,\n 15,16,17,18,19,\n 20,21,22,23,24,\n 25,26,27,28,29,\n 30]"},
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]`, PrintOptions{LineLength: 40}, "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,\n 16,17,18,19,20,21,22,23,24,25,26,27,\n 28,29,30]"},
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]`, PrintOptions{LineLength: 100}, "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]"},
		{`{a_long_tag_name_for_a_tuple,[1,2,3],{another_long_tag,"and a string",[x,y,z]},end_of_it}`, PrintOptions{Column: 50}, "{a_long_tag_name_for_a_tuple,\n                                                  [1,2,3],\n                                                  {another_long_tag,\n                                                   \"and a string\",\n                                                   [x,y,z]},\n                                                  end_of_it}"},
		{`{a_long_tag_name_for_a_tuple,[1,2,3],{another_long_tag,"and a string",[x,y,z]},end_of_it}`, PrintOptions{LineLength: 30}, "{a_long_tag_name_for_a_tuple,\n    [1,2,3],\n    {another_long_tag,\n        \"and a string\",\n        [x,y,z]},\n    end_of_it}"},
		{`{a,{b,{c,{d,{e,{f,{g,{h,{i,{j,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]}}}}}}}}}}`, PrintOptions{LineLength: 40}, "{a,\n {b,\n  {c,\n   {d,\n    {e,\n     {f,\n      {g,\n       {h,\n        {i,\n         {j,\n          [1,2,3,4,5,6,7,8,9,10,11,12,\n           13,14,15,16,17,18,19,\n           20]}}}}}}}}}}"},
		{`#{{a,long,key} => [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20],b => c}`, PrintOptions{LineLength: 40}, "#{b => c,\n  {a,long,key} =>\n      [1,2,3,4,5,6,7,8,9,10,11,12,13,\n       14,15,16,17,18,19,20]}"},
		{`#{{a,long,key} => [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20],b => c}`, PrintOptions{Column: 30, LineLength: 40}, "#{b => c,\n                               {a,\n                                long,\n                                key} =>\n                                [1,2,\n                                 3,4,\n                                 5,6,\n                                 7,8,\n                                 9,10,\n                                 11,\n                                 12,\n                                 13,\n                                 14,\n                                 15,\n                                 16,\n                                 17,\n                                 18,\n                                 19,\n                                 20]}"},
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]`, PrintOptions{LineMaxChars: 20}, "[1,2,3,4,5,6,7,8,9,\n 10,11,12,13,14,15,\n 16,17,18,19,20,21,\n 22,23,24,25,26,27,\n 28,29,30]"},
		{`{tag,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]}`, PrintOptions{LineMaxChars: 30}, "{tag,[1,2,3,4,5,6,7,8,9,10,11,\n      12,13,14,15,16,17,18,19,20,21,\n      22,23,24,25,26,27,28,29,30]}"},
		{`<<100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,120,121,122,123,124,125,126,127,128,129,130,131,132,133,134,135,136,137,138,139,140,141,142,143,144,145,146,147,148,149,150,151,152,153,154,155,156,157,158,159>>`, PrintOptions{LineLength: 40}, "<<100,101,102,103,104,105,106,107,108,\n  109,110,111,112,113,114,115,116,117,\n  118,119,120,121,122,123,124,125,126,\n  127,128,129,130,131,132,133,134,135,\n  136,137,138,139,140,141,142,143,144,\n  145,146,147,148,149,150,151,152,153,\n  154,155,156,157,158,159>>"},
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29|tail]`, PrintOptions{LineLength: 30}, "[1,2,3,4,5,6,7,8,9,10,11,12,\n 13,14,15,16,17,18,19,20,21,\n 22,23,24,25,26,27,28,29|\n tail]"},
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40]`, PrintOptions{LineLength: -1}, "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40]"},
	})
}

// TestPrettyStrings: NoStrings (~lp) prints character lists and binaries as numbers; Unicode
// (~tp) prints atoms unescaped and UTF-8 binaries as <<"..."/utf8>>.
// The expected outputs are io_lib_pretty:print/2 of OTP 25.
func TestPrettyStrings(t *testing.T) {
	runPrettyCases(t, []prettyCase{
		{`["abc",<<"def">>,[104,105]]`, PrintOptions{NoStrings: true}, "[[97,98,99],<<100,101,102>>,[104,105]]"},
		{`{"a long string that goes on",<<"a long binary that goes on">>,"x"}`, PrintOptions{LineLength: 30, NoStrings: true}, "{[97,32,108,111,110,103,32,\n  115,116,114,105,110,103,\n  32,116,104,97,116,32,103,\n  111,101,115,32,111,110],\n <<97,32,108,111,110,103,32,\n   98,105,110,97,114,121,32,\n   116,104,97,116,32,103,111,\n   101,115,32,111,110>>,\n [120]}"},
		{`[<<"é"/utf8>>,"é",'é','α']`, PrintOptions{}, "[<<\"Ã©\">>,\"é\",é,'\\x{3B1}']"},
		{`[<<"é"/utf8>>,"é",'é','α']`, PrintOptions{Unicode: true}, "[<<\"é\"/utf8>>,\"é\",é,'α']"},
	})
}

// The plain Go values that stand for terms print as the terms do.
func TestPrettyGoValues(t *testing.T) {
	long := strings.Repeat("a string long enough to break lines ", 2)
	cases := []struct {
		name      string
		goValue   Term
		canonical Term
	}{
		{"string", "abc", List{97, 98, 99}},
		{"empty string", "", List{}},
		{"unicode string", "αβ", List{945, 946}},
		{"bytes", []byte("abc"), Binary("abc")},
		{"bool", true, Atom("true")},
		{"int64", int64(-5), -5},
		{"uint8", uint8(7), 7},
		{"small big.Int", big.NewInt(42), 42},
		{"float32", float32(0.5), 0.5},
		{"Termer", testTermer{1, "x"}, Tuple{Atom("point"), 1, List{120}}},
		{"nested", Tuple{Atom("ok"), []byte("bin"), "text", false},
			Tuple{Atom("ok"), Binary("bin"), List{116, 101, 120, 116}, Atom("false")}},
		{"string tail", Cons("cd", 97, 98), List{97, 98, 99, 100}},
		{"long strings", List{long, long, []byte(long)},
			List{stringList(long), stringList(long), Binary(long)}},
		{"char list of int64", List{int64(104), int64(105)}, List{104, 105}},
		{"map", MapOf("k", []byte("v"), true, uint16(1)),
			MapOf(List{107}, Binary("v"), Atom("true"), 1)},
	}
	for _, c := range cases {
		for _, o := range []PrintOptions{{}, shellOptions, {Depth: 3}, {CharsLimit: 20}, {LineLength: 20}} {
			assert.Equal(t, Pretty(c.canonical, o), Pretty(c.goValue, o), "%s with %+v", c.name, o)
		}
	}
}

type testTermer struct {
	x    int
	name string
}

func (p testTermer) Term() Term { return Tuple{Atom("point"), p.x, p.name} }

func stringList(s string) List {
	var l List
	for _, r := range s {
		l = append(l, int(r))
	}
	return l
}

// Values that are not terms print without panicking, as Write prints them.
func TestPrettyNotTerms(t *testing.T) {
	values := []Term{
		nil,
		struct{ A int }{1},
		Tuple{nil, make(chan int)},
		List{struct{}{}},
		(*LocalFun)(nil),
		Tuple{(*LocalFun)(nil)},
		BitString{},
		BitString{Bytes: []byte{1}, Bits: 9},
		BitString{Bytes: []byte{0xff}, Bits: 0},
		ImproperList{},
		ImproperList{Tail: Atom("x")},
		math.NaN(),
		List{math.Inf(1), 1},
		List{97, 98, -1, 1 << 40, big.NewInt(0).Lsh(big.NewInt(1), 100)},
	}
	opts := []PrintOptions{{}, shellOptions, {Depth: 2}, {CharsLimit: 5}, {Unicode: true, CharsLimit: 8},
		{LineLength: 1}, {LineLength: -1}, {Column: -3}, {Column: 200}}
	for _, v := range values {
		for _, o := range opts {
			assert.NotPanics(t, func() { Pretty(v, o) }, "%#v with %+v", v, o)
		}
	}
	assert.Equal(t, "#Go<struct { A int }:{1}>", Print(struct{ A int }{1}))
	assert.Equal(t, "{#Go<<nil>:<nil>>}", Print(Tuple{nil}))
	assert.Equal(t, "#Go<*term.LocalFun:<nil>>", Print((*LocalFun)(nil)))
}

// An improper list, a deep term and a term mixing every kind print alike
// through Print, Pretty and AppendPretty.
func TestAppendPretty(t *testing.T) {
	v := caseTerm(t, `{a,[1,2|c],#{k => <<"v">>},list_to_pid("<0.80.0>"),1.5}`)
	require.Equal(t, `{a,[1,2|c],#{k => <<"v">>},<0.80.0>,1.5}`, Print(v))
	out := AppendPretty([]byte("x = "), v, PrintOptions{Column: 5})
	require.Equal(t, "x = "+Pretty(v, PrintOptions{Column: 5}), string(out))
	// Atoms and numbers are never cut or broken.
	assert.Equal(t, "'hello world'", Pretty(Atom("hello world"), PrintOptions{LineLength: 3, Depth: 1}))
	assert.Equal(t, "'\\x{3B1}'", Print(Atom("α")))
	assert.Equal(t, "'α'", Pretty(Atom("α"), PrintOptions{Unicode: true}))
	assert.Equal(t, "123456789012345678901234567890", Pretty(caseTerm(t, "123456789012345678901234567890"), PrintOptions{LineLength: 10}))
}

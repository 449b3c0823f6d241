package term

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// A configuration-like term, as a sys.config or .app file holds.
const benchText = `{application, bsc,
  [{description, "Base Station Controller"}, {vsn, "1.0"},
   {modules, [bsc, bsc_sup, frequency, freq_overload, logger, simple_phone_sup, phone_fsm]},
   {registered, [bsc_sup, frequency, freq_overload]},
   {applications, [kernel, stdlib, sasl]},
   {env, [{freq, [10, 11, 12, 13, 14, 15]}, {timeout, 5000}, {ratio, 0.75}, {key, <<"secret">>}]},
   {mod, {bsc, []}}]}.`

// The same data as JSON, for the plain-Go baseline.
const benchJSON = `{"application": "bsc",
  "description": "Base Station Controller", "vsn": "1.0",
  "modules": ["bsc", "bsc_sup", "frequency", "freq_overload", "logger", "simple_phone_sup", "phone_fsm"],
  "registered": ["bsc_sup", "frequency", "freq_overload"],
  "applications": ["kernel", "stdlib", "sasl"],
  "env": {"freq": [10, 11, 12, 13, 14, 15], "timeout": 5000, "ratio": 0.75, "key": "secret"},
  "mod": ["bsc", []]}`

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		if _, err := Parse(benchText); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineJSONUnmarshal reads the same data with encoding/json.
func BenchmarkBaselineJSONUnmarshal(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchJSON)))
	for b.Loop() {
		var v any
		if err := json.Unmarshal([]byte(benchJSON), &v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompare sorts 1,000 mixed terms per op: numbers, atoms, tuples
// and strings, as ordered_set tables and lists:sort compare them.
func BenchmarkCompare(b *testing.B) {
	base := make([]Term, 1000)
	for i := range base {
		switch i % 4 {
		case 0:
			base[i] = (i * 7919) % 1000
		case 1:
			base[i] = Atom("atom_" + string(rune('a'+i%26)))
		case 2:
			base[i] = Tuple{Atom("key"), (i * 31) % 97}
		default:
			base[i] = strings.Repeat("s", i%9)
		}
	}
	ts := make([]Term, len(base))
	b.ReportAllocs()
	for b.Loop() {
		copy(ts, base)
		slices.SortFunc(ts, Compare)
	}
}

// BenchmarkBaselineCompareStrings sorts 1,000 Go strings of the same
// spread with strings.Compare.
func BenchmarkBaselineCompareStrings(b *testing.B) {
	base := make([]string, 1000)
	for i := range base {
		base[i] = strings.Repeat("s", i%9) + string(rune('a'+(i*7919)%26))
	}
	ss := make([]string, len(base))
	b.ReportAllocs()
	for b.Loop() {
		copy(ss, base)
		slices.SortFunc(ss, strings.Compare)
	}
}

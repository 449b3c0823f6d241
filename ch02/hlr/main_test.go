// Book: chapter 2, "ETS: Erlang Term Storage" (ch2/hlr.erl).

package hlr_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

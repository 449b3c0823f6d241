// Book: chapter 2, "ETS: Erlang Term Storage" (exercise: ch2/hlr.erl that cleans up).

package hlrcleanup_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

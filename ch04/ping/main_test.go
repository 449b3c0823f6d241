// Book: chapter 4, "Generic Servers" (ch4/ping.erl).

package ping_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// Book: chapter 4, "Generic Servers" (ch4/from.erl).

package from_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

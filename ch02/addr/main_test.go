// Book: chapter 2, "Records" (ch2/addr.erl).

package addr_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// Book: chapter 4, "Generic Servers", "Going Global".

package global_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

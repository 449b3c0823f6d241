// Book: chapter 3, "Behaviours" (chapter 3).

package pattern_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

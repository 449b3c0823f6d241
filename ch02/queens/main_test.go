// Book: chapter 2, "List Comprehensions: generate and test" (ch2/queens.erl).

package queens_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

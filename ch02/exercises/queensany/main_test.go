// Book: chapter 2, "List Comprehensions: generate and test" (exercise: ch2/queens.erl on any board).

package queensany_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

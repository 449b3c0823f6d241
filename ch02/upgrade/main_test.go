// Book: chapter 2, "Upgrading Modules" (a shell session).

package upgrade_test

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// Book: chapter 5, "Controlling OTP Behaviours" (Memory Usage).

package memory_test

import (
	"runtime"
	"testing"
	"testing/synctest"
	"time"

	"github.com/scalability-go/otpbook/ch05/memory"
	"github.com/scalability-go/otpbook/internal/erltest"
	"github.com/scalability-go/otpbook/otp/genserver"
	"github.com/scalability-go/otpbook/otp/sys"
	"github.com/scalability-go/otpbook/otp/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const mib = 1 << 20

// retained is how much more heap is in use while the pieces of a 32 MiB
// buffer are kept than before the buffer was made.
func retained(copied bool) uint64 {
	before := memory.HeapInUse()
	buf := make([]byte, 32*mib)
	pieces := memory.Keep(buf, 16, 64, copied)
	buf = nil
	after := memory.HeapInUse()
	runtime.KeepAlive(pieces)
	if after < before {
		return 0
	}
	return after - before
}

// Small sub-slices keep their whole backing array alive; copies do not.
func TestKeepRetainsTheBuffer(t *testing.T) {
	assert.Greater(t, retained(false), uint64(30*mib), "sub-slices keep the 32 MiB alive")
	assert.Less(t, retained(true), uint64(1*mib), "copies let it go")
}

func TestKeepPieces(t *testing.T) {
	buf := make([]byte, 100)
	for i := range buf {
		buf[i] = byte(i)
	}
	for _, copied := range []bool{false, true} {
		p := memory.Keep(buf, 4, 3, copied)
		require.Len(t, p, 4)
		assert.Equal(t, []byte{25, 26, 27}, p[1])
		if !copied {
			assert.Equal(t, 3, cap(p[1]), "a piece cannot grow into the buffer")
		}
		p[1][0] = 99
		assert.Equal(t, !copied, buf[25] == 99)
		buf[25] = 25
	}
}

// Sized up front, the list is one allocation; grown by append, many.
func TestPreallocate(t *testing.T) {
	assert.Equal(t, 1.0, testing.AllocsPerRun(10, func() { memory.Preallocate(10000, true) }))
	assert.Greater(t, testing.AllocsPerRun(10, func() { memory.Preallocate(10000, false) }), 10.0)
	assert.Equal(t, memory.Preallocate(100, true), memory.Preallocate(100, false))
}

// The cache holds its buffers while busy and drops them when idle, then
// hibernates; it wakes for the next call. Time is the subject: synctest
// runs the clock.
func TestCacheDropsWhenIdle(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := erltest.New(t)
		pid, err := genserver.Start(e.Self, nil, genserver.Adapt[memory.CacheState](memory.Cache{Idle: 100 * time.Millisecond}), nil)
		require.NoError(t, err)
		before := memory.HeapInUse()
		for i := range 4 {
			r, err := genserver.Call(e.Self, pid, memory.Put{Key: i, Size: 4 * mib})
			require.NoError(t, err)
			require.Equal(t, term.OK, r)
		}
		r, err := genserver.Call(e.Self, pid, memory.Size{})
		require.NoError(t, err)
		assert.Equal(t, 16*mib, r)
		assert.Greater(t, memory.HeapInUse(), before+15*mib, "the cache holds 16 MiB")

		time.Sleep(200 * time.Millisecond) // idle: the cache empties itself
		synctest.Wait()
		assert.Less(t, memory.HeapInUse(), before+1*mib, "the collector took the buffers")
		s, err := sys.GetState(e.Self, pid)
		require.NoError(t, err)
		assert.Equal(t, 1, s.(memory.CacheState).Dropped)

		r, err = genserver.Call(e.Self, pid, memory.Size{})
		require.NoError(t, err, "the hibernating server wakes for a call")
		assert.Equal(t, 0, r)
		require.NoError(t, genserver.StopServer(e.Self, pid))
	})
}

//go:build exercise

// Book: chapter 4, "Generic Servers", "Call Timeouts" (exercise: overload and deadlines).

package overload

import "time"

// handleAllocate answers the request r at time now, once the server has
// done its work on it: the new state and the reply (a frequency, or an
// error). A caller whose deadline has passed is no longer waiting.
func handleAllocate(s State, r AllocateRequest, now time.Time) (State, any) {
	// This leaks: it hands out frequencies nobody will receive.
	return allocate(s, r.Pid)
}

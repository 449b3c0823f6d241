//go:build !exercise

// Book: chapter 4, "Generic Servers", "Call Timeouts" (exercise: overload and deadlines).

package overload

import "time"

// handleAllocate answers the request r at time now, once the server has
// done its work on it: the new state and the reply (a frequency, or an
// error). A caller whose deadline has passed is no longer waiting.
//
// The reply leaves now: if now is not before the deadline, the caller has
// given up (or gives up at this very instant), and a frequency given to it
// would never come back. The server refuses the request instead,
// answering ErrExpired to nobody.
func handleAllocate(s State, r AllocateRequest, now time.Time) (State, any) {
	if !now.Before(r.Deadline) {
		return s, ErrExpired
	}
	return allocate(s, r.Pid)
}

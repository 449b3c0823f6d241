// Book: chapter 2, "Processes and Message Passing" (exercise: the ring benchmark).

// Package ring is an exercise: n processes in a ring pass a message round
// m times, and the time it takes is measured. See README.md.
package ring

import (
	"errors"
	"time"
)

// ErrBadArgs is the error of Run for a ring of no process or a negative
// number of rounds.
var ErrBadArgs = errors.New("ring: want at least one process and no negative number of rounds")

// Result is what Run measured.
type Result struct {
	Processes int           // the ring's processes, n
	Rounds    int           // the times the message went round, m
	Passes    int           // the passes from one ring process to the next, n*m
	Setup     time.Duration // the time to start the ring
	Passing   time.Duration // the time the message took to go round m times
}

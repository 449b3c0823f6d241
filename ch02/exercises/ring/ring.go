//go:build exercise

// Book: chapter 2, "Processes and Message Passing" (exercise: the ring benchmark).

package ring

import "github.com/scalability-go/otpbook/otp"

// Run starts n processes in a ring from p, passes a message round it m
// times, stops it, waits for its processes to end, and returns what it
// measured. n < 1 or m < 0 is ErrBadArgs. p's other messages stay queued.
func Run(p *otp.Process, n, m int) (Result, error) {
	// Your code here.
	return Result{}, nil
}

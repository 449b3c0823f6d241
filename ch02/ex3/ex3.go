// Book: chapter 2, "Functional Influence" (ch2/ex3.erl).

// Package ex3 is the book's higher-order function: a filter written by
// hand, which takes the predicate it applies as an argument, and the
// predicate IsEven to pass it, by name or as a closure.
//
// Filter and IsEven are the Go functions; Module is the Erlang module
// ex3, whose filter/2 takes any fun.
package ex3

// Filter returns the elements of xs for which pred returns true, in
// order. pred is called once per element, first to last. xs is not
// changed.
//
// It recurses as the Erlang function does, on the first element and the
// rest, until the list is empty; the kept elements are carried along (the
// Erlang one builds its result on the way back). A Go program would write
// a for loop: Go does not eliminate tail calls, so each element costs a
// stack frame.
//
// The Erlang filter keeps an element only when the predicate returns
// exactly true, and drops it for any other value, false or not. Go's
// types leave no other value: pred returns a bool.
func Filter[T any](pred func(T) bool, xs []T) []T {
	return filter(pred, xs, nil)
}

func filter[T any](pred func(T) bool, xs, kept []T) []T {
	if len(xs) == 0 {
		return kept
	}
	if pred(xs[0]) {
		kept = append(kept, xs[0])
	}
	return filter(pred, xs[1:], kept)
}

// IsEven reports whether x is even: whether x rem 2 is 0, which holds for
// negative x too (-4 rem 2 is 0).
func IsEven(x int) bool {
	return x%2 == 0
}

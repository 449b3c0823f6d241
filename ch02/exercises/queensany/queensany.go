//go:build exercise

// Book: chapter 2, "List Comprehensions: generate and test" (exercise: ch2/queens.erl on any board).

package queensany

// Queens returns every safe placement of n queens on a board of columns
// columns, one queen a row, in the order of the book's queens/1: newest
// row first, each placement of n-1 queens in turn extended by each free
// column, ascending, where the new queen is safe.
func Queens(n, columns int) [][]int {
	// Your code here.
	return nil
}

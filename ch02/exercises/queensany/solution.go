//go:build !exercise

// Book: chapter 2, "List Comprehensions: generate and test" (exercise: ch2/queens.erl on any board).

package queensany

import "slices"

// Queens returns every safe placement of n queens on a board of columns
// columns, one queen a row, in the order of the book's queens/1: newest
// row first, each placement of n-1 queens in turn extended by each free
// column, ascending, where the new queen is safe.
//
// The only change from the book's function is the column list, which
// runs to columns instead of 8.
func Queens(n, columns int) [][]int {
	if n < 0 {
		return nil
	}
	placements := [][]int{{}}
	for range n {
		var next [][]int
		for _, cols := range placements {
			for row := 1; row <= columns; row++ {
				if !slices.Contains(cols, row) && safe(row, cols) {
					next = append(next, append([]int{row}, cols...))
				}
			}
		}
		if placements = next; len(placements) == 0 {
			break
		}
	}
	return placements
}

// safe reports whether a queen in column row is on no diagonal of the
// queens of cols, the one d rows back being in column c: row is neither
// c+d nor c-d.
func safe(row int, cols []int) bool {
	for i, c := range cols {
		if d := i + 1; row == c+d || row == c-d {
			return false
		}
	}
	return true
}

// Book: chapter 2, "List Comprehensions: generate and test" (ch2/queens.erl).

// Package queens is the book's eight queens: every way to place N queens
// on the rows of a board of eight columns, one queen a row, so that no
// two share a column or a diagonal. It is "generate and test": each
// placement of N-1 queens is extended by every column still free, and the
// extensions that are safe are kept.
//
// Queens is the Go function; Module is the Erlang module queens, whose
// queens/1 returns the placements as lists of integers.
package queens

import "slices"

// Columns is the number of columns of the board, which the book's module
// fixes at eight (its column list is [1,2,3,4,5,6,7,8]). The exercise
// ch02/exercises/queensany lifts that limit.
const Columns = 8

// Queens returns every safe placement of n queens on n rows of the
// board, in the order of the Erlang module. A placement lists the queens'
// columns (1 to Columns), newest row first: its head is the column of the
// queen placed last.
//
// Queens(0) is one placement with no queen. Each placement of Queens(n)
// is one of Queens(n-1), in their order, with a queen put before it in
// each free column, ascending, where it is safe. So Queens(8) begins
// with [4 2 7 3 6 8 5 1] and ends with [5 7 2 6 3 1 4 8], and there are
// 1, 8, 42, 140, 344, 568, 550, 312, 92 and 0 placements for n = 0..9.
//
// The Erlang function recurses from n down to 0 and builds on the way
// back; this builds Queens(0), Queens(1), ... up to n, which gives the
// same lists in the same order, and stops early once there are none (as
// for any n above 8). A negative n has no placement here: the Erlang
// function recurses below 0 without end.
func Queens(n int) [][]int {
	if n < 0 {
		return nil
	}
	placements := [][]int{{}}
	for range n {
		if len(placements) == 0 {
			break
		}
		placements = extend(placements)
	}
	return placements
}

// extend places one more queen on each placement: in each free column,
// ascending, where it is safe.
func extend(placements [][]int) [][]int {
	var next [][]int
	for _, cols := range placements {
		for row := 1; row <= Columns; row++ {
			if !slices.Contains(cols, row) && safe(row, cols) {
				next = append(next, append([]int{row}, cols...))
			}
		}
	}
	return next
}

// safe reports whether a queen in column row is on no diagonal of the
// queens of cols: the queen d rows back, in column c, attacks columns c+d
// and c-d.
func safe(row int, cols []int) bool {
	for i, c := range cols {
		d := i + 1
		if row == c+d || row == c-d {
			return false
		}
	}
	return true
}

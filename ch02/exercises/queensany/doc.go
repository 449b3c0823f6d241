// Book: chapter 2, "List Comprehensions: generate and test" (exercise: ch2/queens.erl on any board).

// Package queensany is an exercise: the eight queens of package queens on
// a board of any number of columns. See README.md.
package queensany

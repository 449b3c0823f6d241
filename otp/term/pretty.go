package term

// PrintOptions controls how Pretty lays a term out, as the options of
// io_lib_pretty:print/2 do. The zero value prints as ~p does.
type PrintOptions struct {
	// Column is the column (1 = the first) where the term starts.
	// 0 means 1.
	Column int
	// LineLength is the width to fit lines to. 0 means 80.
	LineLength int
	// Depth limits nesting as ~P does; 0 means no limit.
	Depth int
	// LineMaxChars is io_lib_pretty's line_max_chars; 0 means no limit.
	LineMaxChars int
	// CharsLimit limits the output length, as the chars_limit option
	// does; 0 means no limit.
	CharsLimit int
	// Unicode selects ~tp: strings and binaries of any printable code
	// points print as text, and atoms are not escaped.
	Unicode bool
	// NoStrings selects ~lp: lists of character codes print as lists.
	NoStrings bool
}

// Print returns t as io_lib:format("~p", [T]) prints it, starting in the
// first column of an 80-column line.
func Print(t Term) string { return Pretty(t, PrintOptions{}) }

// Pretty returns t laid out as io_lib_pretty:print/2 lays it out.
func Pretty(t Term, o PrintOptions) string {
	// Placeholder until the layout engine lands: one line.
	return string(AppendWrite(nil, t, -1, o.Unicode))
}

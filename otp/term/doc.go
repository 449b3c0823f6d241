// Package term holds Erlang's values as Go values: the data that processes
// exchange, that the shell prints and that configuration files hold.
//
// It is the bottom layer of the runtime. It gives the types of Erlang
// terms, Erlang's term order and its two equalities, printing as the ~w
// and ~p directives print (with the shell's line breaking), io_lib:format,
// and reading Erlang term text as file:consult/1 reads it. Real
// Erlang/OTP 25 is the specification: the tests compare with what erl
// printed and read, recorded in testdata by gen.escript.
//
// # Terms and Go values
//
// A Term is a Go value of one of these types:
//
//	Erlang                     Go
//	atom                       Atom
//	integer                    int, or *big.Int outside int's range
//	float                      float64
//	tuple                      Tuple
//	proper list, []            List (nil or empty is [])
//	improper list [a|b]        ImproperList
//	string "abc"               string (a list of code points)
//	binary                     Binary
//	bitstring <<1:3>>          BitString
//	map                        Map
//	pid, reference, port       Pid, Ref, Port
//	fun M:F/A, local fun       ExportFun, LocalFun
//
// Every function that makes an integer makes an int when the value fits
// and a *big.Int only when it does not, so a value has one form. Some plain
// Go values are accepted wherever a term is: the other integer types,
// float32, bool (the atoms true and false), []byte (a binary), and any
// type with a Term method (Termer), such as a struct that is the Go form
// of a tagged tuple. Comparison and printing treat them as the terms they
// stand for: Exact("ab", List{97, 98}) is true, as "ab" =:= [97,98] is.
// Other Go values are not terms: Valid reports false for them, they sort
// after every term, and they print as #Go<type:value>.
//
// Terms are values: a term that has been sent or stored must not be
// modified. Map is immutable by construction.
//
// # Order and equality
//
// Compare is Erlang's term order, number < atom < reference < fun < port <
// pid < tuple < map < nil < list < bitstring, with numbers compared by
// value (exactly, even beyond 2^53) and the classes ordered within as OTP
// orders them. Equal is ==, under which 1 == 1.0; Exact is =:=. Map keys
// are distinct under =:= and kept in OTP's map key order, in which every
// integer sorts before every float.
//
// # Printing
//
// Write prints as ~w does and Print as ~p does; Pretty takes the options
// of io_lib_pretty (column, line length, depth, encoding, and the record
// definitions that print tuples as #name{field = Value}), which is how
// the shell prints a result. Format is io_lib:format, returning an error that
// wraps ErrBadarg where OTP raises badarg.
//
// # Reading
//
// Parse reads one term and ParseAll, Consult and ConsultFile read files of
// terms each ended by a full stop, as file:consult/1 does: every literal
// form, % comments, and errors with their line and column in OTP's words
// ("2:5: syntax error before: c", "bad term").
//
// # Where this package differs from OTP
//
//   - Maps with more than 32 keys print in key order; OTP 25 prints them
//     in the order of its internal hash, which is not specified.
//   - Sort is stable: terms that compare equal without being identical
//     (1 and 1.0) keep their input order, where lists:sort/1 promises none.
//   - A pid prints as <0.ID.Serial>: the first number, which erl gives as
//     the index of the pid's node in its connection table, belongs to the
//     node that prints it, not to the value.
//   - Parse reads terms, and says "bad term" for variables, operators on
//     non-numbers and calls as parse_term does; expressions with clauses
//     (case, receive, records, comprehensions) give a syntax error instead.
//   - The reader refuses integer literals longer than MaxIntegerDigits
//     digits, nesting deeper than MaxNesting, and binary literals larger
//     than 1 MiB, so that hostile text cannot make it work without bound.
package term

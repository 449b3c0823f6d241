// Package matchspec compiles and runs ETS match specifications and match
// patterns, as ets:select/2, ets:match/2 and ets:match_object/2 take them.
//
// A match specification is a list of clauses {Head, Guards, Body}. Head is
// a term in which the atoms '$0', '$1', ... are variables and '_' matches
// anything; a variable that occurs twice must match terms that are exactly
// equal (=:=), and literals match exactly too, so 1 does not match 1.0.
// Guards is a list of guard expressions that must all evaluate to true,
// and Body a non-empty list of expressions of which the last one's value is
// the clause's result. Expressions are variables bound in the head, '$_'
// (the whole object), '$$' (the values of the head's variables in variable
// order), constants, {const, Term}, lists and maps of expressions, tuples
// written {{E1, ..., En}}, and calls {Function, Arg1, ...} of the guard
// functions that OTP 25 allows in the table dialect.
//
// The semantics are those of ERTS's match program machine (erl_db_util.c)
// in OTP 25, recorded from a real erl in testdata:
//
//   - An error in a guard (element(5, {a}), a non-boolean operand of and)
//     makes the guard false, and the next clause is tried.
//   - An error in a body expression does not fail the clause: the failing
//     call evaluates to the atom 'EXIT', and evaluation goes on with that
//     value, so {{{float, a}}} gives {'EXIT'}.
//   - A variable in a guard or body that the head does not bind, a call of
//     an unknown function, a trace-only form (message, return_trace, ...),
//     an empty body and malformed clauses make the specification invalid:
//     Compile returns an *Error, which wraps term.ErrBadarg and carries
//     ERTS's own words for the problem.
//   - In a head, '$_' and '$$' are ordinary atoms, and so is '$01': a
//     variable is '$' followed by a decimal number without leading zeros,
//     read into a 32-bit signed number as ERTS reads it: one that wraps to
//     a negative number is no variable, and '$4294967297' is '$1'.
//
// Besides running clauses, a Spec tells which key its heads bind (Key, for
// select to look the key up instead of scanning) and whether its bodies
// keep the key of the object (KeepsKey, the check of ets:select_replace).
//
// # Where this package differs from OTP
//
//   - Compile accepts the empty specification [], as ets:select does;
//     ets:match_spec_compile([]) raises badarg.
//   - For a specification with several problems, ERTS lists them all;
//     the Error says the first of them.
//   - bsl whose result would exceed 2^24 bits is an error (OTP's limit is
//     far higher), and a specification nested deeper than 10000 levels is
//     invalid.
//   - Objects nested deeper than term.MaxDepth make comparisons panic with
//     term.SystemLimit, as everywhere in the runtime.
//
// A compiled Spec or Pattern is immutable and may be run from many
// goroutines at once. Running reuses pooled scratch space for the
// variables, so a clause whose head does not match allocates nothing.
package matchspec

package term

import "errors"

// Parse reads one term from Erlang term text.
func Parse(text string) (Term, error) { return nil, errors.New("term: Parse: not yet") }

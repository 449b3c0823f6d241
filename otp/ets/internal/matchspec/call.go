package matchspec

import (
	"strconv"

	"github.com/scalability-go/otpbook/otp/term"
)

// call compiles {Name, Args...}: a special form or a guard function.
func (c *exprCompiler) call(whole term.Tuple, name term.Atom, args []term.Term) (evalFn, *constant, error) {
	switch name {
	case "const":
		if len(args) != 1 {
			return nil, nil, errorf("Special form 'const' called with more than one argument in %s.", show(whole))
		}
		return constFn(args[0])
	case "self":
		if len(args) != 0 {
			return nil, nil, errorf("Special form 'self' called with arguments in %s.", show(whole))
		}
		return func(s *state) (term.Term, bool) { return s.self, true }, nil, nil
	case "and", "or", "andalso", "orelse":
		if len(args) == 0 {
			return nil, nil, errorf("Special form '%s' called without arguments in %s.", name, show(whole))
		}
		fns, _, err := c.exprs(args)
		if err != nil {
			return nil, nil, err
		}
		return c.catch(logical(name, fns)), nil, nil
	}
	if form, ok := traceForms[name]; ok {
		return nil, nil, errorf("Special form '%s' used in wrong dialect.", form)
	}
	key := string(name) + "/" + strconv.Itoa(len(args))
	if traceBifs[key] {
		return nil, nil, errorf("Function %s/%d cannot be called in this context.", show(name), len(args))
	}
	f, ok := bifs[key]
	if !ok {
		return nil, nil, errorf("Function %s/%d does_not_exist.", show(name), len(args))
	}
	fns, _, err := c.exprs(args)
	if err != nil {
		return nil, nil, err
	}
	var fn evalFn
	switch f := f.(type) {
	case bif0:
		fn = evalFn(f)
	case bif1:
		a := fns[0]
		fn = func(s *state) (term.Term, bool) {
			x, ok := a(s)
			if !ok {
				return nil, false
			}
			return f(x)
		}
	case bif2:
		a, b := fns[0], fns[1]
		fn = func(s *state) (term.Term, bool) {
			x, ok := a(s)
			if !ok {
				return nil, false
			}
			y, ok := b(s)
			if !ok {
				return nil, false
			}
			return f(x, y)
		}
	case bif3:
		a, b, d := fns[0], fns[1], fns[2]
		fn = func(s *state) (term.Term, bool) {
			x, ok := a(s)
			if !ok {
				return nil, false
			}
			y, ok := b(s)
			if !ok {
				return nil, false
			}
			z, ok := d(s)
			if !ok {
				return nil, false
			}
			return f(x, y, z)
		}
	}
	return c.catch(fn), nil, nil
}

// catch makes a failing call in a body evaluate to 'EXIT', as ERTS's match
// program does; in guards the failure propagates and fails the guard.
func (c *exprCompiler) catch(fn evalFn) evalFn {
	if !c.body {
		return fn
	}
	return func(s *state) (term.Term, bool) {
		if v, ok := fn(s); ok {
			return v, true
		}
		return exitT, true
	}
}

// logical compiles the variadic forms and, or (every operand evaluated,
// all must be booleans) and andalso, orelse (operands evaluated in turn
// until one decides; the last is returned as it is).
func logical(name term.Atom, fns []evalFn) evalFn {
	switch name {
	case "and", "or":
		isAnd := name == "and"
		return func(s *state) (term.Term, bool) {
			res := isAnd
			for _, f := range fns {
				v, ok := f(s)
				if !ok {
					return nil, false
				}
				b, ok := boolOf(v)
				if !ok {
					return nil, false
				}
				if isAnd {
					res = res && b
				} else {
					res = res || b
				}
			}
			return boolT(res), true
		}
	}
	isAndalso := name == "andalso"
	last := len(fns) - 1
	return func(s *state) (term.Term, bool) {
		for i, f := range fns {
			v, ok := f(s)
			if !ok {
				return nil, false
			}
			if i == last {
				return v, true
			}
			b, ok := boolOf(v)
			if !ok {
				return nil, false
			}
			if b != isAndalso {
				return boolT(b), true
			}
		}
		return nil, false
	}
}

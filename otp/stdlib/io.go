package stdlib

import (
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scalability-go/otpbook/otp"
	"github.com/scalability-go/otpbook/otp/code"
	"github.com/scalability-go/otpbook/otp/term"
)

// The module io: format/1,2,3, fwrite/1,2,3, put_chars/1,2, nl/0,1 and
// write/1,2. Output goes to the calling process's output; the devices are
// standard_io and user (that output) and standard_error.
func ioModule() *code.Module {
	e := exports{}
	for _, name := range []string{"format", "fwrite"} {
		e.def(name, 1, func(p *otp.Process, args []term.Term) term.Term {
			return ioFormat(p, name, args, nil, args[0], term.List{})
		})
		e.def(name, 2, func(p *otp.Process, args []term.Term) term.Term {
			return ioFormat(p, name, args, nil, args[0], args[1])
		})
		e.def(name, 3, func(p *otp.Process, args []term.Term) term.Term {
			w := device(p, name, args)
			return ioFormat(p, name, args, w, args[1], args[2])
		})
	}
	e.def("put_chars", 1, func(p *otp.Process, args []term.Term) term.Term {
		return putChars(p, args, p.Output(), 1)
	})
	e.def("put_chars", 2, func(p *otp.Process, args []term.Term) term.Term {
		return putChars(p, args, device(p, "put_chars", args), 2)
	})
	e.def("nl", 0, func(p *otp.Process, _ []term.Term) term.Term {
		io.WriteString(p.Output(), "\n")
		return term.OK
	})
	e.def("nl", 1, func(p *otp.Process, args []term.Term) term.Term {
		io.WriteString(device(p, "nl", args), "\n")
		return term.OK
	})
	e.def("write", 1, func(p *otp.Process, args []term.Term) term.Term {
		io.WriteString(p.Output(), term.Write(args[0]))
		return term.OK
	})
	e.def("write", 2, func(p *otp.Process, args []term.Term) term.Term {
		io.WriteString(device(p, "write", args), term.Write(args[1]))
		return term.OK
	})
	return module("io", e)
}

// device returns the writer of the io device that is the first argument.
func device(p *otp.Process, fn string, args []term.Term) io.Writer {
	switch d := norm(args[0]).(type) {
	case term.Atom:
		switch d {
		case "standard_io", "user":
			return p.Output()
		case "standard_error":
			return os.Stderr
		}
	case term.Pid:
		if d == p.Self() {
			RaiseBIF(term.Atom("calling_self"), "io", term.Atom(fn), args, Explanation{
				Args:   why{1: "the device is not allowed to be the current process"},
				Module: erlStdlibErrors, Cause: term.Tuple{term.Atom("io"), term.Atom("calling_self")},
			})
		}
	}
	RaiseBIF(badarg, "io", term.Atom(fn), args, Explanation{
		Args:   why{1: "the device does not exist"},
		Module: erlStdlibErrors, Cause: term.Tuple{term.Atom("io"), term.Atom("arguments")},
	})
	return nil
}

// ioFormat is io:format: it formats and writes, or raises badarg
// explained as OTP 25 explains it. w is nil for the caller's output.
func ioFormat(p *otp.Process, fn string, args []term.Term, w io.Writer, format, fargs term.Term) term.Term {
	out, err := term.FormatTerms(norm(format), norm(fargs))
	if err != nil {
		msgs, general := checkFormat(format, fargs)
		ex := Explanation{Args: why{}, General: general, Module: erlStdlibErrors,
			Cause: term.Tuple{term.Atom("device"), term.Atom("format")}}
		shift := len(args) - 2 // the device, for io:format/3
		if shift < 0 {
			shift = 0
		}
		for n, m := range msgs {
			ex.Args[n+shift] = m
		}
		RaiseBIF(badarg, "io", term.Atom(fn), args, ex)
	}
	if w == nil {
		w = p.Output()
	}
	io.WriteString(w, out)
	return term.OK
}

// checkFormat says what is wrong with the format and arguments of a call
// to io:format that failed, as OTP 25's erl_stdlib_errors does: messages
// for arguments 1 (the format) and 2 (the arguments), and a general one.
func checkFormat(format, fargs term.Term) (why, string) {
	fmtText, ok := formatText(format)
	_, isAtom := atomOf(format)
	if !ok {
		w := why{1: "not a valid format string"}
		if m := listMsg(fargs); m != "" {
			w[2] = m
		}
		return w, ""
	}
	if !isList(fargs) {
		return why{2: "not a list"}, ""
	}
	argv, ok := properList(fargs)
	if !ok {
		return why{}, ""
	}
	types, bad := formatArgTypes(fmtText)
	switch {
	case bad != "":
		return why{1: "format string invalid (" + bad + ")"}, ""
	case len(types) != len(argv):
		general := ""
		if isAtom {
			general = "possibly missing argument list"
		}
		return why{1: "wrong number of arguments"}, general
	}
	var errs []string
	for i, t := range types {
		a := argv[i]
		okType := true
		switch t {
		case "float":
			okType = isFloat(a)
		case "integer":
			okType = isInteger(a)
		case "string":
			switch norm(a).(type) {
			case term.Atom, term.Binary:
			default:
				okType = isList(a) && chardata(nil, a) != nil
			}
		}
		if !okType {
			errs = append(errs, "element "+strconv.Itoa(i+1)+" must be of type "+t)
		}
	}
	if len(errs) > 0 {
		return why{2: strings.Join(errs, "\n")}, ""
	}
	return why{1: "failed to format string"}, ""
}

// formatText returns a format as text: a flat list of integers, an atom
// or a binary.
func formatText(t term.Term) (string, bool) {
	switch v := norm(t).(type) {
	case string:
		return v, true
	case term.Atom:
		return string(v), true
	case term.Binary:
		rs := make([]rune, len(v))
		for i, c := range v {
			rs[i] = rune(c)
		}
		return string(rs), true
	}
	elems, ok := properList(t)
	if !ok {
		return "", false
	}
	rs := make([]rune, 0, len(elems))
	for _, e := range elems {
		c, ok := intOf(e)
		if !ok {
			return "", false
		}
		if !validChar(c) {
			c = utf8.RuneError
		}
		rs = append(rs, rune(c))
	}
	return string(rs), true
}

// formatArgTypes returns the types of the arguments a format takes
// (integer, float, string or term), or why it is not a format, as the
// compiler's check of format strings does.
func formatArgTypes(f string) (types []string, bad string) {
	rs := []rune(f)
	i := 0
	at := func(k int) rune {
		if i+k < len(rs) {
			return rs[i+k]
		}
		return -1
	}
	digit := func(r rune) bool { return r >= '0' && r <= '9' }
	skipDigits := func() {
		for digit(at(0)) {
			i++
		}
	}
	for {
		for i < len(rs) && rs[i] != '~' {
			i++
		}
		if i >= len(rs) {
			return types, ""
		}
		i++
		// The field width.
		switch {
		case at(0) == '-' && digit(at(1)):
			i++
			skipDigits()
		case digit(at(0)):
			skipDigits()
		case at(0) == '-' && at(1) == '*':
			i += 2
			types = append(types, "integer")
		case at(0) == '*':
			i++
			types = append(types, "integer")
		}
		// The precision.
		switch {
		case at(0) == '.' && digit(at(1)):
			i++
			skipDigits()
		case at(0) == '.' && at(1) == '*':
			i += 2
			types = append(types, "integer")
		case at(0) == '.':
			i++
		}
		// The pad character.
		switch {
		case at(0) == '.' && at(1) == '*':
			i += 2
			types = append(types, "integer")
		case at(0) == '.' && at(1) >= 0:
			i += 2
		}
		// The modifiers.
		if at(0) == 't' && at(1) == 'l' {
			rs[i], rs[i+1] = 'l', 't'
		}
		switch {
		case at(0) == 't' && at(1) >= 0:
			if !strings.ContainsRune("cspPwW", at(1)) {
				return nil, "invalid control ~t" + string(at(1))
			}
			i++
		case at(0) == 'l' && at(1) == 't' && at(2) >= 0:
			if at(2) != 'p' && at(2) != 'P' {
				return nil, "invalid control ~lt" + string(at(2))
			}
			i += 2
		case at(0) == 'l' && at(1) >= 0:
			if at(1) != 'p' && at(1) != 'P' {
				return nil, "invalid control ~l" + string(at(1))
			}
			i++
		}
		c := at(0)
		if c < 0 {
			return nil, "truncated"
		}
		i++
		switch c {
		case '~', 'n':
		case 'c', 'b', 'B':
			types = append(types, "integer")
		case 'f', 'e', 'g':
			types = append(types, "float")
		case 's':
			types = append(types, "string")
		case 'w', 'p', '+', '#', 'i':
			types = append(types, "term")
		case 'W', 'P':
			types = append(types, "term", "integer")
		case 'x', 'X':
			types = append(types, "integer", "string")
		default:
			return nil, "invalid control ~" + string(c)
		}
	}
}

// chardata appends the text of Unicode character data (a binary, or a
// possibly deep list of characters and binaries whose tail may be a
// binary) to dst as UTF-8, or returns nil when t is not character data.
func chardata(dst []byte, t term.Term) []byte {
	if dst == nil {
		dst = []byte{}
	}
	switch v := norm(t).(type) {
	case term.Binary:
		return append(dst, v...)
	case string:
		return append(dst, v...)
	}
	elems, tail, ok := listView(t)
	if !ok {
		return nil
	}
	for _, e := range elems {
		if c, ok := intOf(e); ok {
			if !validChar(c) {
				return nil
			}
			dst = utf8.AppendRune(dst, rune(c))
			continue
		}
		if !isList(e) {
			if _, ok := norm(e).(term.Binary); !ok {
				return nil
			}
		}
		if dst = chardata(dst, e); dst == nil {
			return nil
		}
	}
	if tail != nil {
		b, ok := norm(tail).(term.Binary)
		if !ok {
			return nil
		}
		dst = append(dst, b...)
	}
	return dst
}

// putChars is io:put_chars/1,2; the characters are argument n.
func putChars(p *otp.Process, args []term.Term, w io.Writer, n int) term.Term {
	b := chardata(nil, args[n-1])
	if b == nil {
		RaiseBIF(badarg, "io", "put_chars", args, Explanation{
			Args:   why{n: "not valid character data (an iodata term)"},
			Module: erlStdlibErrors, Cause: term.Tuple{term.Atom("device"), term.Atom("put_chars")},
		})
	}
	w.Write(b)
	return term.OK
}

// The module io_lib: format/2, fwrite/2, write/1 and print/1, each
// returning a flat string.
func ioLibModule() *code.Module {
	e := exports{}
	for _, name := range []string{"format", "fwrite"} {
		e.def(name, 2, func(_ *otp.Process, args []term.Term) term.Term {
			out, err := term.FormatTerms(norm(args[0]), norm(args[1]))
			if err != nil {
				frame := term.Tuple{term.Atom("io_lib"), term.Atom(name), term.List{args[0], args[1]}, term.List{}}
				panic(&otp.Exception{Class: otp.ClassError, Reason: badarg, Stack: term.List{frame}})
			}
			return out
		})
	}
	e.def("write", 1, func(_ *otp.Process, args []term.Term) term.Term {
		return term.Write(args[0])
	})
	e.def("print", 1, func(_ *otp.Process, args []term.Term) term.Term {
		return term.Print(args[0])
	})
	return module("io_lib", e)
}

// Book: chapter 5, "Controlling OTP Behaviours" (what the chapter's tests share).

// Package golden makes the chapter's printed output comparable from run
// to run: pids and references, which differ between runs and nodes, are
// numbered in the order they first appear.
package golden

import (
	"fmt"
	"regexp"
)

var (
	pidRE = regexp.MustCompile(`<\d+\.\d+\.\d+>`)
	refRE = regexp.MustCompile(`#Ref<[\d.]+>`)
)

// Normalize returns s with each distinct pid replaced by <PID1>, <PID2>,
// ... and each distinct reference by #Ref<1>, #Ref<2>, ..., numbered in
// the order they first appear.
func Normalize(s string) string {
	return number(refRE, "#Ref<%d>", number(pidRE, "<PID%d>", s))
}

func number(re *regexp.Regexp, format, s string) string {
	seen := map[string]string{}
	return re.ReplaceAllStringFunc(s, func(m string) string {
		if r, ok := seen[m]; ok {
			return r
		}
		r := fmt.Sprintf(format, len(seen)+1)
		seen[m] = r
		return r
	})
}

var wrapRE = regexp.MustCompile(`\n +`)

// Flat returns s with the line breaks that pretty printing puts inside a
// term taken out: a newline followed by indentation. Where a term holds a
// reference, whose printed length differs between runs, where the printer
// breaks its lines differs too; flattened, the outputs compare.
func Flat(s string) string {
	return wrapRE.ReplaceAllString(s, "")
}

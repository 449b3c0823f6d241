package shell

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// ReportHandler returns a log/slog handler that prints the node's reports
// as erl prints them at the shell:
//
//	=ERROR REPORT==== 25-Nov-2026::00:26:29.509238 ===
//	Error in process <0.81.0> with exit value:
//	{badarith,[...]}
//
// Records of level Error print as error reports, Warn as warning reports,
// and others as info reports, unless the record carries an attribute
// "report" whose value has a method ReportHeader() string: its header is
// printed instead ("CRASH REPORT", "SUPERVISOR REPORT", "PROGRESS
// REPORT"). Attributes are not printed: the message says it all, as the
// report's text does in erl.
func ReportHandler(w io.Writer) slog.Handler {
	return &reportHandler{w: w, mu: new(sync.Mutex)}
}

type reportHandler struct {
	w  io.Writer
	mu *sync.Mutex
}

func (h *reportHandler) Enabled(context.Context, slog.Level) bool { return true }

func (h *reportHandler) Handle(_ context.Context, r slog.Record) error {
	header := "INFO REPORT"
	switch {
	case r.Level >= slog.LevelError:
		header = "ERROR REPORT"
	case r.Level >= slog.LevelWarn:
		header = "WARNING REPORT"
	}
	r.Attrs(func(a slog.Attr) bool {
		if a.Key != "report" || a.Value.Kind() != slog.KindAny {
			return true
		}
		if rh, ok := a.Value.Any().(interface{ ReportHeader() string }); ok {
			header = rh.ReportHeader()
			return false
		}
		return true
	})
	t := r.Time
	if t.IsZero() {
		t = time.Now()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "=%s==== %s ===\n%s\n\n", header, t.Format("2-Jan-2006::15:04:05.000000"), r.Message)
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := io.WriteString(h.w, b.String())
	return err
}

func (h *reportHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *reportHandler) WithGroup(string) slog.Handler      { return h }

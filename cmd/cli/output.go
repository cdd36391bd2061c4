package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"
)

// outputBuffer is the buffer of output written piece by piece: a listing
// or an export of a large journal is megabytes, and each write a system
// call.
const outputBuffer = 64 << 10

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// listLayout is how a list is written piece by piece: the text before
// its first element, between two, after the last, and instead of any.
type listLayout struct{ head, sep, tail, none string }

// jsonList is how writeJSON lays out a list of values.
var jsonList = listLayout{head: "[\n  ", sep: ",\n  ", tail: "\n]\n", none: "[]\n"}

// writeJSONList prints a list as writeJSON does, its elements encoded by
// one goroutine per processor: lists of entries or items run to tens of
// thousands, and encoding them is most of the command's work.
func writeJSONList[T any](w io.Writer, list []T) error {
	if len(list) == 0 {
		return writeJSON(w, list)
	}
	parts := make([]bytes.Buffer, min(len(list), runtime.GOMAXPROCS(0)))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() {
			b := &parts[p]
			enc := json.NewEncoder(b)
			enc.SetIndent("  ", "  ") // as an element of a list
			enc.SetEscapeHTML(false)
			for i := p * len(list) / len(parts); i < (p+1)*len(list)/len(parts) && errs[p] == nil; i++ {
				if i > 0 {
					b.WriteString(jsonList.sep)
				}
				if errs[p] = enc.Encode(list[i]); errs[p] == nil {
					b.Truncate(b.Len() - 1) // the newline Encode ends with
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	out := bufio.NewWriter(w)
	out.WriteString(jsonList.head)
	for p := range parts {
		out.Write(parts[p].Bytes())
	}
	out.WriteString(jsonList.tail)
	return out.Flush()
}

// stamp formats a time for people on a terminal, for scripts otherwise.
func (a *app) stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if a.env.StdoutTTY {
		return t.Format("2006-01-02 15:04")
	}
	return t.Format(time.RFC3339)
}

// ago says how long ago a day was in words: "today", "3d ago".
func ago(days int) string {
	switch {
	case days < 0:
		return "never"
	case days == 0:
		return "today"
	case days == 1:
		return "yesterday"
	}
	return fmt.Sprintf("%dd ago", days)
}

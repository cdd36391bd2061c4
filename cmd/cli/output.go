package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
	"unicode/utf8"
)

// color reports whether output may use ANSI colour: only on a terminal,
// never with NO_COLOR set or TERM=dumb.
func (a *app) color() bool {
	return a.env.StdoutTTY && a.env.Getenv("NO_COLOR") == "" && a.env.Getenv("TERM") != "dumb"
}

// paint wraps s in an ANSI style when colour is on.
func (a *app) paint(style, s string) string {
	if !a.color() || s == "" {
		return s
	}
	codes := map[string]string{"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}
	return styleMark + "[" + codes[style] + "m" + s + styleMark + "[0m"
}

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

// table prints rows: aligned with a header on a terminal, tab-separated
// without a header when piped, so that cut and awk see stable columns.
type table struct {
	app    *app
	header []string
	rows   [][]string
}

func (a *app) newTable(header ...string) *table { return &table{app: a, header: header} }

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// cellSpace keeps a cell on its line and in its column.
var cellSpace = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

func (t *table) print() error {
	w := t.app.env.Stdout
	if !t.app.env.StdoutTTY {
		out := bufio.NewWriterSize(w, outputBuffer)
		for _, r := range t.rows {
			for i, cell := range r {
				if i > 0 {
					out.WriteByte('\t')
				}
				cellSpace.WriteString(out, cell)
			}
			out.WriteByte('\n')
		}
		return out.Flush()
	}
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.header, "\t"))
	for _, r := range t.rows {
		for i, cell := range r {
			if i > 0 {
				tw.Write([]byte{'\t'})
			}
			cellSpace.WriteString(tw, cell)
		}
		tw.Write([]byte{'\n'})
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	header, rest, _ := strings.Cut(b.String(), "\n")
	_, err := fmt.Fprint(w, t.app.paint("bold", strings.TrimRight(header, " "))+"\n"+rest)
	return err
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

// day formats a calendar day.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
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

// pad left-aligns s in a column of width characters (not bytes).
func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

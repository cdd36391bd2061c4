package cli

import (
	"bufio"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Display width. A terminal shows text in cells: most characters take one,
// wide East Asian characters and most emoji two, combining marks none, and
// the ANSI escapes lead colours with none. Every layout that lines text up
// or fits it to the terminal measures with cells and cuts with truncate.

// ellipsis ends a cell cut to fit.
const ellipsis = "…"

// escapeEnd returns the length of the colour escape s starts with, 0 if
// it starts with none: a CSI sequence (ESC [ ... final byte), its ESC
// written as it is or as the styleMark paint writes.
func escapeEnd(s string) int {
	start := 0
	switch {
	case strings.HasPrefix(s, styleMark):
		start = len(styleMark)
	case strings.HasPrefix(s, "\x1b"):
		start = 1
	default:
		return 0
	}
	if start < len(s) && s[start] == '[' {
		for i := start + 1; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
	}
	return 0
}

// cells is the number of terminal cells s takes.
func cells(s string) int {
	n := 0
	for s != "" {
		i := strings.IndexByte(s, '\x1b')
		if i < 0 {
			return n + uniseg.StringWidth(s)
		}
		n += uniseg.StringWidth(s[:i])
		if k := escapeEnd(s[i:]); k > 0 {
			s = s[i+k:]
		} else {
			s = s[i+1:]
		}
	}
	return n
}

// visibleText is s as a terminalWriter shows it, the style marks of paint
// kept: what is measured must be what the terminal is given.
func visibleText(s string) string {
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		plain = s[i] >= 0x20 && s[i] < 0x7f || s[i] == '\t' || s[i] == '\n'
	}
	if plain {
		return s
	}
	var b []byte
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], styleMark) {
			b = append(b, styleMark...)
			i += len(styleMark)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = fmt.Appendf(b, "<0x%02X>", s[i])
		} else {
			b = appendVisible(b, r)
		}
		i += n
	}
	return string(b)
}

// truncate cuts s to at most width cells, ending it with … when cut. The
// escapes it holds are kept, and a cut coloured text is reset at its end.
func truncate(s string, width int) string {
	if cells(s) <= width {
		return s
	}
	if width <= 0 {
		return ""
	}
	var b strings.Builder
	room := width - cells(ellipsis)
	escaped := false
	state := -1
	for s != "" {
		if k := escapeEnd(s); k > 0 {
			b.WriteString(s[:k])
			s, escaped, state = s[k:], true, -1 // the text after an escape starts anew
			continue
		}
		cluster, rest, w, next := uniseg.FirstGraphemeClusterInString(s, state)
		if w > room {
			break
		}
		b.WriteString(cluster)
		room -= w
		s, state = rest, next
	}
	b.WriteString(ellipsis)
	if escaped {
		b.WriteString(styleMark + "[0m")
	}
	return b.String()
}

// pad left-aligns s in a column of width cells.
func pad(s string, width int) string {
	if n := cells(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// fitLines cuts every line of text to width cells: the last resort that
// keeps a line from wrapping when nothing else can shorten it.
func fitLines(text string, width int) string {
	lines := strings.SplitAfter(text, "\n")
	for i, line := range lines {
		body := strings.TrimSuffix(line, "\n")
		if cells(body) > width {
			lines[i] = truncate(body, width) + line[len(body):]
		}
	}
	return strings.Join(lines, "")
}

// table prints rows: aligned with a header on a terminal, cut to fit its
// width unless --wide; tab-separated without a header when piped, so that
// cut and awk see stable columns with everything in them.
type table struct {
	app    *app
	header []string
	rows   [][]string
	cut    []float64 // how readily each column of free text is cut to fit; 0 for the others
}

// tableGap is the space between two columns.
const tableGap = 2

// minFreeWidth is the narrowest a free-text column is cut to, unless its
// header is wider.
const minFreeWidth = 8

func (a *app) newTable(header ...string) *table {
	return &table{app: a, header: header, cut: make([]float64, len(header))}
}

// freeText names the columns of free text (titles, names, notes), the
// ones cut with … so that a row fits the terminal, the one to cut most
// first: each is cut while it is wider than the next named by half as
// much again. With none named, the last column is cut.
func (t *table) freeText(names ...string) *table {
	for i, h := range t.header {
		if k := slices.Index(names, h); k >= 0 {
			t.cut[i] = 1 + 0.5*float64(len(names)-1-k)
		}
	}
	return t
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// addColumn adds a last column, not of free text, with a cell for each row
// added so far.
func (t *table) addColumn(header string, cells []string) {
	t.header, t.cut = append(t.header, header), append(t.cut, 0)
	for i := range t.rows {
		t.rows[i] = append(t.rows[i], cells[i])
	}
}

// cellSpace keeps a cell on its line and in its column.
var cellSpace = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

func (t *table) print() error {
	out := bufio.NewWriterSize(t.app.env.Stdout, outputBuffer)
	if !t.app.env.StdoutTTY {
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
	for _, r := range t.rows {
		for i, c := range r {
			r[i] = visibleText(cellSpace.Replace(c))
		}
	}
	widths := make([]int, len(t.header))
	for i, h := range t.header {
		widths[i] = cells(h)
	}
	for _, r := range t.rows {
		for i, c := range r {
			widths[i] = max(widths[i], cells(c))
		}
	}
	limit := 0 // no limit with --wide
	if t.app.fits() {
		limit = t.app.width()
		t.fit(widths, limit)
	}
	line := func(row []string, style string) {
		var b strings.Builder
		for i, c := range row {
			if i > 0 {
				b.WriteString(strings.Repeat(" ", tableGap))
			}
			c = truncate(c, widths[i])
			if i < len(row)-1 {
				c = pad(c, widths[i])
			}
			b.WriteString(c)
		}
		s := strings.TrimRight(b.String(), " ")
		if limit > 0 {
			s = truncate(s, limit)
		}
		out.WriteString(t.app.paint(style, s))
		out.WriteByte('\n')
	}
	line(t.header, "heading")
	for _, r := range t.rows {
		line(r, "")
	}
	return out.Flush()
}

// fit narrows the free-text columns, the widest as freeText weighs them
// first, until a row takes no more than width cells or each is as narrow
// as it may be.
func (t *table) fit(widths []int, width int) {
	cut := t.cut
	if !slices.ContainsFunc(cut, func(c float64) bool { return c > 0 }) {
		cut = make([]float64, len(widths))
		cut[len(cut)-1] = 1
	}
	floor := make([]int, len(widths))
	excess := -width - tableGap
	for i, w := range widths {
		floor[i] = min(w, max(cells(t.header[i]), minFreeWidth))
		excess += w + tableGap
	}
	for excess > 0 {
		widest := -1
		for i, w := range widths {
			if cut[i] > 0 && w > floor[i] && (widest < 0 || float64(w)*cut[i] > float64(widths[widest])*cut[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return
		}
		widths[widest]--
		excess--
	}
}

package cli

import (
	"regexp"
	"strings"
)

// Markdown tables (a review's balance of directions) are drawn as aligned
// columns with a bold header, cut to the terminal's width as lead's own
// tables are.

var (
	tableLine     = regexp.MustCompile(`^\s*\|.*\|\s*$`)
	tableDivision = regexp.MustCompile(`^\s*\|?(\s*:?-+:?\s*\|)+\s*(:?-+:?\s*)?$`)
)

// tableCells splits a row of a Markdown table into its cells' text.
func tableCells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	cells := strings.Split(line, "|")
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return cells
}

// renderTable lays out the rows of a Markdown table (its lines, the
// division under the header among them) in columns that fit width cells,
// the widest cut first.
func (a *app) renderTable(lines []string, width int) string {
	var rows [][]string
	for _, l := range lines {
		if !tableDivision.MatchString(l) {
			rows = append(rows, tableCells(l))
		}
	}
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	// Every column may be cut, its header too, the widest first.
	t := &table{header: make([]string, n), cut: make([]float64, n)}
	widths := make([]int, n)
	for i := range n {
		t.cut[i] = 1
	}
	for k, r := range rows {
		for i, c := range r {
			if k == 0 {
				r[i] = plainInline(c)
			} else {
				r[i] = a.inline(c)
			}
			widths[i] = max(widths[i], cells(r[i]))
		}
	}
	t.fit(widths, width)
	var b strings.Builder
	for k, r := range rows {
		var line strings.Builder
		for i, c := range r {
			if i > 0 {
				line.WriteString(strings.Repeat(" ", tableGap))
			}
			line.WriteString(pad(truncate(c, widths[i]), widths[i]))
		}
		s := strings.TrimRight(line.String(), " ")
		if k == 0 {
			s = a.paint("heading", s)
		}
		b.WriteString(s + "\n")
	}
	return b.String()
}

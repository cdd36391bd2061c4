package cli

import (
	"errors"
	"io"
	"regexp"
	"strings"

	"github.com/rivo/uniseg"
	"github.com/spf13/cobra"
)

// A small renderer of the Markdown lead writes (reviews, brag documents)
// and people write (entries), for reading on a terminal: headings in bold,
// emphasis as emphasis, lists with bullets and boxes, quotes marked,
// fenced blocks (the charts) shown as they are without their fences,
// tables as aligned columns (markdowntable.go), and
// text wrapped to the terminal's width, front matter values under
// themselves, addresses whole on a line of their own. It is a renderer of lines, as lead's
// documents are, not a full CommonMark one; glamour would be one, at the
// cost of some twenty modules (goldmark, chroma, lipgloss, termenv ...),
// margins and colours of its own, and widths measured its own way.

var (
	headingLine = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	listLine    = regexp.MustCompile(`^(\s*)([-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?(.*)$`)
	quoteLine   = regexp.MustCompile(`^\s*>\s?(.*)$`)
	ruleLine    = regexp.MustCompile(`^\s*([-*_])(\s*[-*_]){2,}\s*$`)
	fenceLine   = regexp.MustCompile("^\\s*(```|~~~)")
	// frontMatterLine is a line of YAML front matter: what goes before its
	// value (indentation, a list's dash, a key) and the value.
	frontMatterLine = regexp.MustCompile(`^(\s*(?:-\s+)?(?:[^\s:][^:]*:(?:\s+|$))?)(.*)$`)
	inlineSpan      = regexp.MustCompile("`[^`]+`|\\*\\*[^*]+\\*\\*|__[^_]+__|\\*[^*\\s][^*]*\\*|\\[[^\\]]+\\]\\([^)\\s]+\\)")
)

// renderMarkdown lays out md for a terminal of width cells: an entry's
// front matter dim, each value wrapped under itself, then the body.
func (a *app) renderMarkdown(md string, width int) string {
	var b strings.Builder
	lines := markdownLines(md)
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" { // an entry's front matter
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				for _, l := range lines[1:i] {
					m := frontMatterLine.FindStringSubmatch(l)
					first, rest := m[1], "  " // a key too long to hang under: a short indent
					if n := cells(first); n <= width/2 {
						rest = strings.Repeat(" ", n)
					}
					for _, w := range strings.SplitAfter(wrap(first, rest, m[2], width), "\n") {
						if w != "" {
							b.WriteString(a.paint("dim", strings.TrimSuffix(w, "\n")) + "\n")
						}
					}
				}
				b.WriteString("\n")
				lines = lines[i+1:]
				break
			}
		}
	}
	b.WriteString(a.renderLines(lines, width))
	return b.String()
}

// renderNotes lays out Markdown that has no front matter, a person's
// notes or an entry's summary, for a terminal of width cells.
func (a *app) renderNotes(md string, width int) string {
	return a.renderLines(markdownLines(md), width)
}

// markdownLines are the lines of md, made visible, without a last empty one.
func markdownLines(md string) []string {
	lines := strings.Split(visibleText(strings.ReplaceAll(md, "\r\n", "\n")), "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// renderLines lays out the lines of a Markdown body. Text is wrapped to
// width; fenced blocks (the charts) and tables are cut to it instead.
func (a *app) renderLines(lines []string, width int) string {
	var b strings.Builder
	fenced := false
	var rows []string // the lines of a table being read
	for i, line := range lines {
		if !fenced && tableLine.MatchString(line) {
			if rows = append(rows, line); i+1 == len(lines) || !tableLine.MatchString(lines[i+1]) {
				b.WriteString(fitLines(a.renderTable(rows, width), width))
				rows = nil
			}
			continue
		}
		if fenceLine.MatchString(line) {
			fenced = !fenced
			continue
		}
		if fenced {
			b.WriteString(fitLines("  "+line+"\n", width))
			continue
		}
		if m := headingLine.FindStringSubmatch(line); m != nil {
			for _, l := range strings.SplitAfter(wrap("", "", plainInline(m[2]), width), "\n") {
				if l = strings.TrimSuffix(l, "\n"); l != "" {
					if len(m[1]) == 1 {
						l = a.paint("underline", a.paint("heading", l))
					} else {
						l = a.paint("heading", l)
					}
					b.WriteString(l + "\n")
				}
			}
			continue
		}
		if ruleLine.MatchString(line) {
			b.WriteString(a.paint("dim", strings.Repeat("─", min(width, 40))) + "\n")
			continue
		}
		if m := listLine.FindStringSubmatch(line); m != nil {
			bullet := "•"
			if m[2][0] >= '0' && m[2][0] <= '9' {
				bullet = m[2]
			}
			if box := strings.TrimSpace(m[3]); box != "" {
				bullet += " " + strings.ToLower(box)
			}
			lead := m[1] + bullet + " "
			b.WriteString(wrap(lead, strings.Repeat(" ", cells(lead)), a.inline(m[4]), width))
			continue
		}
		if m := quoteLine.FindStringSubmatch(line); m != nil {
			bar := a.paint("dim", "│") + " "
			b.WriteString(wrap(bar, bar, a.inline(m[1]), width))
			continue
		}
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		b.WriteString(wrap(indent, indent, a.inline(strings.TrimSpace(line)), width))
	}
	return b.String()
}

// inline renders emphasis, code and links in a line of text.
func (a *app) inline(s string) string {
	return inlineSpan.ReplaceAllStringFunc(s, func(span string) string {
		switch {
		case strings.HasPrefix(span, "`"):
			return a.paint("id", span[1:len(span)-1])
		case strings.HasPrefix(span, "**"), strings.HasPrefix(span, "__"):
			text := span[2 : len(span)-2]
			switch text { // the words mean what their colours mean everywhere
			case "overdue", "lapsed":
				return a.paint("overdue", a.paint("bold", text))
			case "never met":
				return a.paint("soon", a.paint("bold", text))
			}
			return a.paint("bold", text)
		case strings.HasPrefix(span, "*"):
			return a.paint("italic", span[1:len(span)-1])
		}
		text, url, _ := strings.Cut(span[1:len(span)-1], "](")
		return a.paint("underline", text) + " " + a.paint("dim", "<"+url+">")
	})
}

// readable is a line of text from a file as it reads on a terminal, its
// inline markup rendered; piped, as it is.
func (a *app) readable(s string) string {
	if !a.env.StdoutTTY {
		return s
	}
	return a.inline(visibleText(s))
}

// hanging is a row of a document lead lays out itself: head, then text.
// On a terminal, a row wider than it wraps the text under itself; piped,
// it is as it is.
func (a *app) hanging(head, text string) string {
	if !a.env.StdoutTTY || cells(head+text) <= a.width() {
		return head + text
	}
	return strings.TrimSuffix(wrap(head, strings.Repeat(" ", cells(head)), text, a.width()), "\n")
}

// paintAll paints s in style though it holds painted spans of its own,
// each of which ends every style: the style is taken up again after each.
func (a *app) paintAll(style, s string) string {
	open, end, ok := strings.Cut(a.paint(style, "\x00"), "\x00")
	if !ok || open == "" {
		return s
	}
	return open + strings.ReplaceAll(s, end, end+open) + end
}

// plainInline is a line of text without its inline markup.
func plainInline(s string) string {
	return inlineSpan.ReplaceAllStringFunc(s, func(span string) string {
		switch {
		case strings.HasPrefix(span, "**"), strings.HasPrefix(span, "__"):
			return span[2 : len(span)-2]
		case strings.HasPrefix(span, "`"), strings.HasPrefix(span, "*"):
			return span[1 : len(span)-1]
		}
		text, _, _ := strings.Cut(span[1:], "](")
		return text
	})
}

// wrap breaks text into lines of at most width cells at spaces: the first
// line starts with first, the others with rest. A word wider than a line
// is broken where it reaches the end of one, unless it is an address
// (isAddress): that is left whole on a line of its own, wider than width
// if it must be, so that it can still be copied.
func wrap(first, rest, text string, width int) string {
	var b strings.Builder
	line, n := first, cells(first)
	empty := true
	for _, word := range strings.Fields(text) {
		w := cells(word)
		if !empty && n+1+w > width {
			b.WriteString(line + "\n")
			line, n, empty = rest, cells(rest), true
		}
		for empty && n+w > width && width-n > 0 && !isAddress(word) {
			head, tail := cutCells(word, width-n)
			if head == "" {
				break
			}
			b.WriteString(line + head + "\n")
			line, n = rest, cells(rest)
			word, w = tail, cells(tail)
		}
		if !empty {
			line += " "
			n++
		}
		line += word
		n += w
		empty = false
	}
	b.WriteString(strings.TrimRight(line, " ") + "\n")
	return b.String()
}

// isAddress reports whether a word is a URL or holds one, which is shown
// whole rather than broken or cut.
func isAddress(word string) bool {
	return strings.Contains(word, "://") || strings.HasPrefix(word, "mailto:")
}

// cutCells splits s after as many of its characters as fill at most n
// cells; the escapes it holds go with the part they precede.
func cutCells(s string, n int) (head, tail string) {
	i, state := 0, -1
	for i < len(s) {
		if k := escapeEnd(s[i:]); k > 0 {
			i, state = i+k, -1
			continue
		}
		cluster, _, w, next := uniseg.FirstGraphemeClusterInString(s[i:], state)
		if w > n {
			break
		}
		i, n, state = i+len(cluster), n-w, next
	}
	return s[:i], s[i:]
}

// fitText wraps each line of plain text wider than width as wrap does,
// the lines after the first indented as the line is, and two more under a
// list item: for the documents lead lays out itself (prep, person).
func fitText(text string, width int) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimSuffix(line, "\n")
		if cells(body) <= width {
			b.WriteString(line)
			continue
		}
		trimmed := strings.TrimLeft(body, " ")
		indent := body[:len(body)-len(trimmed)]
		rest := indent
		if strings.HasPrefix(trimmed, "- ") {
			rest += "  "
		}
		b.WriteString(wrap(indent, rest, trimmed, width))
	}
	return b.String()
}

// documentFormat is --format of the commands that print a document:
// rendered text on a terminal and Markdown when piped unless it says.
type documentFormat string

func (f *documentFormat) String() string { return string(*f) }

func (f *documentFormat) Set(s string) error {
	if s != "text" && s != "markdown" {
		return errors.New(`must be "text" or "markdown"`)
	}
	*f = documentFormat(s)
	return nil
}

func (f *documentFormat) Type() string { return "format" }

// documentFlag adds --format to a command that prints a document.
func documentFlag(cmd *cobra.Command, f *documentFormat) {
	cmd.Flags().Var(f, "format", "text (rendered for reading; the default on a terminal) or markdown (the default when piped)")
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"text\trendered for reading", "markdown\tas Markdown"}, cobra.ShellCompDirectiveNoFileComp
	})
}

// printDocument prints Markdown, rendered to the terminal's width in the
// text format.
func (a *app) printDocument(md string, f documentFormat) error {
	if f == "text" || f == "" && a.env.StdoutTTY {
		md = a.renderMarkdown(md, a.width())
	}
	_, err := io.WriteString(a.env.Stdout, md)
	return err
}

// printText prints text lead lays out itself, wrapped to the terminal's
// width on a terminal.
func (a *app) printText(text string) error {
	if a.env.StdoutTTY {
		text = fitText(text, a.width())
	}
	_, err := io.WriteString(a.env.Stdout, text)
	return err
}

package lsp

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// text is a document's text cut into lines, for reading positions.
type text struct {
	raw   string
	lines []string // without their line endings
	front int      // the line of the opening "---", -1 without front matter
	body  int      // the first line after the closing "---"; len(lines) while open
}

func newText(s string) *text {
	t := &text{raw: s, lines: strings.Split(s, "\n"), front: -1}
	for i := range t.lines {
		t.lines[i] = strings.TrimSuffix(t.lines[i], "\r")
	}
	t.body = len(t.lines)
	for i, line := range t.lines {
		l := strings.TrimSpace(line)
		if t.front < 0 {
			if l == "" {
				continue
			}
			if l == "---" {
				t.front = i
				continue
			}
			break
		}
		if l == "---" {
			t.body = i + 1
			return t
		}
	}
	if t.front < 0 {
		t.body = 0
	}
	return t
}

// line returns line n, or "" past the end.
func (t *text) line(n int) string {
	if n < 0 || n >= len(t.lines) {
		return ""
	}
	return t.lines[n]
}

// inFront reports whether line n is inside the front matter.
func (t *text) inFront(n int) bool { return t.front >= 0 && n > t.front && n < t.body }

// offset turns a position's UTF-16 character into a byte offset in its
// line, clamped to the line.
func (t *text) offset(p protocol.Position) int {
	line := t.line(int(p.Line))
	units := 0
	for i, r := range line {
		if units >= int(p.Character) {
			return i
		}
		units += utf16.RuneLen(r)
	}
	return len(line)
}

// position turns a byte offset in line n into a position.
func (t *text) position(n, offset int) protocol.Position {
	line := t.line(n)
	offset = min(offset, len(line))
	units := 0
	for _, r := range line[:offset] {
		units += utf16.RuneLen(r)
	}
	return protocol.Position{Line: uint32(n), Character: uint32(units)}
}

// span is the range of bytes [start, end) of line n.
func (t *text) span(n, start, end int) protocol.Range {
	return protocol.Range{Start: t.position(n, start), End: t.position(n, end)}
}

// frontKey returns the front matter key whose value line n belongs to: the
// key on the line itself when the offset is after its colon, or the key
// above a block list item ("  - dana-smith"). ok is false on a key being
// typed and outside the front matter.
func (t *text) frontKey(n, offset int) (key string, ok bool) {
	if !t.inFront(n) {
		return "", false
	}
	line := t.line(n)
	if strings.Trim(line, "-") == "" { // the closing "---" being typed
		return "", false
	}
	if k, _, found := strings.Cut(line, ":"); found && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "-") {
		return strings.TrimSpace(k), offset > len(k)
	}
	if !strings.HasPrefix(strings.TrimSpace(line), "-") {
		return "", false
	}
	for i := n - 1; t.inFront(i); i-- {
		above := t.line(i)
		if above == "" || strings.HasPrefix(above, " ") || strings.HasPrefix(above, "-") {
			continue
		}
		k, _, found := strings.Cut(above, ":")
		return strings.TrimSpace(k), found
	}
	return "", false
}

// isWordRune reports whether r belongs to a slug, a tag, a practice or a
// date: letters, digits, dots, underscores and dashes.
func isWordRune(r rune) bool {
	return r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf
}

// wordBefore returns where the word that ends at offset starts.
func wordBefore(line string, offset int) int {
	start := offset
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(line[:start])
		if !isWordRune(r) {
			break
		}
		start -= size
	}
	return start
}

// wordAt returns the word around offset, and where it starts and ends.
func wordAt(line string, offset int) (word string, start, end int) {
	offset = min(offset, len(line))
	start, end = wordBefore(line, offset), offset
	for end < len(line) {
		r, size := utf8.DecodeRuneInString(line[end:])
		if !isWordRune(r) {
			break
		}
		end += size
	}
	return line[start:end], start, end
}

// findWord returns where word first stands on its own in line, in any
// case, or -1.
func findWord(line, word string) int {
	if word == "" {
		return -1
	}
	for i := 0; i+len(word) <= len(line); i++ {
		if !strings.EqualFold(line[i:i+len(word)], word) {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(line[:i])
		after, _ := utf8.DecodeRuneInString(line[i+len(word):])
		if (i == 0 || !isWordRune(before)) && (i+len(word) == len(line) || !isWordRune(after)) {
			return i
		}
	}
	return -1
}

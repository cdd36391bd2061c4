package format

import (
	"crypto/sha1"
	"encoding/hex"
	"iter"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/lead-journal/lead/journal/when"
)

// Item is a Markdown task item ("- [ ] text") in an entry or person file.
// Items under "## Next time" in an entry or "## Agenda" in a person file
// are agenda; all others are commitments.
type Item struct {
	ID      string    `json:"id"`      // stable: derived from the file and the item's text
	Path    string    `json:"path"`    // the file, relative to the journal
	Line    int       `json:"line"`    // 1-based line in the file
	Done    bool      `json:"done"`    //
	Text    string    `json:"text"`    // the text after the box, as written (in a person file, without AddedKey's day)
	Owner   string    `json:"owner"`   // person slug who owes it; "" when it is mine
	Due     time.Time `json:"due"`     // zero when none
	Section string    `json:"section"` // the heading the item sits under
	Agenda  bool      `json:"agenda"`  // an item to raise next time, not a commitment
	DoneOn  time.Time `json:"done_on"` // the day it was ticked (DoneKey), zero when not recorded

	// Set by the reader of the file that holds the item.
	Date time.Time `json:"date"` // the entry's date; in a person file the day AddedKey records, or zero
	With []string  `json:"with"` // the entry's people, or the person of a person file
}

// ShortIDLength is how many characters of an item id are shown.
const ShortIDLength = 7

// ShortID is the id as shown to people; any unique prefix is accepted.
func (it Item) ShortID() string { return it.ID[:ShortIDLength] }

// Mine reports whether the item is owed by the journal's owner.
func (it Item) Mine() bool { return it.Owner == "" }

// Overdue reports whether an open item's due day is before now's day.
func (it Item) Overdue(now time.Time) bool {
	return !it.Done && !it.Due.IsZero() && it.Due.Before(when.Day(now))
}

// mention reads the @mention text starts with: the name after the @,
// a letter or number then letters, numbers, dots, underscores and dashes
// (the expression ^@([\p{L}\p{N}][\p{L}\p{N}._-]*), read by hand like
// TaskItem). ok is false when text starts with none.
func Mention(text string) (name string, ok bool) {
	if !strings.HasPrefix(text, "@") {
		return "", false
	}
	end := 1
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && (end == 1 || r != '.' && r != '_' && r != '-') {
			break
		}
		end += size
	}
	return text[1:end], end > 1
}

// TaskItem reads a Markdown task item line: optional white space, a list
// marker (-, * or +), a space, a box ("[ ]", "[x]" or "[X]"), an optional
// space and the text up to the end of the line. box is the offset of the
// box's mark; the text is line[start:end]. The rule is the regular
// expression ^\s*[-*+] \[[ xX]\] ?([^\r\n]*), read by hand because it
// runs on every line of every file read (FuzzTaskItem holds the two to
// the same results).
func TaskItem(line string) (box, start, end int, ok bool) {
	i := 0
	for i < len(line) && IsSpace(line[i]) {
		i++
	}
	if len(line)-i < 5 || !strings.ContainsRune("-*+", rune(line[i])) || line[i+1] != ' ' || line[i+2] != '[' ||
		!strings.ContainsRune(" xX", rune(line[i+3])) || line[i+4] != ']' {
		return 0, 0, 0, false
	}
	box, start = i+3, i+5
	if start < len(line) && line[start] == ' ' {
		start++
	}
	end = start
	for end < len(line) && line[end] != '\r' && line[end] != '\n' {
		end++
	}
	return box, start, end, true
}

// IsSpace reports whether c is the white space of regular expressions' \s.
func IsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// DueValues yields the start and end of the value of each "due:" token in
// text, in order: "due:" at the start or after white space, up to the next
// white space; the value is never empty.
func DueValues(text string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for off := 0; ; {
			i := strings.Index(text[off:], "due:")
			if i < 0 {
				return
			}
			at := off + i
			start, end := at+len("due:"), at+len("due:")
			for end < len(text) && !IsSpace(text[end]) {
				end++
			}
			off = at + 1
			if at > 0 && !IsSpace(text[at-1]) || end == start {
				continue
			}
			if !yield(start, end) {
				return
			}
			off = end
		}
	}
}

// maxSummary bounds an entry's one-line summary, in characters.
const maxSummary = 120

// body is what lead reads out of a Markdown body.
type body struct {
	items          []Item
	wins, feedback []string // the list items under "## Wins" and "## Feedback"
	summary        string   // the first line under "## Notes", else the body's first line
}

// parseBody finds task items, the list items of the bullet sections and
// a one-line summary. firstLine is the file line of the body's first line;
// agendaSection names the heading whose items are agenda ("Next time" or
// "Agenda"). Fenced code is skipped. It scans each line once, and reads
// task items, @mentions and due: tokens by hand.
func parseBody(path, text string, firstLine int, agendaSection string) body {
	var b body
	section, bullets, fence := "", "", ""
	var ids itemIDs
	firstText := ""
	for i := 0; len(text) > 0; i++ {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		line = strings.TrimSuffix(line, "\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if name, level := Heading(line); level > 0 {
			if level <= 2 {
				section, bullets = name, bulletSection(name)
			}
			continue
		}
		if b.summary == "" && bullets == "notes" {
			b.summary = trimmed
		}
		if firstText == "" && trimmed[0] != '#' {
			firstText = trimmed
		}
		switch trimmed[0] {
		case '-', '*', '+':
		default:
			continue
		}
		if len(trimmed) < 2 || trimmed[1] != ' ' {
			continue
		}
		if box, start, end, ok := TaskItem(line); ok {
			it := Item{
				Path:    path,
				Line:    firstLine + i,
				Done:    line[box] != ' ',
				Text:    strings.TrimSpace(line[start:end]),
				Section: section,
				Agenda:  strings.EqualFold(section, agendaSection),
			}
			it.Owner, it.Due = itemOwner(it.Text), itemDue(it.Text)
			if it.Done {
				it.DoneOn = DoneDay(it.Text)
			}
			it.ID = ids.next(path, IDText(it.Text), b.items)
			b.items = append(b.items, it)
			continue
		}
		switch bullets {
		case "wins":
			b.wins = append(b.wins, strings.TrimSpace(trimmed[2:]))
		case "feedback":
			b.feedback = append(b.feedback, strings.TrimSpace(trimmed[2:]))
		}
	}
	if b.summary == "" {
		b.summary = firstText
	}
	b.summary = shorten(b.summary, maxSummary)
	return b
}

// bulletSection returns "notes", "wins" or "feedback" for a heading that
// lower-cases to one of them, and "" for any other. An ASCII heading is
// compared without lower-casing it, which would allocate.
func bulletSection(name string) string {
	ascii := isASCII(name)
	if !ascii {
		name = strings.ToLower(name)
	}
	for _, s := range [...]string{"notes", "wins", "feedback"} {
		if ascii && strings.EqualFold(name, s) || name == s {
			return s
		}
	}
	return ""
}

// shorten cuts s to at most n characters, marking a cut with an
// ellipsis.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - 1 // where the first n-1 characters end: n-1 bytes when they are ASCII, as mostly
	for i := range cut {
		if s[i] >= utf8.RuneSelf {
			cut = -1
			break
		}
	}
	if cut < 0 {
		count := 0
		for i := range s {
			if count == n-1 {
				cut = i
				break
			}
			count++
		}
		if cut < 0 {
			return s
		}
	}
	return s[:cut] + "…"
}

// heading reads an ATX heading ("## Name ##"): its text and level, or
// level 0 when line is not a heading.
func Heading(line string) (string, int) {
	level := 0
	for level < len(line) && line[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || level < len(line) && line[level] != ' ' && line[level] != '\t' {
		return "", 0
	}
	name := strings.TrimSpace(line[level:])
	if trimmed := strings.TrimRight(name, "#"); trimmed == "" || strings.HasSuffix(trimmed, " ") || strings.HasSuffix(trimmed, "\t") {
		name = strings.TrimSpace(trimmed)
	}
	return name, level
}

// itemIDs gives the items of one file their ids: the first 8 bytes, in
// hex, of the SHA-1 of the file's path, a newline and the item's text,
// followed by a newline and a count when items before it in the file have
// the same text.
type itemIDs struct {
	key  []byte         // what is hashed, reused
	seen map[string]int // how many items have each text, once there are many
}

// next returns the id of an item with text (its IDText: without its
// nudged: tokens and its done: day) in the file path, after the items
// before it.
func (ids *itemIDs) next(path, text string, before []Item) string {
	const few = 16 // up to this many items, counting is quicker than a map
	occurrence := 0
	switch {
	case len(before) < few:
		for _, it := range before {
			if IDText(it.Text) == text {
				occurrence++
			}
		}
	default:
		if ids.seen == nil {
			ids.seen = make(map[string]int, 2*few)
			for _, it := range before {
				ids.seen[IDText(it.Text)]++
			}
		}
		occurrence = ids.seen[text]
		ids.seen[text]++
	}
	ids.key = append(append(append(ids.key[:0], path...), '\n'), text...)
	if occurrence > 0 {
		ids.key = strconv.AppendInt(append(ids.key, '\n'), int64(occurrence), 10)
	}
	sum := sha1.Sum(ids.key)
	return hex.EncodeToString(sum[:8])
}

// itemOwner returns the mention an item starts with, "" for @me or none.
func itemOwner(text string) string {
	name, ok := Mention(text)
	if !ok || strings.EqualFold(name, "me") {
		return ""
	}
	return strings.ToLower(name)
}

// itemDue reads the first absolute "due:YYYY-MM-DD" in text.
func itemDue(text string) time.Time {
	if !strings.Contains(text, "due:") {
		return time.Time{}
	}
	for start, end := range DueValues(text) {
		if t, ok := parseDay(text[start:end]); ok {
			return t
		}
	}
	return time.Time{}
}

// parseDay reads a day written YYYY-MM-DD, at midnight in the local zone,
// as time.ParseInLocation("2006-01-02", s, time.Local) reads it, without
// its general parser: it runs on every item of every file read.
func parseDay(s string) (time.Time, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	number := func(digits string) int {
		n := 0
		for _, c := range []byte(digits) {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	year, month, day := number(s[:4]), number(s[5:7]), number(s[8:])
	if year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, time.Month(month)) {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.Local), true
}

// daysIn is the number of days in a month of a year.
func daysIn(year int, month time.Month) int {
	if month == time.February && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return 29
	}
	return [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
}

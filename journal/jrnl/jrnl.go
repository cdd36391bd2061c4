// Package jrnl reads journals kept with jrnl: its plain-text journal file
// and its JSON export (jrnl --export json). It follows jrnl's own rules:
// an entry starts at a line "[date] "; everything up to the next one is its
// text; a first line ending in "*" marks it starred; the title is the first
// line, or, on a single line, the first sentence; tags are words starting
// with @ or #.
package jrnl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Entry is one jrnl entry.
type Entry struct {
	Date    time.Time
	Title   string
	Body    string
	Starred bool
	Tags    []string // lower case, with their symbol: "@dana", "#q3"
}

// Layouts are the timestamp formats tried for "[date]" lines: jrnl's
// default "%Y-%m-%d %H:%M", with seconds, and the 12-hour forms older
// versions and many configs use.
var Layouts = []string{
	"2006-01-02 15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 03:04:05 PM",
	"2006-01-02 03:04 PM",
	"2006-01-02 3:04 PM",
	"2006-01-02",
}

// Parse reads either format: JSON when the data starts with "{".
func Parse(data []byte, loc *time.Location) ([]Entry, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
		return ParseJSON(data, loc)
	}
	return ParseText(string(data), loc)
}

var dateLine = regexp.MustCompile(`(?m)^\[([^\]\n]+)\] `)

// ParseText reads jrnl's plain-text journal format.
func ParseText(text string, loc *time.Location) ([]Entry, error) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []Entry
	last := -1
	var lastDate time.Time
	flush := func(end int) {
		if last >= 0 {
			out = append(out, newEntry(lastDate, text[last:end]))
		}
	}
	for _, m := range dateLine.FindAllStringSubmatchIndex(text, -1) {
		date, ok := parseDate(text[m[2]:m[3]], loc)
		if !ok {
			continue // "[a link] " inside a body is not an entry
		}
		flush(m[0])
		last, lastDate = m[1], date
	}
	flush(len(text))
	if len(out) == 0 && strings.TrimSpace(text) != "" {
		return nil, errors.New("no jrnl entries found: entries start with a line like [2026-11-22 14:30] Title")
	}
	return out, nil
}

func parseDate(s string, loc *time.Location) (time.Time, bool) {
	for _, l := range Layouts {
		if t, err := time.ParseInLocation(l, strings.TrimSpace(s), loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// newEntry splits an entry's text into title and body as jrnl does.
func newEntry(date time.Time, text string) Entry {
	e := Entry{Date: date}
	first, rest, _ := strings.Cut(text, "\n")
	if strings.HasSuffix(strings.TrimSpace(first), "*") {
		e.Starred = true
		text = strings.Trim(first, "\n *") + "\n" + rest
	}
	e.Title, e.Body = splitTitle(text)
	e.Tags = tags(text)
	return e
}

// sentenceEnd is a sentence terminal, an optional closing quote or
// bracket, and spaces; or a CJK full stop, which needs no space.
var sentenceEnd = regexp.MustCompile(`[.!?\x{2026}\x{203C}\x{203D}\x{2047}-\x{2049}\x{22EF}\x{FE52}\x{FE57}]['\x{2019}"\x{201D}]?[\])]*\s+|[\x{FF01}\x{FF0E}\x{FF1F}\x{FF61}\x{3002}]`)

func splitTitle(text string) (string, string) {
	trimmed := strings.TrimLeft(text, " \t\n")
	if i := strings.IndexByte(trimmed, '\n'); i >= 0 {
		return strings.TrimSpace(trimmed[:i]), strings.TrimSpace(trimmed[i+1:])
	}
	if loc := sentenceEnd.FindStringIndex(trimmed); loc != nil {
		return strings.TrimSpace(trimmed[:loc[1]]), strings.TrimSpace(trimmed[loc[1]:])
	}
	return strings.TrimSpace(trimmed), ""
}

var tagPattern = regexp.MustCompile(`(?:^|\s)([@#][-+*#/\p{L}\p{N}_]+)`)

func tags(text string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range tagPattern.FindAllStringSubmatch(text, -1) {
		t := strings.ToLower(strings.TrimRight(m[1], ".,;:!?*"))
		if len(t) > 1 && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return out
}

// exported is jrnl's JSON export.
type exported struct {
	Entries []struct {
		Title   string   `json:"title"`
		Body    string   `json:"body"`
		Date    string   `json:"date"`
		Time    string   `json:"time"`
		Tags    []string `json:"tags"`
		Starred bool     `json:"starred"`
	} `json:"entries"`
}

// ParseJSON reads the output of jrnl --export json.
func ParseJSON(data []byte, loc *time.Location) ([]Entry, error) {
	var x exported
	if err := json.Unmarshal(data, &x); err != nil {
		return nil, fmt.Errorf("not a jrnl JSON export: %v", err)
	}
	out := make([]Entry, 0, len(x.Entries))
	for i, je := range x.Entries {
		stamp := strings.TrimSpace(je.Date + " " + je.Time)
		date, ok := parseDate(stamp, loc)
		if !ok {
			return nil, fmt.Errorf("entry %d: %q is not a date and time", i+1, stamp)
		}
		e := Entry{Date: date, Title: strings.TrimSpace(je.Title), Body: strings.TrimSpace(je.Body), Starred: je.Starred}
		e.Tags = je.Tags
		if len(e.Tags) == 0 {
			e.Tags = tags(je.Title + " " + je.Body)
		}
		for i, t := range e.Tags {
			e.Tags[i] = strings.ToLower(t)
		}
		out = append(out, e)
	}
	return out, nil
}

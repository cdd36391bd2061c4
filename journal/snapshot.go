package journal

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/lead-journal/lead/journal/format"
)

// Snapshot is everything read from a journal at one moment.
type Snapshot struct {
	Journal  *Journal
	Entries  []*Entry  // newest first
	People   []*Person // by slug
	Problems []*Problem
	// Tags and Projects are, read with Tallies, how many entries carry
	// each tag and project.
	Tags, Projects map[string]int

	people map[string]*Person
	items  []*Item             // all items, gathered on first use
	agenda map[string][]*Item  // open agenda items by person, computed on first use
	open   map[string][]*Item  // open commitments by person, both ways, computed on first use
	byID   map[string][]*Entry // entries by id, computed on first use (Inspect)
	mu     sync.Mutex
}

// Person returns the person with the given slug, or nil.
func (s *Snapshot) Person(slug string) *Person { return s.people[slug] }

// add puts a person into the snapshot, replacing one with the same slug.
func (s *Snapshot) add(p *Person) {
	if s.people[p.Slug] == nil {
		s.People = append(s.People, p)
		sort.Slice(s.People, func(a, b int) bool { return s.People[a].Slug < s.People[b].Slug })
	} else {
		s.People[slices.IndexFunc(s.People, func(q *Person) bool { return q.Slug == p.Slug })] = p
	}
	s.people[p.Slug] = p
	s.items, s.agenda, s.open = nil, nil, nil
}

// NotFoundError reports a name or reference that matches nothing.
type NotFoundError struct {
	What  string // "person", "entry", "item"
	Query string
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("no %s matches %q", e.What, e.Query)
}

// AmbiguousError reports a name or prefix that matches several things.
type AmbiguousError struct {
	What       string
	Query      string
	Candidates []string
}

func (e *AmbiguousError) Error() string {
	what := Plural(len(e.Candidates), e.What, pluralOf(e.What))
	return fmt.Sprintf("%q matches %d %s: %s; give more of it", e.Query, len(e.Candidates), what, strings.Join(e.Candidates, ", "))
}

// pluralOf gives the plural of the nouns lead names things by.
func pluralOf(noun string) string {
	switch noun {
	case "person":
		return "people"
	case "entry":
		return "entries"
	}
	return noun + "s"
}

// FindPerson resolves a slug, a full name (any case, accents optional) or
// a unique prefix of either. An exact match wins over prefixes.
func (s *Snapshot) FindPerson(query string) (*Person, error) {
	q := Slugify(strings.TrimPrefix(strings.TrimSpace(query), "@"))
	if q == "" {
		return nil, &NotFoundError{"person", query}
	}
	if p := s.people[q]; p != nil {
		return p, nil
	}
	var exact, prefix []*Person
	for _, p := range s.People {
		name := Slugify(p.Name)
		switch {
		case name == q:
			exact = append(exact, p)
		case strings.HasPrefix(p.Slug, q) || strings.HasPrefix(name, q):
			prefix = append(prefix, p)
		}
	}
	for _, matches := range [][]*Person{exact, prefix} {
		switch len(matches) {
		case 0:
			continue
		case 1:
			return matches[0], nil
		}
		var names []string
		for _, p := range matches {
			names = append(names, fmt.Sprintf("%s (%s)", p.Slug, p.Name))
		}
		return nil, &AmbiguousError{"person", query, names}
	}
	return nil, &NotFoundError{"person", query}
}

// FindEntry resolves an entry reference as FindEntryFile does, among the
// entries that read.
func (s *Snapshot) FindEntry(ref string) (*Entry, error) {
	f, err := s.FindEntryFile(ref)
	if err != nil {
		return nil, err
	}
	if f.Entry == nil {
		return nil, f.Problem
	}
	return f.Entry, nil
}

// titlePart is an entry id without lead's YYYY-MM-DD-HHMM- prefix.
func titlePart(id string) string {
	if len(id) > stampLength+1 && hasStamp(id) {
		return id[stampLength+1:]
	}
	return id
}

// Direction returns the direction a person's relation faces, "" if unknown.
func (s *Snapshot) Direction(p *Person) string {
	return s.Journal.Config.Direction(p.Relation)
}

// Directions returns the distinct directions of an entry's people.
func (s *Snapshot) Directions(e *Entry) []string {
	var out []string
	for _, slug := range e.With {
		if p := s.people[slug]; p != nil {
			if d := s.Direction(p); d != "" && !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
	}
	return out
}

// Filter selects entries. Empty fields select everything. Within a field,
// With, Tags, Practices and Fields must all match; Kinds, Projects and
// Directions match any of their values.
type Filter struct {
	With       []string // person slugs
	Kinds      []string
	Tags       []string
	Practices  []string
	Projects   []string
	Directions []string
	Since      time.Time    // inclusive
	Until      time.Time    // exclusive
	Grep       *TextMatcher // applied by Journal.Read as it reads the files
	Fields     []FieldMatch
	Limit      int // 0 for no limit
}

// FieldMatch selects entries by a front matter key: those whose key holds
// Value (for a list, among its items), or with Not, those whose key does
// not; with Present, those that have the key with any value. Comparison
// ignores case.
type FieldMatch struct {
	Key, Value   string
	Not, Present bool
}

// ParseFieldMatch reads "key=value", "key!=value" or "key" (present).
func ParseFieldMatch(s string) (FieldMatch, error) {
	k, v, ok := strings.Cut(s, "=")
	m := FieldMatch{Key: strings.TrimSpace(k), Value: strings.TrimSpace(v), Present: !ok}
	if ok && strings.HasSuffix(m.Key, "!") {
		m.Key, m.Not = strings.TrimSpace(strings.TrimSuffix(m.Key, "!")), true
	}
	if m.Key == "" {
		return FieldMatch{}, fmt.Errorf("%q: want key=value, key!=value or key", s)
	}
	return m, nil
}

// matches reports whether the values an entry holds for the key pass m.
func (m FieldMatch) matches(values []string) bool {
	switch {
	case m.Present:
		return len(values) > 0
	case m.Not:
		return !containsFold(values, m.Value)
	}
	return containsFold(values, m.Value)
}

// TextMatcher matches the whole text of entry files, front matter and
// body, as --grep does.
type TextMatcher struct {
	re   *regexp.Regexp
	fold bool // match the lower-cased text
}

// SmartCase compiles a --grep pattern: case-insensitive unless the pattern
// has a capital letter. A pattern without capitals is matched as written
// against the lower-cased text, which means the same as (?i) and lets the
// regular expression engine use its fast literal search.
func SmartCase(pattern string) (*TextMatcher, error) {
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	return &TextMatcher{re: re, fold: strings.ToLower(pattern) == pattern}, nil
}

// Match reports whether text matches. It may lower-case text in place.
func (m *TextMatcher) Match(text []byte) bool {
	if m.fold && !lowerASCII(text) && (!utf8.Valid(text) ||
		bytes.ContainsFunc(text, func(r rune) bool { return r >= utf8.RuneSelf && unicode.IsUpper(r) })) {
		text = bytes.ToLower(text)
	}
	return m.re.Match(text)
}

// lowerASCII lower-cases the ASCII letters of b in place, and reports
// whether b is all ASCII.
func lowerASCII(b []byte) bool {
	var high byte
	for i, c := range b {
		high |= c
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return high < utf8.RuneSelf
}

// Query returns the entries that pass f, newest first. The text of the
// files is not read: f.Grep is left to Journal.Read.
func (s *Snapshot) Query(f Filter) []*Entry {
	var out []*Entry
	for _, e := range s.Entries {
		if f.Limit > 0 && len(out) == f.Limit {
			break
		}
		if s.matches(e, f) {
			out = append(out, e)
		}
	}
	return out
}

// EachBody reads the body of each entry and passes it to f with the
// entry and its index in entries, in parallel: f must be safe to call from
// several goroutines and must not keep the body, whose memory is reused.
// A file that cannot be read is reported in the snapshot's problems and
// gives f "". Each run of entries in one directory is read by one
// goroutine, relative to the directory: opening a file by its whole path
// costs the system a lookup per directory on the way.
func (s *Snapshot) EachBody(entries []*Entry, f func(i int, e *Entry, body string)) {
	s.Journal.reader().Bodies(entries, func(i int, e *Entry, body string, err error) {
		if err != nil {
			s.problem(format.AsProblem(s.Journal.Abs(e.Path), err))
		}
		f(i, e, body)
	})
}

// problem records a file that could not be read after the snapshot was
// taken; it is safe to call from several goroutines.
func (s *Snapshot) problem(p *Problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Problems = append(s.Problems, p)
}

func (s *Snapshot) matches(e *Entry, f Filter) bool {
	switch {
	case !f.Since.IsZero() && e.Date.Before(f.Since),
		!f.Until.IsZero() && !e.Date.Before(f.Until),
		!containsAll(e.With, f.With, false),
		!containsAll(e.Tags, f.Tags, true),
		!containsAll(e.Practices, f.Practices, true),
		len(f.Kinds) > 0 && !containsFold(f.Kinds, e.Kind),
		len(f.Projects) > 0 && !containsFold(f.Projects, e.Project),
		len(f.Directions) > 0 && !anyOf(s.Directions(e), f.Directions):
		return false
	}
	for _, m := range f.Fields {
		if !m.matches(e.Field(m.Key)) {
			return false
		}
	}
	return true
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}

func containsAll(have, want []string, fold bool) bool {
	for _, w := range want {
		if fold && !containsFold(have, w) || !fold && !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

func anyOf(have, want []string) bool {
	return slices.ContainsFunc(want, func(w string) bool { return slices.Contains(have, w) })
}

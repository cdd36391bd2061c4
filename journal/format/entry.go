package format

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal/when"
	"gopkg.in/yaml.v3"
)

// Entry is one interaction: a file under entries/. It holds what lead's
// commands use; the body itself is read from the file when a command
// needs it (Snapshot.Body).
type Entry struct {
	ID        string    // the file name without .md
	Path      string    // relative to the journal, with forward slashes
	Date      time.Time // with the offset it was written with
	Kind      string
	Title     string
	With      []string // person slugs
	Project   string
	Tags      []string
	Practices []string
	Items     []Item
	Wins      []string // the list items under "## Wins"
	Feedback  []string // the list items under "## Feedback"
	Summary   string   // the first line of the notes, or of the body

	Extra []Field // front matter keys lead does not know
}

// entryKeys are the front matter keys of an entry lead reads itself.
var entryKeys = []string{"date", "kind", "title", "with", "project", "tags", "practices"}

// ParseEntry reads an entry file. rel is its slash path in the journal,
// display the path used in problems.
func ParseEntry(rel, display string, data []byte, clock when.Clock) (*Entry, error) {
	d, err := ParseDocument(display, data)
	if err != nil {
		return nil, err
	}
	return EntryOf(d, rel, clock)
}

// EntryOf reads the entry a Document holds.
func EntryOf(d *Document, rel string, clock when.Clock) (*Entry, error) {
	e := &Entry{ID: strings.TrimSuffix(path.Base(rel), ".md"), Path: rel, Extra: d.extras(entryKeys)}
	var err error
	if e.Kind, err = d.Text("kind"); err != nil {
		return nil, err
	}
	if e.Kind == "" {
		e.Kind = "note"
	}
	if e.Title, err = d.Text("title"); err != nil {
		return nil, err
	}
	if e.Project, err = d.Text("project"); err != nil {
		return nil, err
	}
	if e.With, err = d.List("with"); err != nil {
		return nil, err
	}
	for i, w := range e.With {
		e.With[i] = strings.ToLower(w)
	}
	if e.Tags, err = d.List("tags"); err != nil {
		return nil, err
	}
	if e.Practices, err = d.List("practices"); err != nil {
		return nil, err
	}
	if e.Date, err = entryDate(d, e.ID, clock); err != nil {
		return nil, err
	}
	b := parseBody(rel, string(d.Body), d.BodyLine, "Next time")
	e.Items, e.Wins, e.Feedback, e.Summary = b.items, b.wins, b.feedback, b.summary
	for i := range e.Items {
		e.Items[i].Date, e.Items[i].With = e.Date, e.With
	}
	return e, nil
}

// StampLayout is the date stamp an entry's file name begins with, as lead
// names them: 2026-11-20-1430-q3-review.md.
const StampLayout = "2006-01-02-1504"

// entryDate reads `date`, falling back to the date in a file name that
// follows lead's naming (YYYY-MM-DD-HHMM-...).
func entryDate(d *Document, id string, clock when.Clock) (time.Time, error) {
	s, err := d.Text("date")
	if err != nil {
		return time.Time{}, err
	}
	if s == "" {
		if t, err := time.ParseInLocation(StampLayout, firstN(id, len(StampLayout)), time.Local); err == nil {
			return t, nil
		}
		return time.Time{}, &Problem{d.path, d.metaLine, "no date: add `date: YYYY-MM-DDTHH:MM:SS±HH:MM`"}
	}
	t, _, err := when.Absolute(s, time.Local, clock)
	if err != nil {
		return time.Time{}, &Problem{d.path, d.Line("date"), "date: " + err.Error()}
	}
	return t, nil
}

func firstN(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

// SortNewestFirst orders entries by date, newest first, then by id and
// path.
func SortNewestFirst(entries []*Entry) { slices.SortFunc(entries, CompareNewestFirst) }

// CompareNewestFirst is the order of SortNewestFirst.
func CompareNewestFirst(a, b *Entry) int {
	if c := NewestFirst(a.Date, a.ID, b.Date, b.ID); c != 0 {
		return c
	}
	return strings.Compare(b.Path, a.Path) // compared only on a tie: sorting compares often
}

// NewestFirst orders what two entries' dates and ids say, newest first:
// the order of SortNewestFirst for entries in one directory, whose paths
// differ by their ids.
func NewestFirst(aDate time.Time, aID string, bDate time.Time, bID string) int {
	if c := bDate.Compare(aDate); c != 0 {
		return c
	}
	return strings.Compare(bID, aID)
}

// Field returns the values of any front matter key, as strings. Keys lead
// knows are read as lead reads them, so `tags: a, b` holds a and b.
func (e *Entry) Field(key string) []string {
	switch key {
	case "with":
		return e.With
	case "tags":
		return e.Tags
	case "practices":
		return e.Practices
	case "kind":
		return []string{e.Kind}
	case "title", "project":
		if v := map[string]string{"title": e.Title, "project": e.Project}[key]; v != "" {
			return []string{v}
		}
		return nil
	}
	return fieldValues(e.Extra, key)
}

// Meta returns the whole front matter as plain values: lead's keys as
// lead reads them, and every other key as written.
func (e *Entry) Meta() map[string]any {
	m := map[string]any{"date": e.Date.Format(time.RFC3339), "kind": e.Kind, "with": NonNil(e.With), "tags": NonNil(e.Tags), "practices": NonNil(e.Practices)}
	if e.Title != "" {
		m["title"] = e.Title
	}
	if e.Project != "" {
		m["project"] = e.Project
	}
	for _, f := range e.Extra {
		m[f.Key] = f.plainValue()
	}
	return m
}

// NonNil makes a nil list an empty one, so that JSON shows [] rather
// than null.
func NonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Has reports whether slug is among the entry's people.
func (e *Entry) Has(slug string) bool {
	return slices.Contains(e.With, slug)
}

// Label is a short description: the title, or the kind and people.
func (e *Entry) Label() string {
	if e.Title != "" {
		return e.Title
	}
	if len(e.With) > 0 {
		return e.Kind + " with " + strings.Join(e.With, ", ")
	}
	return e.Kind
}

// SourceKey is the front matter key that records where an imported entry
// came from, so that importing again skips it.
const SourceKey = "source"

// FrontMatter is the front matter lead writes for a new entry, in the
// order it writes the keys. Empty values are left out.
type FrontMatter struct {
	Date      time.Time
	Kind      string
	Title     string
	With      []string
	Project   string
	Tags      []string
	Practices []string
	Source    string // where an imported entry came from
}

// Render returns the front matter block, delimiters included.
func (f FrontMatter) Render() []byte {
	m := &Mapping{}
	m.Add("date", f.Date)
	m.Add("kind", f.Kind)
	m.Add("title", f.Title)
	m.Add("with", f.With)
	m.Add("project", f.Project)
	m.Add("tags", f.Tags)
	m.Add("practices", f.Practices)
	m.Add(SourceKey, f.Source)
	return m.Render()
}

// Mapping builds a YAML Mapping with flow-style lists, as people write them.
type Mapping struct{ Node yaml.Node }

func (m *Mapping) Add(key string, value any) {
	var v yaml.Node
	switch x := value.(type) {
	case string:
		if x == "" {
			return
		}
		if err := v.Encode(x); err != nil {
			panic(err) // a string always encodes
		}
	case time.Time:
		v = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: x.Format(time.RFC3339)}
	case []string:
		if len(x) == 0 {
			return
		}
		if err := v.Encode(x); err != nil {
			panic(err)
		}
		v.Style = yaml.FlowStyle
	default:
		panic(fmt.Sprintf("Mapping: unsupported %T", value))
	}
	m.Node.Kind = yaml.MappingNode
	m.Node.Content = append(m.Node.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, &v)
}

func (m *Mapping) Render() []byte {
	var b strings.Builder
	b.WriteString("---\n")
	if len(m.Node.Content) > 0 {
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(&m.Node); err != nil {
			panic(err)
		}
	}
	b.WriteString("---\n")
	return []byte(b.String())
}

// LineComment returns the comment ("# ...") at the end of a one-line
// "key: value" front matter line, as YAML reads it, or "" when it has none.
func LineComment(line string) string {
	var n yaml.Node
	if yaml.Unmarshal([]byte(line), &n) != nil || len(n.Content) != 1 || len(n.Content[0].Content) != 2 {
		return ""
	}
	key, value := n.Content[0].Content[0], n.Content[0].Content[1]
	if value.LineComment != "" {
		return value.LineComment
	}
	return key.LineComment
}

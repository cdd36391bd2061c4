package journal

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal/when"
	"gopkg.in/yaml.v3"
)

// Entry is one interaction: a file under entries/.
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
	Body      string // everything after the front matter, byte for byte
	Items     []Item
	Sections  []Section

	meta     *yaml.Node
	metaLine int
}

// parseEntry reads an entry file. rel is its slash path in the journal,
// display the path used in problems.
func parseEntry(rel, display string, data []byte, clock when.Clock) (*Entry, error) {
	d, err := parseDocument(display, data)
	if err != nil {
		return nil, err
	}
	e := &Entry{ID: strings.TrimSuffix(path.Base(rel), ".md"), Path: rel, Body: string(d.body), meta: d.meta, metaLine: d.metaLine}
	if e.Kind, err = d.text("kind"); err != nil {
		return nil, err
	}
	if e.Kind == "" {
		e.Kind = "note"
	}
	if e.Title, err = d.text("title"); err != nil {
		return nil, err
	}
	if e.Project, err = d.text("project"); err != nil {
		return nil, err
	}
	if e.With, err = d.list("with"); err != nil {
		return nil, err
	}
	for i, w := range e.With {
		e.With[i] = strings.ToLower(w)
	}
	if e.Tags, err = d.list("tags"); err != nil {
		return nil, err
	}
	if e.Practices, err = d.list("practices"); err != nil {
		return nil, err
	}
	if e.Date, err = entryDate(d, e.ID, clock); err != nil {
		return nil, err
	}
	b := parseBody(rel, e.Body, d.bodyLine, "Next time")
	e.Items, e.Sections = b.items, b.sections
	for i := range e.Items {
		e.Items[i].Date, e.Items[i].With = e.Date, e.With
	}
	return e, nil
}

// entryDate reads `date`, falling back to the date in a file name that
// follows lead's naming (YYYY-MM-DD-HHMM-...).
func entryDate(d *document, id string, clock when.Clock) (time.Time, error) {
	s, err := d.text("date")
	if err != nil {
		return time.Time{}, err
	}
	if s == "" {
		if t, err := time.ParseInLocation("2006-01-02-1504", firstN(id, 15), time.Local); err == nil {
			return t, nil
		}
		return time.Time{}, &Problem{d.path, d.metaLine, "no date: add `date: YYYY-MM-DDTHH:MM:SS±HH:MM`"}
	}
	t, _, err := when.Absolute(s, time.Local, clock)
	if err != nil {
		_, line := d.field("date")
		return time.Time{}, &Problem{d.path, line, "date: " + err.Error()}
	}
	return t, nil
}

func firstN(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
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
	}
	return values(e.meta, key)
}

// KeyLine returns the file line of a front matter key, or 0.
func (e *Entry) KeyLine(key string) int { return keyLine(e.meta, e.metaLine, key) }

// Meta returns the whole front matter as plain values.
func (e *Entry) Meta() map[string]any { return decodeMeta(e.meta) }

// Section returns the text under the named level-two heading (any case).
func (e *Entry) Section(name string) string { return sectionText(e.Sections, name) }

// Bullets returns the list items under the named heading.
func (e *Entry) Bullets(name string) []string { return bullets(e.Section(name)) }

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

func sectionText(sections []Section, name string) string {
	var parts []string
	for _, s := range sections {
		if strings.EqualFold(s.Name, name) && s.Text != "" {
			parts = append(parts, s.Text)
		}
	}
	return strings.Join(parts, "\n")
}

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
	m := &mapping{}
	m.add("date", f.Date)
	m.add("kind", f.Kind)
	m.add("title", f.Title)
	m.add("with", f.With)
	m.add("project", f.Project)
	m.add("tags", f.Tags)
	m.add("practices", f.Practices)
	m.add(SourceKey, f.Source)
	return m.render()
}

// mapping builds a YAML mapping with flow-style lists, as people write them.
type mapping struct{ node yaml.Node }

func (m *mapping) add(key string, value any) {
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
		panic(fmt.Sprintf("mapping: unsupported %T", value))
	}
	m.node.Kind = yaml.MappingNode
	m.node.Content = append(m.node.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, &v)
}

func (m *mapping) render() []byte {
	var b strings.Builder
	b.WriteString("---\n")
	if len(m.node.Content) > 0 {
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(&m.node); err != nil {
			panic(err)
		}
	}
	b.WriteString("---\n")
	return []byte(b.String())
}

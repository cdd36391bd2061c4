package journal

import (
	"path"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal/when"
)

// Person is someone you work with: a file under people/.
type Person struct {
	Slug        string // the file name without .md
	Path        string // relative to the journal
	Name        string
	Relation    string
	Org         string
	Cadence     string // wanted contact interval, e.g. "7d"; empty for the relation's default
	Style       string
	Prefers     []string
	Trusts      []string // slugs
	Stance      string
	Influence   string
	Interest    string
	Email       []string // addresses, matched against calendar attendees
	SnoozeUntil time.Time
	Body        string
	Items       []Item

	extra []field
	lines map[string]int
}

// PersonFields lists the person keys lead knows, in the order it writes them.
var PersonFields = []string{"name", "relation", "org", "cadence", "style", "prefers", "trusts", "stance", "influence", "interest", "email", "snooze_until"}

func parsePerson(rel, display string, data []byte) (*Person, error) {
	d, err := parseDocument(display, data)
	if err != nil {
		return nil, err
	}
	p := &Person{Slug: strings.TrimSuffix(path.Base(rel), ".md"), Path: rel, Body: string(d.body), extra: d.extras(PersonFields), lines: map[string]int{}}
	for _, f := range d.fields {
		p.lines[f.key] = f.line
	}
	for key, dst := range map[string]*string{
		"name": &p.Name, "relation": &p.Relation, "org": &p.Org, "cadence": &p.Cadence, "style": &p.Style,
		"stance": &p.Stance, "influence": &p.Influence, "interest": &p.Interest,
	} {
		if *dst, err = d.text(key); err != nil {
			return nil, err
		}
	}
	p.Relation = strings.ToLower(p.Relation)
	if p.Name == "" {
		p.Name = p.Slug
	}
	if p.Cadence != "" {
		if _, err := when.ParseSpan(p.Cadence); err != nil {
			return nil, &Problem{display, d.line("cadence"), "cadence: " + err.Error()}
		}
	}
	if p.Prefers, err = d.list("prefers"); err != nil {
		return nil, err
	}
	if p.Trusts, err = d.list("trusts"); err != nil {
		return nil, err
	}
	for i, t := range p.Trusts {
		p.Trusts[i] = strings.ToLower(t)
	}
	if p.Email, err = d.list("email"); err != nil {
		return nil, err
	}
	snooze, err := d.text("snooze_until")
	if err != nil {
		return nil, err
	}
	if snooze != "" {
		if p.SnoozeUntil, _, err = when.Absolute(snooze, time.Local, when.Clock{}); err != nil {
			return nil, &Problem{display, d.line("snooze_until"), "snooze_until: " + err.Error()}
		}
	}
	p.Items = parseBody(rel, p.Body, d.bodyLine, "Agenda").items
	for i := range p.Items {
		p.Items[i].With = []string{p.Slug}
		p.Items[i].Text, p.Items[i].Date = addedOn(p.Items[i].Text)
	}
	return p, nil
}

// KeyLine returns the file line of a front matter key, or 0.
func (p *Person) KeyLine(key string) int { return p.lines[key] }

// Meta returns the whole front matter as plain values: lead's keys as
// lead reads them, and every other key as written.
func (p *Person) Meta() map[string]any {
	m := map[string]any{"name": p.Name, "prefers": nonNil(p.Prefers), "trusts": nonNil(p.Trusts)}
	for key, v := range map[string]string{"relation": p.Relation, "org": p.Org, "cadence": p.Cadence, "style": p.Style,
		"stance": p.Stance, "influence": p.Influence, "interest": p.Interest} {
		if v != "" {
			m[key] = v
		}
	}
	if len(p.Email) > 0 {
		m["email"] = p.Email
	}
	if !p.SnoozeUntil.IsZero() {
		m["snooze_until"] = p.SnoozeUntil.Format("2006-01-02")
	}
	for _, f := range p.extra {
		m[f.key] = f.plainValue()
	}
	return m
}

// Profile is what `lead people add` writes for a new person.
type Profile struct {
	Name      string
	Relation  string
	Org       string
	Cadence   string
	Style     string
	Prefers   []string
	Trusts    []string
	Stance    string
	Influence string
	Interest  string
	Email     []string
}

// Render returns the person's front matter block.
func (p Profile) Render() []byte {
	m := &mapping{}
	m.add("name", p.Name)
	m.add("relation", p.Relation)
	m.add("org", p.Org)
	m.add("cadence", p.Cadence)
	m.add("style", p.Style)
	m.add("prefers", p.Prefers)
	m.add("trusts", p.Trusts)
	m.add("stance", p.Stance)
	m.add("influence", p.Influence)
	m.add("interest", p.Interest)
	m.add("email", EmailValue(p.Email))
	return m.render()
}

// EmailValue is how an email key is written: one address as a plain
// value, several as a list.
func EmailValue(addresses []string) any {
	if len(addresses) == 1 {
		return addresses[0]
	}
	return addresses
}

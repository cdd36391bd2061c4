package format

import (
	"fmt"
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

	Extra []Field
	lines map[string]int
}

// PersonFields lists the person keys lead knows, in the order it writes them.
var PersonFields = []string{"name", "relation", "org", "cadence", "style", "prefers", "trusts", "stance", "influence", "interest", "email", "snooze_until"}

func ParsePerson(rel, display string, data []byte) (*Person, error) {
	d, err := ParseDocument(display, data)
	if err != nil {
		return nil, err
	}
	p := &Person{Slug: strings.TrimSuffix(path.Base(rel), ".md"), Path: rel, Body: string(d.Body), Extra: d.extras(PersonFields), lines: map[string]int{}}
	for _, f := range d.Fields {
		p.lines[f.Key] = f.Line
	}
	for key, dst := range map[string]*string{
		"name": &p.Name, "relation": &p.Relation, "org": &p.Org, "cadence": &p.Cadence, "style": &p.Style,
		"stance": &p.Stance, "influence": &p.Influence, "interest": &p.Interest,
	} {
		if *dst, err = d.Text(key); err != nil {
			return nil, err
		}
	}
	p.Relation = strings.ToLower(p.Relation)
	if p.Name == "" {
		p.Name = p.Slug
	}
	if p.Cadence != "" {
		if _, err := when.ParseCadence(p.Cadence); err != nil {
			return nil, &Problem{display, d.Line("cadence"), "cadence: " + err.Error()}
		}
	}
	if p.Prefers, err = d.List("prefers"); err != nil {
		return nil, err
	}
	if p.Trusts, err = d.List("trusts"); err != nil {
		return nil, err
	}
	for i, t := range p.Trusts {
		p.Trusts[i] = strings.ToLower(t)
	}
	if p.Email, err = d.List("email"); err != nil {
		return nil, err
	}
	snooze, err := d.Text("snooze_until")
	if err != nil {
		return nil, err
	}
	if snooze != "" {
		if p.SnoozeUntil, _, err = when.Absolute(snooze, time.Local, when.Clock{}); err != nil {
			return nil, &Problem{display, d.Line("snooze_until"), "snooze_until: " + err.Error()}
		}
	}
	p.Items = parseBody(rel, p.Body, d.BodyLine, "Agenda").items
	for i := range p.Items {
		p.Items[i].With = []string{p.Slug}
		p.Items[i].Text, p.Items[i].Date = addedOn(p.Items[i].Text)
	}
	return p, nil
}

// Label is how a person is named in messages: "dana-smith (Dana Smith)".
func (p *Person) Label() string { return fmt.Sprintf("%s (%s)", p.Slug, p.Name) }

// KeyLine returns the file line of a front matter key, or 0.
func (p *Person) KeyLine(key string) int { return p.lines[key] }

// Meta returns the whole front matter as plain values: lead's keys as
// lead reads them, and every other key as written.
func (p *Person) Meta() map[string]any {
	m := map[string]any{"name": p.Name, "prefers": NonNil(p.Prefers), "trusts": NonNil(p.Trusts)}
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
	for _, f := range p.Extra {
		m[f.Key] = f.plainValue()
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
	m := &Mapping{}
	m.Add("name", p.Name)
	m.Add("relation", p.Relation)
	m.Add("org", p.Org)
	m.Add("cadence", p.Cadence)
	m.Add("style", p.Style)
	m.Add("prefers", p.Prefers)
	m.Add("trusts", p.Trusts)
	m.Add("stance", p.Stance)
	m.Add("influence", p.Influence)
	m.Add("interest", p.Interest)
	m.Add("email", EmailValue(p.Email))
	return m.Render()
}

// EmailValue is how an email key is written: one address as a plain
// value, several as a list.
func EmailValue(addresses []string) any {
	if len(addresses) == 1 {
		return addresses[0]
	}
	return addresses
}

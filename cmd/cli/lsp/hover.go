package lsp

import (
	"fmt"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// cardItems bounds the commitments a person's card lists each way.
const cardItems = 5

// personAt returns the person named where pos is: a slug in with: or
// trusts:, or an @mention in the body, with the range of the name.
func personAt(t *text, v *view, pos protocol.Position) (*journal.Person, protocol.Range, bool) {
	n, offset := int(pos.Line), t.offset(pos)
	line := t.line(n)
	word, start, end := wordAt(line, offset)
	if word == "" {
		return nil, protocol.Range{}, false
	}
	key, isValue := t.frontKey(n, offset)
	switch {
	case isValue && (key == "with" || key == "trusts"):
		if p := v.snap.Person(strings.ToLower(word)); p != nil {
			return p, t.span(n, start, end), true
		}
	case !t.inFront(n) && start > 0 && line[start-1] == '@':
		if p, err := v.snap.FindPerson(word); err == nil {
			return p, t.span(n, start-1, end), true
		}
	}
	return nil, protocol.Range{}, false
}

func (s *server) hover(uri protocol.DocumentUri, pos protocol.Position) *protocol.Hover {
	t, d, v := s.state(uri)
	if v == nil {
		return nil
	}
	now := s.opts.Now()
	if p, r, ok := personAt(t, v, pos); ok {
		return markdown(card(v, p, now), r)
	}
	n, offset := int(pos.Line), t.offset(pos)
	line := t.line(n)
	word, start, end := wordAt(line, offset)
	if key, isValue := t.frontKey(n, offset); isValue && key == "practices" && word != "" {
		if p, ok := v.snap.Journal.Config.Practice(word); ok {
			return markdown(fmt.Sprintf("**%s** (practice)\n\n%s", p.Name, p.Description), t.span(n, start, end))
		}
	}
	if slug, ok := personFile(d.rel); ok && t.inFront(n) {
		if p := v.snap.Person(slug); p != nil { // in a person's own front matter: their card
			return markdown(card(v, p, now), t.span(n, 0, len(line)))
		}
	}
	if _, ok := journal.TaskBox(line); ok && !t.inFront(n) {
		for _, it := range itemsOf(d.inspect(v, t.raw)) {
			if it.Line == n+1 {
				return markdown(describeItem(v, it, now), t.span(n, 0, len(line)))
			}
		}
	}
	return nil
}

// personFile returns the slug of the person whose file rel is.
func personFile(rel string) (string, bool) {
	name, ok := strings.CutPrefix(rel, journal.PeopleDir+"/")
	return strings.TrimSuffix(name, ".md"), ok && !strings.Contains(name, "/")
}

func markdown(value string, r protocol.Range) *protocol.Hover {
	return &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: value}, Range: &r}
}

// itemsOf returns the task items of an inspected file.
func itemsOf(in *journal.Inspection) []journal.Item {
	switch {
	case in.Entry != nil:
		return in.Entry.Items
	case in.Person != nil:
		return in.Person.Items
	}
	return nil
}

// card is a person as a hover shows them: relation and direction, style,
// last contact and open commitments both ways.
func card(v *view, p *journal.Person, now time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (%s)", p.Name, p.Slug)
	c := v.snap.ContactOf(p, now)
	if p.Relation != "" {
		fmt.Fprintf(&b, " · %s, %s", p.Relation, c.Direction)
	}
	if p.Org != "" {
		fmt.Fprintf(&b, " · %s", p.Org)
	}
	b.WriteString("\n\n")
	var style []string
	if p.Style != "" {
		style = append(style, "style: "+p.Style)
	}
	if len(p.Prefers) > 0 {
		style = append(style, "prefers: "+strings.Join(p.Prefers, ", "))
	}
	if !c.Cadence.IsZero() {
		style = append(style, "cadence: "+c.Cadence.String())
	}
	if len(style) > 0 {
		b.WriteString(strings.Join(style, " · ") + "\n\n")
	}
	switch {
	case c.Last == nil:
		b.WriteString("Last contact: never")
	default:
		fmt.Fprintf(&b, "Last contact: %s, %s (%s)", c.Last.Date.Format("2006-01-02"), daysAgo(c.DaysSince(now)), c.Last.Label())
	}
	switch {
	case c.Snoozed:
		b.WriteString(" · snoozed")
	case c.Overdue:
		b.WriteString(" · **overdue**")
	case !c.Due.IsZero():
		fmt.Fprintf(&b, " · next by %s", c.Due.Format("2006-01-02"))
	}
	b.WriteString("\n")
	var mine, theirs []*journal.Item
	for _, it := range v.snap.OpenWith(p.Slug) {
		if it.Mine() {
			mine = append(mine, it)
		} else {
			theirs = append(theirs, it)
		}
	}
	list := func(title string, items []*journal.Item) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s (%d):\n", title, len(items))
		for i, it := range items {
			if i == cardItems {
				fmt.Fprintf(&b, "- and %d more\n", len(items)-cardItems)
				break
			}
			fmt.Fprintf(&b, "- %s%s\n", it.Text, dueNote(it, now))
		}
	}
	list("I owe", mine)
	list("They owe", theirs)
	return b.String()
}

func daysAgo(n int) string {
	switch n {
	case 0:
		return "today"
	case 1:
		return "yesterday"
	}
	return fmt.Sprintf("%d days ago", n)
}

func dueNote(it *journal.Item, now time.Time) string {
	switch {
	case it.Due.IsZero():
		return ""
	case it.Overdue(now):
		return " (overdue since " + it.Due.Format("2006-01-02") + ")"
	}
	return " (due " + it.Due.Format("2006-01-02") + ")"
}

// describeItem is a task item as a hover shows it: its id, state, owner
// and due date.
func describeItem(v *view, it journal.Item, now time.Time) string {
	what := "commitment"
	if it.Agenda {
		what = "agenda item"
	}
	state := "open"
	if it.Done {
		state = "done"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**%s %s** · %s", what, it.ShortID(), state)
	if it.Owner != "" {
		name := it.Owner
		if p, err := v.snap.FindPerson(it.Owner); err == nil {
			name = p.Name
		}
		fmt.Fprintf(&b, " · %s owes it", name)
	} else if !it.Agenda {
		b.WriteString(" · mine")
	}
	b.WriteString(dueNote(&it, now))
	if !it.Done && !it.Agenda {
		fmt.Fprintf(&b, "\n\n`lead done %s` ticks it", it.ShortID())
	}
	return b.String()
}

func (s *server) definition(uri protocol.DocumentUri, pos protocol.Position) *protocol.Location {
	t, _, v := s.state(uri)
	if v == nil {
		return nil
	}
	p, _, ok := personAt(t, v, pos)
	if !ok {
		return nil
	}
	return &protocol.Location{URI: pathURI(v.snap.Journal.Abs(p.Path))}
}

// references lists the entries with a person: the person of a person
// file, or the person named at pos.
func (s *server) references(uri protocol.DocumentUri, pos protocol.Position, withDeclaration bool) []protocol.Location {
	out := []protocol.Location{}
	t, d, v := s.state(uri)
	if v == nil {
		return out
	}
	p, _, ok := personAt(t, v, pos)
	if slug, isPerson := personFile(d.rel); !ok && isPerson {
		p = v.snap.Person(slug)
	}
	if p == nil {
		return out
	}
	if withDeclaration {
		out = append(out, protocol.Location{URI: pathURI(v.snap.Journal.Abs(p.Path))})
	}
	for _, e := range v.entries[p.Slug] {
		out = append(out, protocol.Location{URI: pathURI(v.snap.Journal.Abs(e.Path))})
	}
	return out
}

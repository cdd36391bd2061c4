package journal

import (
	"fmt"
	"strings"
	"time"
)

// Shared is what is safe to paste into a 1:1 document shared with one
// person: what is queued to raise with them and the open commitments
// between the two of you, from their file and from entries with them
// alone. Notes, feedback, wins and what is owed by or was said with
// anyone else stay out.
type Shared struct {
	Person *Person
	Agenda []*Item
	Mine   []*Item // what I owe them
	Theirs []*Item // what they owe me
}

// Shared builds the share-safe agenda for meeting p.
func (s *Snapshot) Shared(p *Person) *Shared {
	between := func(it *Item) bool { return len(it.With) == 1 && it.With[0] == p.Slug }
	sh := &Shared{Person: p, Agenda: pick(s.Agenda(p.Slug), between)}
	for _, it := range s.OpenWith(p.Slug) {
		switch {
		case !between(it):
		case it.Mine():
			sh.Mine = append(sh.Mine, it)
		case it.Owner == p.Slug:
			sh.Theirs = append(sh.Theirs, it)
		}
	}
	return sh
}

// Markdown renders the shared agenda as task lists under a heading with
// the day of the meeting. Items lose what only you keep: the mention of
// whom they are owed by and the days you chased them.
func (sh *Shared) Markdown(day time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s and me, %s\n", sh.Person.Name, day.Format("Mon 2 Jan 2006"))
	list := func(title string, items []*Item, empty string) {
		fmt.Fprintf(&b, "\n### %s\n\n", title)
		if len(items) == 0 {
			fmt.Fprintf(&b, "%s\n", empty)
		}
		for _, it := range items {
			fmt.Fprintf(&b, "- [ ] %s\n", owedText(it))
		}
	}
	list("Agenda", sh.Agenda, "Nothing queued yet.")
	list("I owe "+sh.Person.Name, sh.Mine, "Nothing open.")
	list(sh.Person.Name+" owes me", sh.Theirs, "Nothing open.")
	return b.String()
}

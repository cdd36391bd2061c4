package journal

import (
	"sort"
	"time"

	"github.com/lead-journal/lead/journal/when"
)

// Contact is where a relationship stands: when you last met and whether
// that is longer ago than you want.
type Contact struct {
	Person    *Person
	Direction string
	Cadence   when.Span // zero when none is wanted
	Last      *Entry    // the newest entry with them up to now; nil if none
	Due       time.Time // when the next contact is due; zero without a cadence
	Overdue   bool      // past due (or never met) and not snoozed
	Snoozed   bool
}

// Never reports whether there is no entry with the person yet.
func (c Contact) Never() bool { return c.Last == nil }

// DaysSince is the number of calendar days since the last contact, -1 if none.
func (c Contact) DaysSince(now time.Time) int {
	if c.Last == nil {
		return -1
	}
	return int(when.Day(now).Sub(when.Day(c.Last.Date.In(now.Location()))).Hours()+12) / 24
}

// CadenceOf returns the wanted contact interval for a person: their own
// cadence, else their relation's default; zero when neither is set.
func (s *Snapshot) CadenceOf(p *Person) when.Span {
	c := p.Cadence
	if c == "" {
		c = s.Journal.Config.Relations[p.Relation].Cadence
	}
	span, _ := when.ParseSpan(c) // both were validated when read
	return span
}

// LastContact returns the newest entry with the person dated no later
// than now, or nil. It is always computed from the entries themselves.
func (s *Snapshot) LastContact(slug string, now time.Time) *Entry {
	for _, e := range s.Entries {
		if !e.Date.After(now) && e.Has(slug) {
			return e
		}
	}
	return nil
}

// ContactOf computes where the relationship with p stands at now.
func (s *Snapshot) ContactOf(p *Person, now time.Time) Contact {
	return s.contact(p, s.LastContact(p.Slug, now), now)
}

func (s *Snapshot) contact(p *Person, last *Entry, now time.Time) Contact {
	c := Contact{Person: p, Direction: s.Direction(p), Cadence: s.CadenceOf(p), Last: last}
	c.Snoozed = now.Before(p.SnoozeUntil)
	if c.Cadence.IsZero() {
		return c
	}
	if c.Last != nil {
		c.Due = when.Day(c.Cadence.After(c.Last.Date.In(now.Location())))
	}
	c.Overdue = !c.Snoozed && (c.Last == nil || !now.Before(c.Due.AddDate(0, 0, 1)))
	return c
}

// Contacts returns ContactOf for everyone, by slug.
func (s *Snapshot) Contacts(now time.Time) []Contact {
	last := make(map[string]*Entry, len(s.People))
	for _, e := range s.Entries { // newest first: stop once everyone is found
		if len(last) == len(s.people) {
			break
		}
		if e.Date.After(now) {
			continue
		}
		for _, slug := range e.With {
			if last[slug] == nil && s.people[slug] != nil {
				last[slug] = e
			}
		}
	}
	out := make([]Contact, 0, len(s.People))
	for _, p := range s.People {
		out = append(out, s.contact(p, last[p.Slug], now))
	}
	return out
}

// Overdue returns the contacts overdue at now, longest overdue first and
// never-met people last.
func (s *Snapshot) Overdue(now time.Time) []Contact {
	return overdue(s.Contacts(now))
}

// overdue picks the overdue contacts, longest overdue first and never-met
// people last.
func overdue(contacts []Contact) []Contact {
	var out []Contact
	for _, c := range contacts {
		if c.Overdue {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Never() != out[b].Never() {
			return !out[a].Never()
		}
		return out[a].Due.Before(out[b].Due)
	})
	return out
}

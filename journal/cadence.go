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
	Cadence   when.Cadence // zero when none is wanted
	Last      *Entry       // the newest entry with them up to now; nil if none
	Due       time.Time    // the day the next contact is due (the ideal); zero without a cadence
	Late      time.Time    // the last day before it is overdue (the limit); zero without a cadence
	Overdue   bool         // past the limit (or never met) and not snoozed
	Lapsed    bool         // past twice the limit: the relationship is going cold
	Snoozed   bool
}

// Grades of a relationship's health, as Contact.Grade gives them.
const (
	GradeOK      = "ok"      // within the ideal
	GradeDue     = "due"     // past the ideal, within the limit
	GradeOverdue = "overdue" // past the limit
	GradeLapsed  = "lapsed"  // past twice the limit
	GradeNever   = "never"   // never met
	GradeSnoozed = "snoozed"
	GradeNone    = "-" // no cadence wanted
)

// Grade says where the relationship stands at now: ok, due, overdue,
// lapsed, never, snoozed, or "-" without a cadence.
func (c Contact) Grade(now time.Time) string {
	switch {
	case c.Snoozed:
		return GradeSnoozed
	case c.Cadence.IsZero():
		return GradeNone
	case c.Never():
		return GradeNever
	case c.Lapsed:
		return GradeLapsed
	case c.Overdue:
		return GradeOverdue
	case !now.Before(c.Due.AddDate(0, 0, 1)):
		return GradeDue
	}
	return GradeOK
}

// Staleness is how many limits of the cadence have passed since the last
// contact: past 1 it is overdue, past 2 lapsed.
func (c Contact) Staleness(now time.Time) float64 {
	if c.Last == nil || c.Cadence.Limit.Days() == 0 {
		return 0
	}
	return float64(c.DaysSince(now)) / float64(c.Cadence.Limit.Days())
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

// CadenceOf returns the wanted contact cadence for a person: their own,
// else their relation's default; zero when neither is set.
func (s *Snapshot) CadenceOf(p *Person) when.Cadence {
	c := p.Cadence
	if c == "" {
		c = s.Journal.Config.Relations[p.Relation].Cadence
	}
	cadence, _ := when.ParseCadence(c) // both were validated when read
	return cadence
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
	past := func(limit time.Time) bool { return !now.Before(limit.AddDate(0, 0, 1)) }
	if c.Last != nil {
		last := c.Last.Date.In(now.Location())
		c.Due = when.Day(c.Cadence.Ideal.After(last))
		c.Late = when.Day(c.Cadence.Limit.After(last))
		c.Lapsed = !c.Snoozed && past(when.Day(c.Cadence.Limit.After(c.Cadence.Limit.After(last))))
	}
	c.Overdue = !c.Snoozed && (c.Last == nil || past(c.Late))
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

// Overdue returns the contacts overdue at now, ranked as the review ranks
// them (see overdue).
func (s *Snapshot) Overdue(now time.Time) []Contact {
	return overdue(s.Contacts(now), now)
}

// overdue picks the contacts overdue at now and ranks them: by influence
// (high, medium, unset, low), then the stalest first (the most limits of
// their cadence since you met), then longest overdue; never-met people
// last.
func overdue(contacts []Contact, now time.Time) []Contact {
	var out []Contact
	for _, c := range contacts {
		if c.Overdue {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		x, y := out[a], out[b]
		if x.Never() != y.Never() {
			return !x.Never()
		}
		if ix, iy := Level(x.Person.Influence), Level(y.Person.Influence); ix != iy {
			return ix > iy
		}
		if sx, sy := x.Staleness(now), y.Staleness(now); sx != sy {
			return sx > sy
		}
		return x.Late.Before(y.Late)
	})
	return out
}

// contactNote is what the review adds to an overdue contact: their
// influence when set, and whether the relationship has lapsed.
func contactNote(c Contact) string {
	note := ""
	if c.Person.Influence != "" {
		note += "; influence " + c.Person.Influence
	}
	if c.Lapsed {
		note += "; **lapsed**: reach out this week"
	}
	return note
}

package journal

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal/calendar"
)

// Meeting is a calendar event read against the journal.
type Meeting struct {
	calendar.Event
	People   []*Person           // attendees in the journal, matched by email, then by name
	Unknown  []calendar.Attendee // attendees who are not, the user left out
	Kind     string              // the kind an entry of it gets
	Declined bool                // the user declined the invitation
	Logged   *Entry              // the newest entry with its people near its time, or nil
}

// LoggedWithin is how near to a meeting an entry with its people must be
// to count as its record.
const LoggedWithin = 2 * time.Hour

// Meetings reads events against the journal: who is in each, the kind of
// entry it makes, whether the user declined it and whether it is logged.
// me holds the user's own addresses.
func (s *Snapshot) Meetings(events []calendar.Event, me []string) []Meeting {
	me = lowerAll(me)
	byEmail := map[string]*Person{}
	for _, p := range s.People {
		for _, e := range p.Email {
			byEmail[strings.ToLower(e)] = p
		}
	}
	out := make([]Meeting, 0, len(events))
	for _, ev := range events {
		m := Meeting{Event: ev, Declined: ev.Response(me) == "DECLINED"}
		for _, a := range participants(ev) {
			a.Email = strings.ToLower(a.Email)
			if a.Email != "" && slices.Contains(me, a.Email) {
				continue
			}
			p := byEmail[a.Email]
			if p == nil && a.Name != "" {
				p = s.personNamed(a.Name)
			}
			switch {
			case p == nil:
				m.Unknown = append(m.Unknown, a)
			case !slices.Contains(m.People, p):
				m.People = append(m.People, p)
			}
		}
		m.Kind = s.meetingKind(m)
		m.Logged = s.loggedAt(m)
		out = append(out, m)
	}
	return out
}

// participants are an event's attendees and its organizer, once each.
func participants(ev calendar.Event) []calendar.Attendee {
	o := ev.Organizer
	same := func(a calendar.Attendee) bool {
		if o.Email != "" {
			return strings.EqualFold(a.Email, o.Email)
		}
		return strings.EqualFold(a.Name, o.Name)
	}
	if (o.Email == "" && o.Name == "") || slices.ContainsFunc(ev.Attendees, same) {
		return ev.Attendees
	}
	return append(slices.Clip(ev.Attendees), o)
}

// personNamed finds a person by exact name or slug, not by prefix: a
// calendar's display name is matched only when it is theirs.
func (s *Snapshot) personNamed(name string) *Person {
	if p := s.Person(Slugify(name)); p != nil {
		return p
	}
	for _, p := range s.People {
		if strings.EqualFold(p.Name, name) {
			return p
		}
	}
	return nil
}

// meetingKind is 1on1 for a meeting with one other person, skip-level
// when that person is a skip, meeting otherwise; a kind the journal's
// configuration lacks falls back to meeting.
func (s *Snapshot) meetingKind(m Meeting) string {
	kind := "meeting"
	if len(m.People)+len(m.Unknown) == 1 {
		kind = "1on1"
		if len(m.People) == 1 && m.People[0].Relation == "skip" {
			kind = "skip-level"
		}
	}
	if !containsFold(s.Journal.Config.Kinds, kind) {
		return "meeting"
	}
	return kind
}

// loggedAt returns the newest entry with one of the meeting's people
// dated from LoggedWithin before its start to LoggedWithin after its end.
func (s *Snapshot) loggedAt(m Meeting) *Entry {
	if len(m.People) == 0 {
		return nil
	}
	from, to := m.Start.Add(-LoggedWithin), m.End.Add(LoggedWithin)
	// Entries are newest first: start at the first not after to.
	i := sort.Search(len(s.Entries), func(i int) bool { return !s.Entries[i].Date.After(to) })
	for ; i < len(s.Entries) && !s.Entries[i].Date.Before(from); i++ {
		for _, p := range m.People {
			if s.Entries[i].Has(p.Slug) {
				return s.Entries[i]
			}
		}
	}
	return nil
}

// Unlogged returns the meetings that ended before now, with people of the
// journal, that the user did not decline, that are not all-day, and that
// have no entry; oldest first.
func Unlogged(meetings []Meeting, now time.Time) []Meeting {
	var out []Meeting
	for _, m := range meetings {
		if len(m.People) > 0 && !m.Declined && !m.AllDay && !m.End.After(now) && m.Logged == nil {
			out = append(out, m)
		}
	}
	return out
}

// Brief is what prep puts first for one person: overdue commitments both
// ways, the queued agenda and the last contact.
type Brief struct {
	Contact Contact
	Overdue []*Item
	Agenda  []*Item
}

// Brief returns the brief for meeting p at now.
func (s *Snapshot) Brief(p *Person, now time.Time) Brief {
	b := Brief{Contact: s.ContactOf(p, now), Agenda: s.Agenda(p.Slug)}
	for _, it := range s.OpenWith(p.Slug) {
		if it.Overdue(now) {
			b.Overdue = append(b.Overdue, it)
		}
	}
	return b
}

func lowerAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strings.ToLower(strings.TrimSpace(s))
	}
	return out
}

package journal

import (
	"testing"
	"time"

	"github.com/lead-journal/lead/journal/calendar"
)

// Attendees are matched by email (any of a person's, in any case), then
// by exact name, never by prefix; the organizer counts; the user is left
// out; the kind follows the others in the meeting; an entry with its people
// within two hours of it logs it.
func TestMeetings(t *testing.T) {
	j := testJournal(t)
	writeFile(t, j, "people/dana-smith.md", "---\nname: Dana Smith\nrelation: boss\nemail: [dana@example.com, D.Smith@Corp.example]\n---\n")
	writeFile(t, j, "people/pat-jones.md", "---\nname: Pat Jones\nrelation: skip\n---\n")
	writeFile(t, j, "people/lee-wong.md", "---\nname: Lee Wong\nrelation: peer\n---\n")
	writeFile(t, j, "entries/logged.md", "---\ndate: 2026-11-20T12:45:00-05:00\nwith: [dana-smith]\n---\nNotes.\n")
	writeFile(t, j, "entries/too-late.md", "---\ndate: 2026-11-19T17:01:00-05:00\nwith: [pat-jones]\n---\nNotes.\n")
	s := read(j, Everything)
	at := func(day, hour int) time.Time { return time.Date(2026, 11, day, hour, 0, 0, 0, newYork) }
	me := calendar.Attendee{Name: "Alex", Email: "alex@example.com", Status: "ACCEPTED"}
	events := []calendar.Event{
		{ID: "1", Title: "by second address", Start: at(20, 10), End: at(20, 11),
			Attendees: []calendar.Attendee{me, {Name: "Someone Else", Email: "d.smith@corp.example"}}},
		{ID: "2", Title: "organizer only, by name", Start: at(19, 14), End: at(19, 15),
			Organizer: calendar.Attendee{Name: "Pat Jones"}, Attendees: []calendar.Attendee{me}},
		{ID: "3", Title: "a prefix is no match", Start: at(18, 9), End: at(18, 10),
			Attendees: []calendar.Attendee{me, {Name: "Lee"}, {Name: "Dana Smith", Email: "dana@example.com"}}},
		{ID: "4", Title: "declined", Start: at(17, 9), End: at(17, 10),
			Attendees: []calendar.Attendee{{Email: "ALEX@example.com", Status: "DECLINED"}, {Email: "dana@example.com"}}},
	}
	meetings := s.Meetings(events, []string{"Alex@Example.com"})
	for i, want := range []struct {
		people, unknown int
		kind            string
		logged          string
		declined        bool
	}{
		{1, 0, "1on1", "logged", false}, // 12:45 is within two hours of 11:00
		{1, 0, "skip-level", "", false}, // 17:01 is more than two hours after 15:00
		{1, 1, "meeting", "", false},    // "Lee" is not Lee Wong
		{1, 0, "1on1", "", true},
	} {
		m := meetings[i]
		logged := ""
		if m.Logged != nil {
			logged = m.Logged.ID
		}
		if len(m.People) != want.people || len(m.Unknown) != want.unknown || m.Kind != want.kind || logged != want.logged || m.Declined != want.declined {
			t.Errorf("%s: %d people %d unknown, kind %s, logged %q, declined %v; want %+v", m.Title, len(m.People), len(m.Unknown), m.Kind, logged, m.Declined, want)
		}
	}
	if p := meetings[0].People; len(p) == 1 && p[0].Slug != "dana-smith" {
		t.Errorf("matched %s", p[0].Slug)
	}
	unlogged := Unlogged(meetings, at(22, 16))
	if len(unlogged) != 2 || unlogged[0].ID != "2" || unlogged[1].ID != "3" {
		t.Errorf("unlogged %v, want the skip-level and the meeting: logged and declined ones are not", unlogged)
	}
}

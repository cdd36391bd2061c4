package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/calendar"
	"github.com/lead-journal/lead/journal/when"
	"github.com/spf13/pflag"
)

// calendarCacheDir is where fetched calendars are kept, inside .lead/.
const calendarCacheDir = ".lead/calendar"

// calendarFlag is --ics, shared by the commands that read the calendar.
func calendarFlag(f *pflag.FlagSet, ics *string) {
	f.StringVar(ics, "ics", "", "calendar: an .ics file or an http(s) address (default calendar: in the user config)")
}

// source returns the calendar to read: --ics, else calendar: in the user
// config.
func (a *app) source(ics string, uc userConfig) (calendar.Source, error) {
	j, err := a.open()
	if err != nil {
		return calendar.Source{}, err
	}
	location := ics
	if location == "" {
		if uc.Calendar == "" {
			return calendar.Source{}, usagef("no calendar: pass --ics FILE or URL, or set calendar: in %s", uc.path)
		}
		if location, err = a.expandHome(uc.Calendar); err != nil {
			return calendar.Source{}, err
		}
	}
	return calendar.Source{Location: location, CacheDir: j.Abs(calendarCacheDir), Offline: a.offline}, nil
}

// meetings reads the calendar's events in [from, to) against the journal.
func (a *app) meetings(s *journal.Snapshot, ics string, from, to time.Time) ([]journal.Meeting, error) {
	uc, err := a.userConfig()
	if err != nil {
		return nil, err
	}
	src, err := a.source(ics, uc)
	if err != nil {
		return nil, err
	}
	data, warning, err := src.Read(context.Background(), a.env.Now())
	if err != nil {
		return nil, err
	}
	if warning != "" {
		a.warnf("%s", warning)
	}
	cal, err := calendar.Parse(bytes.NewReader(data), a.env.Now().Location())
	if err != nil {
		return nil, fmt.Errorf("%s: %v", src, err)
	}
	events, err := cal.Between(from, to)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", src, err)
	}
	for _, w := range cal.Warnings {
		a.warnf("%s: %s", src, w)
	}
	me := uc.Email
	switch {
	case len(me) > 0:
	case cal.Owner != "":
		me = []string{cal.Owner}
		a.infof("taking %s, the calendar's name, as you; set email: in %s to say so", cal.Owner, uc.path)
	default:
		a.warnf("set email: in %s so that lead knows which attendee is you", uc.path)
	}
	return s.Meetings(events, me), nil
}

// parseDay reads --day: a date, today, yesterday, tomorrow or a weekday
// (the next one).
func parseDay(s string, now time.Time) (time.Time, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "today":
		return when.Day(now), nil
	case "yesterday":
		return when.Day(now.AddDate(0, 0, -1)), nil
	}
	t, err := when.Due(s, now)
	if err != nil {
		return time.Time{}, usagef("--day: %q is not a day: try 2026-11-23, tomorrow or mon", s)
	}
	return t, nil
}

// meetingJSON is a meeting in --json output; see docs/format.md.
type meetingJSON struct {
	ID       string         `json:"id"`
	UID      string         `json:"uid"`
	Title    string         `json:"title"`
	Start    string         `json:"start"`
	End      string         `json:"end"`
	AllDay   bool           `json:"all_day"`
	Location string         `json:"location"`
	Kind     string         `json:"kind"`
	Declined bool           `json:"declined"`
	People   []attendeeJSON `json:"people"`
	Unknown  []strangerJSON `json:"unknown"`
	Logged   *string        `json:"logged"`
	Log      string         `json:"log"`
	Brief    []briefJSON    `json:"brief,omitempty"`
}

type attendeeJSON struct {
	Slug      string `json:"slug"`
	Name      string `json:"name"`
	Relation  string `json:"relation"`
	Direction string `json:"direction"`
}

type strangerJSON struct {
	Name  string `json:"name"`
	Email string `json:"email"`
	Add   string `json:"add"`
}

type briefJSON struct {
	Slug      string     `json:"slug"`
	DaysSince *int       `json:"days_since"`
	Overdue   []itemJSON `json:"overdue"`
	Agenda    []itemJSON `json:"agenda"`
}

func (a *app) toMeetingJSON(s *journal.Snapshot, m journal.Meeting, brief bool, now time.Time) meetingJSON {
	out := meetingJSON{ID: m.ID, UID: m.UID, Title: m.Title, Start: m.Start.Format(time.RFC3339), End: m.End.Format(time.RFC3339),
		AllDay: m.AllDay, Location: m.Location, Kind: m.Kind, Declined: m.Declined, People: []attendeeJSON{}, Unknown: []strangerJSON{},
		Log: logLine(m)}
	for _, p := range m.People {
		out.People = append(out.People, attendeeJSON{p.Slug, p.Name, p.Relation, s.Direction(p)})
		if brief {
			b := s.Brief(p, now)
			bj := briefJSON{Slug: p.Slug, Overdue: itemsJSON(b.Overdue, now), Agenda: itemsJSON(b.Agenda, now)}
			if !b.Contact.Never() {
				days := b.Contact.DaysSince(now)
				bj.DaysSince = &days
			}
			out.Brief = append(out.Brief, bj)
		}
	}
	for _, u := range m.Unknown {
		out.Unknown = append(out.Unknown, strangerJSON{u.Name, u.Email, addLine(u)})
	}
	if m.Logged != nil {
		out.Logged = &m.Logged.ID
	}
	return out
}

// logLine is the command that logs a meeting.
func logLine(m journal.Meeting) string { return "lead log --event " + m.ID }

// addLine is the command that adds an attendee the journal lacks.
func addLine(u calendar.Attendee) string {
	name := u.Name
	if name == "" || strings.Contains(name, "@") {
		name, _, _ = strings.Cut(u.Email, "@")
	}
	line := "lead people add " + shellQuote(name)
	if u.Email != "" {
		line += " --email " + shellQuote(u.Email)
	}
	return line
}

// shellQuote quotes s for a POSIX shell when it needs quoting.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("@._-+/", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// span is a meeting's time of day, or "all day".
func span(m journal.Meeting) string {
	if m.AllDay {
		return "all day"
	}
	return m.Start.Format("15:04") + "–" + m.End.Format("15:04")
}

// printMeeting writes one meeting: its time, title, kind and id, its
// people with their direction, and with brief what prep would put first
// for each.
func (a *app) printMeeting(w io.Writer, s *journal.Snapshot, m journal.Meeting, brief bool, now time.Time) {
	head := fmt.Sprintf("%-11s  %s", span(m), a.paint("bold", m.Title))
	if m.Title == "" {
		head = fmt.Sprintf("%-11s  %s", span(m), "(no title)")
	}
	tags := m.Kind
	if m.Declined {
		tags = "declined"
	}
	if m.Logged != nil {
		tags += ", logged"
	}
	fmt.Fprintf(w, "%s  [%s]  %s\n", head, tags, a.paint("dim", m.ID))
	if m.Declined {
		return
	}
	for _, p := range m.People {
		c := s.ContactOf(p, now)
		last := "never met"
		if !c.Never() {
			last = "last contact " + ago(c.DaysSince(now))
		}
		fmt.Fprintf(w, "    %s (%s) · %s\n", p.Name, strings.Trim(p.Relation+", "+s.Direction(p), ", "), last)
		if !brief {
			continue
		}
		b := s.Brief(p, now)
		refs := s.ItemRefs(slices.Concat(b.Overdue, b.Agenda))
		for i, it := range b.Overdue {
			who := "you owe"
			if !it.Mine() {
				who = "owed to you"
			}
			fmt.Fprintf(w, "      %s %s: %s  %s\n", a.paint("overdue", "overdue"), who, it.Text, a.paint("dim", refs[i]))
		}
		for i, it := range b.Agenda {
			fmt.Fprintf(w, "      agenda: %s  %s\n", it.Text, a.paint("dim", refs[len(b.Overdue)+i]))
		}
	}
	for _, u := range m.Unknown {
		who := u.Name
		if u.Email != "" && who != u.Email {
			who = strings.TrimSpace(who + " <" + u.Email + ">")
		}
		fmt.Fprintf(w, "    %s — not in the journal: %s\n", who, addLine(u))
	}
}

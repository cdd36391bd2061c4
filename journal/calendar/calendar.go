// Package calendar reads iCalendar (RFC 5545) files as the meetings they
// hold: recurring series expanded with their exceptions, times in their
// own zones (IANA names, the Windows names Outlook writes, or the file's
// VTIMEZONE definitions), floating times and all-day events in the
// user's. It parses with github.com/arran4/golang-ical and expands
// recurrences with github.com/teambition/rrule-go; it knows nothing of the
// journal or the command line.
package calendar

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"net/mail"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	ics "github.com/arran4/golang-ical"
	"github.com/teambition/rrule-go"
)

// Event is one occurrence of a meeting.
type Event struct {
	ID        string // short and stable: from the UID and the occurrence's original start
	UID       string
	Title     string
	Start     time.Time
	End       time.Time
	AllDay    bool // Start and End are midnights, End exclusive
	Location  string
	Organizer Attendee
	Attendees []Attendee // people: not rooms, resources or groups (CUTYPE)
}

// Attendee is a person invited to an event.
type Attendee struct {
	Name   string // CN, when given
	Email  string // lower case, without mailto:
	Status string // PARTSTAT: ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION, ...
}

// Response returns the PARTSTAT of the first attendee with one of the
// addresses, or "" when none of them is invited.
func (e *Event) Response(addresses []string) string {
	for _, a := range e.Attendees {
		if slices.ContainsFunc(addresses, func(address string) bool { return strings.EqualFold(address, a.Email) }) {
			return a.Status
		}
	}
	return ""
}

// Calendar is a parsed iCalendar file.
type Calendar struct {
	series   []*series
	zones    *zones
	Warnings []string // what was read with a guess, e.g. an unknown TZID
	// Owner is the address the calendar is named by, as Google Calendar
	// names a user's calendar (X-WR-CALNAME), or "".
	Owner string
}

// series is a VEVENT with its overridden instances.
type series struct {
	master    *ics.VEvent
	overrides []*ics.VEvent
}

// Parse reads an iCalendar stream. Floating times and dates are in local.
func Parse(r io.Reader, local *time.Location) (*Calendar, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data, dropped := dropBrokenLines(data)
	// Properties between components are not RFC 5545, but some
	// programs write them; they are kept as calendar properties.
	cal, err := ics.ParseCalendarWithOptions(bytes.NewReader(data), ics.WithUnknownPropertyHandler(ics.AcceptUnknownPropertyHandler))
	if err != nil {
		return nil, err
	}
	c := &Calendar{zones: newZones(cal, local), Warnings: dropped}
	for _, p := range cal.CalendarProperties {
		if strings.EqualFold(p.IANAToken, "X-WR-CALNAME") {
			if a, err := mail.ParseAddress(strings.TrimSpace(p.Value)); err == nil && a.Name == "" {
				c.Owner = strings.ToLower(a.Address)
			}
		}
	}
	byUID := map[string]*series{}
	for _, ev := range cal.Events() {
		uid := ev.Id()
		s := byUID[uid]
		if s == nil || uid == "" {
			s = &series{}
			if uid != "" {
				byUID[uid] = s
			}
			c.series = append(c.series, s)
		}
		if rid := ev.GetProperty(ics.ComponentPropertyRecurrenceId); rid != nil {
			i := slices.IndexFunc(s.overrides, func(o *ics.VEvent) bool {
				return o.GetProperty(ics.ComponentPropertyRecurrenceId).Value == rid.Value
			})
			switch {
			case i < 0:
				s.overrides = append(s.overrides, ev)
			case sequenceOf(ev) >= sequenceOf(s.overrides[i]):
				s.overrides[i] = ev
			}
		} else if s.master == nil || sequenceOf(ev) >= sequenceOf(s.master) {
			s.master = ev // of two versions of one event, the later (RFC 5545 §3.8.7.4)
		}
	}
	return c, nil
}

// sequenceOf is an event's SEQUENCE, its revision; 0 when none.
func sequenceOf(v *ics.VEvent) int {
	n, _ := strconv.Atoi(text(v, ics.ComponentPropertySequence))
	return n
}

// dropBrokenLines leaves out the content lines without a value, which
// some programs write (Apple's "X-APPLE-RADIUS=49.9" has lost its colon)
// and which would make the whole calendar unreadable, and says which.
func dropBrokenLines(data []byte) ([]byte, []string) {
	var out bytes.Buffer
	var dropped []string
	lines := bytes.SplitAfter(data, []byte("\n"))
	for i := 0; i < len(lines); {
		j := i + 1 // a content line with its folded continuations
		for j < len(lines) && len(lines[j]) > 0 && (lines[j][0] == ' ' || lines[j][0] == '\t') {
			j++
		}
		logical := bytes.Join(lines[i:j], nil)
		if text := bytes.TrimSpace(logical); len(text) > 0 && valueStart(text) < 0 {
			dropped = append(dropped, fmt.Sprintf("line %d: %q is not a content line (NAME:VALUE); left out", i+1, clean(string(text))))
		} else {
			out.Write(showParamControls(logical))
		}
		i = j
	}
	return out.Bytes(), dropped
}

// valueStart is the index of the colon that begins an unfolded content
// line's value, outside quoted parameter values; -1 when there is none.
func valueStart(line []byte) int {
	quoted := false
	for i, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case c == ':' && !quoted:
			return i
		}
	}
	return -1
}

// showParamControls writes the control characters in a content line's
// name and parameters (an attendee's CN, say) in caret notation, ESC as
// ^[, as lead shows them on a terminal: RFC 5545 allows none there, and
// the parser would refuse the whole calendar for one. Line breaks,
// folding and tabs are left as they are.
func showParamControls(logical []byte) []byte {
	end := valueStart(logical)
	if end < 0 {
		end = len(logical)
	}
	params := logical[:end]
	if !slices.ContainsFunc(params, isControl) {
		return logical
	}
	var b []byte
	for _, c := range params {
		if isControl(c) {
			b = append(b, '^', c^0x40) // ESC is ^[, DEL ^?
		} else {
			b = append(b, c)
		}
	}
	return append(b, logical[end:]...)
}

// isControl says whether c is an ASCII control character other than a
// tab or a line break.
func isControl(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7f
}

// Between returns the events that overlap [from, to), by start time, in
// the local zone Parse was given. An event that cannot be read is left out
// and said so in Warnings.
func (c *Calendar) Between(from, to time.Time) ([]Event, error) {
	var out []Event
	for _, s := range c.series {
		events, err := c.expand(s, from, to)
		if err != nil { // one broken event does not hide the others
			c.Warnings = append(c.Warnings, err.Error()+"; left out")
			continue
		}
		for _, ev := range events {
			ev.Start, ev.End = ev.Start.In(c.zones.local), ev.End.In(c.zones.local)
			out = append(out, ev)
		}
	}
	for tzid := range c.zones.unknown {
		c.Warnings = append(c.Warnings, fmt.Sprintf("time zone %q is neither an IANA nor a Windows name and has no VTIMEZONE; read as local time", tzid))
	}
	clear(c.zones.unknown)
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Start.Equal(out[j].Start) {
			return out[i].Start.Before(out[j].Start)
		}
		return out[i].Title < out[j].Title
	})
	return out, nil
}

// expand returns a series' occurrences in the window: the master's by its
// rule, each replaced by its override where there is one, without
// excluded and cancelled ones.
func (c *Calendar) expand(s *series, from, to time.Time) ([]Event, error) {
	m := s.master
	allDay := false
	if m != nil {
		if start := m.GetProperty(ics.ComponentPropertyDtStart); start != nil {
			allDay = isDateValue(start)
		}
	}
	overridden := map[time.Time]bool{}
	var out []Event
	for _, o := range s.overrides {
		rid, err := c.timeOf(o.GetProperty(ics.ComponentPropertyRecurrenceId))
		if err != nil {
			return nil, c.problem(o, "RECURRENCE-ID", err)
		}
		original := rid.t
		if allDay { // Outlook gives the day of an all-day series as midnight in its zone
			w := rid.zone.wall(rid.t)
			if rid.date {
				w = wallOf(rid.t)
			}
			original = time.Date(w.Year(), w.Month(), w.Day(), 0, 0, 0, 0, c.zones.local)
		}
		overridden[original.UTC()] = true
		if ev, ok, err := c.event(o, original); err != nil {
			return nil, err
		} else if ok && overlaps(ev, from, to) {
			out = append(out, ev)
		}
	}
	if m == nil || statusOf(m) == "CANCELLED" {
		return out, nil
	}
	first, ok, err := c.event(m, time.Time{})
	if err != nil || !ok {
		return out, err
	}
	starts, err := c.starts(m, first, from, to)
	if err != nil {
		return nil, err
	}
	length := first.End.Sub(first.Start)
	for _, start := range starts {
		if overridden[start.UTC()] {
			continue
		}
		ev := first
		ev.Start, ev.End = start, start.Add(length)
		if ev.AllDay { // a day is a day, whatever the offset changes within it
			ev.End = dayAfter(start, int(length.Hours()/24+0.5))
		}
		ev.ID = eventID(ev.UID, start)
		if overlaps(ev, from, to) {
			out = append(out, ev)
		}
	}
	return out, nil
}

// starts returns the start of each occurrence of a master event that may
// overlap the window: one for an event without RRULE or RDATE.
func (c *Calendar) starts(m *ics.VEvent, first Event, from, to time.Time) ([]time.Time, error) {
	var rules []*ics.IANAProperty
	for _, r := range m.GetProperties(ics.ComponentPropertyRrule) {
		if strings.TrimSpace(r.Value) != "" { // some programs write an empty RRULE
			rules = append(rules, r)
		}
	}
	rdates := m.GetProperties(ics.ComponentPropertyRdate)
	if len(rules) == 0 && len(rdates) == 0 {
		return []time.Time{first.Start}, nil
	}
	dtstart, _ := c.timeOf(m.GetProperty(ics.ComponentPropertyDtStart))
	z := dtstart.zone
	if first.AllDay { // days are the user's days
		z = locationZone{c.zones.local}
	}
	var set rrule.Set
	wallStart := z.wall(first.Start)
	if len(rules) > 0 {
		text := strings.ReplaceAll(rules[0].Value, " ", "") // Outlook has written BYDAY=MO, TU
		opt, err := rrule.StrToROptionInLocation(text, time.UTC)
		if err != nil {
			return nil, c.problem(m, "RRULE", err)
		}
		if until := untilOf(text); strings.HasSuffix(until, "Z") {
			opt.Until = z.wall(opt.Until) // an instant: compare it by the zone's clock
		}
		opt.Dtstart = wallStart
		rule, err := rrule.NewRRule(*opt)
		if err != nil {
			return nil, c.problem(m, "RRULE", err)
		}
		set.RRule(rule)
	}
	set.DTStart(wallStart)
	if len(rules) == 0 {
		set.RDate(wallStart) // the start is an occurrence of its own (RFC 5545 §3.8.5.2)
	}
	for _, p := range rdates {
		times, err := c.timesOf(p)
		if err != nil {
			return nil, c.problem(m, "RDATE", err)
		}
		for _, t := range times {
			set.RDate(z.wall(t))
		}
	}
	exDays := map[string]bool{} // EXDATE;VALUE=DATE on a timed series: the whole day
	for _, p := range m.GetProperties(ics.ComponentPropertyExdate) {
		times, err := c.timesOf(p)
		if err != nil {
			return nil, c.problem(m, "EXDATE", err)
		}
		for _, t := range times {
			if isDateValue(p) && !first.AllDay {
				exDays[t.Format(time.DateOnly)] = true
				continue
			}
			set.ExDate(z.wall(t))
		}
	}
	length := first.End.Sub(first.Start)
	walls := set.Between(z.wall(from.Add(-length)).Add(-26*time.Hour), z.wall(to).Add(26*time.Hour), true)
	out := make([]time.Time, 0, len(walls))
	for _, w := range walls {
		switch {
		case exDays[w.Format(time.DateOnly)]:
		case first.AllDay:
			out = append(out, time.Date(w.Year(), w.Month(), w.Day(), 0, 0, 0, 0, c.zones.local))
		default:
			out = append(out, z.instant(w))
		}
	}
	return out, nil
}

// untilOf returns the UNTIL value of an RRULE, or "".
func untilOf(rule string) string {
	for _, part := range strings.Split(rule, ";") {
		if k, v, ok := strings.Cut(part, "="); ok && strings.EqualFold(k, "UNTIL") {
			return strings.ToUpper(v)
		}
	}
	return ""
}

// event reads a VEVENT's own properties; original is the start of the
// occurrence it overrides, or zero. ok is false for a cancelled one.
func (c *Calendar) event(v *ics.VEvent, original time.Time) (Event, bool, error) {
	if statusOf(v) == "CANCELLED" {
		return Event{}, false, nil
	}
	start, err := c.timeOf(v.GetProperty(ics.ComponentPropertyDtStart))
	if err != nil {
		return Event{}, false, c.problem(v, "DTSTART", err)
	}
	ev := Event{UID: v.Id(), Title: text(v, ics.ComponentPropertySummary), Location: text(v, ics.ComponentPropertyLocation),
		Start: start.t, AllDay: start.date}
	if original.IsZero() {
		original = start.t
	}
	ev.ID = eventID(ev.UID, original)
	switch end, dur := v.GetProperty(ics.ComponentPropertyDtEnd), v.GetProperty(ics.ComponentPropertyDuration); {
	case end != nil:
		t, err := c.timeOf(end)
		if err != nil {
			return Event{}, false, c.problem(v, "DTEND", err)
		}
		ev.End = t.t
	case dur != nil:
		d, err := durationOf(dur.Value)
		if err != nil {
			return Event{}, false, c.problem(v, "DURATION", err)
		}
		ev.End = ev.Start.Add(d)
		if ev.AllDay {
			ev.End = dayAfter(ev.Start, int(d.Hours()/24))
		}
	case ev.AllDay:
		ev.End = dayAfter(ev.Start, 1)
	default:
		ev.End = ev.Start
	}
	if ev.End.Before(ev.Start) {
		ev.End = ev.Start
	}
	if p := v.GetProperty(ics.ComponentPropertyOrganizer); p != nil {
		ev.Organizer = attendeeOf(p)
	}
	for _, p := range v.GetProperties(ics.ComponentPropertyAttendee) {
		if cu := strings.ToUpper(param(p, "CUTYPE")); cu == "ROOM" || cu == "RESOURCE" || cu == "GROUP" {
			continue
		}
		if a := attendeeOf(p); a.Email != "" || a.Name != "" {
			ev.Attendees = append(ev.Attendees, a)
		}
	}
	return ev, true, nil
}

func (c *Calendar) problem(v *ics.VEvent, prop string, err error) error {
	title := text(v, ics.ComponentPropertySummary)
	return fmt.Errorf("event %q (UID %s): %s: %v", title, v.Id(), prop, err)
}

// overlaps says whether an event overlaps [from, to); an event of no
// length overlaps when it starts within.
func overlaps(ev Event, from, to time.Time) bool {
	if ev.End.Equal(ev.Start) {
		return !ev.Start.Before(from) && ev.Start.Before(to)
	}
	return ev.Start.Before(to) && ev.End.After(from)
}

func dayAfter(t time.Time, days int) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day()+days, 0, 0, 0, 0, t.Location())
}

// eventID is a short id for an occurrence: hex of the SHA-1 of the UID
// and the occurrence's original start in UTC.
func eventID(uid string, original time.Time) string {
	sum := sha1.Sum([]byte(uid + "\n" + original.UTC().Format("20060102T150405Z")))
	return hex.EncodeToString(sum[:])[:8]
}

func statusOf(v *ics.VEvent) string { return strings.ToUpper(text(v, ics.ComponentPropertyStatus)) }

func text(v *ics.VEvent, p ics.ComponentProperty) string {
	if prop := v.GetProperty(p); prop != nil {
		return clean(prop.Value)
	}
	return ""
}

// clean makes a calendar's text safe to print: a calendar comes from
// elsewhere, and its control characters (escape sequences, line breaks)
// become spaces.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func param(p *ics.IANAProperty, name string) string {
	for k, v := range p.ICalParameters {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

func attendeeOf(p *ics.IANAProperty) Attendee {
	address := strings.TrimSpace(p.Value)
	if len(address) > 7 && strings.EqualFold(address[:7], "mailto:") {
		address = address[7:]
	} else if email := param(p, "EMAIL"); email != "" { // Apple: urn:uuid:... with the address beside it
		address = email
	} else if !strings.Contains(address, "@") {
		address = ""
	}
	return Attendee{Name: clean(param(p, "CN")), Email: clean(strings.ToLower(address)), Status: strings.ToUpper(param(p, "PARTSTAT"))}
}

// when is a DTSTART-like value read.
type when struct {
	t    time.Time
	date bool // a DATE, not a DATE-TIME
	zone zone
}

// timeOf reads a date or date-time property: UTC ("Z"), in its TZID, or
// floating (local).
func (c *Calendar) timeOf(p *ics.IANAProperty) (when, error) {
	if p == nil {
		return when{}, fmt.Errorf("missing")
	}
	times, err := c.timesOf(p)
	if err != nil {
		return when{}, err
	}
	if len(times) != 1 {
		return when{}, fmt.Errorf("want one value, have %q", p.Value)
	}
	z := c.zones.zone(param(p, "TZID"))
	if strings.HasSuffix(strings.TrimSpace(p.Value), "Z") { // a series from a UTC start keeps its UTC time
		z = locationZone{time.UTC}
	}
	return when{t: times[0], date: isDateValue(p), zone: z}, nil
}

// isDateValue says whether a property holds dates rather than date-times.
func isDateValue(p *ics.IANAProperty) bool {
	v, _, _ := strings.Cut(strings.TrimSpace(p.Value), ",")
	return len(v) == 8 || strings.EqualFold(param(p, "VALUE"), "DATE")
}

// timesOf reads the comma-separated dates or date-times of a property.
func (c *Calendar) timesOf(p *ics.IANAProperty) ([]time.Time, error) {
	z := c.zones.zone(param(p, "TZID"))
	var out []time.Time
	for _, v := range strings.Split(p.Value, ",") {
		v = strings.TrimSpace(v)
		if i := strings.IndexByte(v, '/'); i > 0 { // a PERIOD in RDATE: its start
			v = v[:i]
		}
		var t time.Time
		var err error
		switch {
		case len(v) == 8: // a day, in the user's zone
			t, err = time.ParseInLocation("20060102", v, c.zones.local)
		case strings.HasSuffix(v, "Z"):
			t, err = time.Parse("20060102T150405Z", v)
		default: // a wall-clock time in the zone of TZID, or floating
			t, err = time.Parse("20060102T150405", v)
			t = z.instant(t)
		}
		if err != nil {
			return nil, fmt.Errorf("%q is not a date or date-time", v)
		}
		out = append(out, t)
	}
	return out, nil
}

// durationOf reads an RFC 5545 duration such as PT1H30M, P1D or -PT15M.
func durationOf(s string) (time.Duration, error) {
	orig, neg := s, false
	switch {
	case strings.HasPrefix(s, "-"):
		neg, s = true, s[1:]
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	}
	if !strings.HasPrefix(s, "P") || len(s) < 3 {
		return 0, fmt.Errorf("duration %q", orig)
	}
	var d time.Duration
	inTime, n := false, 0
	units := map[bool]map[byte]time.Duration{
		false: {'W': 7 * 24 * time.Hour, 'D': 24 * time.Hour},
		true:  {'H': time.Hour, 'M': time.Minute, 'S': time.Second},
	}
	for i := 1; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch >= '0' && ch <= '9':
			n = n*10 + int(ch-'0')
		case ch == 'T':
			inTime = true
		default:
			unit, ok := units[inTime][ch]
			if !ok {
				return 0, fmt.Errorf("duration %q", orig)
			}
			d, n = d+time.Duration(n)*unit, 0
		}
	}
	if neg {
		d = -d
	}
	return d, nil
}

package calendar

import (
	"io"
	"time"

	ics "github.com/arran4/golang-ical"
)

// Deadline is a day something is due, written as an all-day event.
type Deadline struct {
	UID         string // stable, so that importing again updates the event
	Summary     string
	Description string
	Day         time.Time // its date is the due day
	Categories  []string
}

// Write writes deadlines as an iCalendar stream that calendar programs
// import or subscribe to: one all-day, transparent VEVENT a deadline,
// stamped at stamp; CRLF line ends and lines folded at 75 octets.
func Write(w io.Writer, name string, stamp time.Time, deadlines []Deadline) error {
	cal := ics.NewCalendarFor("lead")
	cal.SetProductId("-//lead//commitments//EN")
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName(name)
	cal.SetXWRCalName(name)
	for _, d := range deadlines {
		ev := cal.AddEvent(d.UID)
		ev.SetDtStampTime(stamp)
		day := time.Date(d.Day.Year(), d.Day.Month(), d.Day.Day(), 0, 0, 0, 0, time.UTC)
		ev.SetAllDayStartAt(day)
		ev.SetAllDayEndAt(day.AddDate(0, 0, 1))
		ev.SetSummary(d.Summary)
		if d.Description != "" {
			ev.SetDescription(d.Description)
		}
		for _, c := range d.Categories {
			ev.AddProperty(ics.ComponentPropertyCategories, c)
		}
		ev.SetTimeTransparency(ics.TransparencyTransparent)
	}
	return cal.SerializeTo(w, ics.WithNewLine("\r\n"))
}

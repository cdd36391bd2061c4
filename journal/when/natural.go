package when

import (
	"strconv"
	"strings"
	"time"
)

// The natural forms, as jrnl users type them. A phrase is read as words:
// a day phrase, a time phrase, or a day phrase then a time phrase
// ("yesterday 3pm", "nov 9 at 14:30"). Which way a day without a year or
// a bare weekday points depends on what is being parsed: a moment being
// logged or the start of a window looks back, a due date looks ahead.

// direction says which way an ambiguous day phrase resolves.
type direction int

const (
	past   direction = -1 // the most recent such day, today excluded for weekdays
	future direction = 1  // the next such day, today excluded for weekdays
)

// Forms lists the natural forms, for messages about input that is none.
const Forms = `today, yesterday, tomorrow, monday, last monday, next friday, nov 9, 9 november, 2026-11-09, 3 days ago, in 2 weeks, 14:30, 2:30pm, noon, yesterday 3pm`

// DueForms lists the forms a due date takes, for messages.
const DueForms = `2026-11-25, today, tomorrow, fri, next friday, nov 25, 3d, 2w, in 2 weeks, next week, end of week, end of month, next month`

// words splits lower-cased input into words; commas are spaces.
func words(s string) []string {
	return strings.Fields(strings.ReplaceAll(strings.ToLower(s), ",", " "))
}

// naturalMoment reads a day phrase, a time phrase or both from w, looking
// back (or ahead for "next", "tomorrow", "in 2 days") from now. A day
// without a time gets clock def; a time without a day is today. Offsets
// in hours or minutes ("2 hours ago") are instants.
func naturalMoment(w []string, now time.Time, def Clock) (time.Time, bool) {
	if len(w) == 0 {
		return time.Time{}, false
	}
	if t, ok := instantOffset(w, now); ok {
		return t, true
	}
	if c, ok := clockPhrase(w); ok {
		return c.on(now), true
	}
	for n := len(w); n > 0; n-- {
		day, ok := dayPhrase(w[:n], now, past)
		if !ok {
			continue
		}
		rest := w[n:]
		if len(rest) > 1 && rest[0] == "at" {
			rest = rest[1:]
		}
		if len(rest) == 0 {
			return def.on(day), true
		}
		if c, ok := clockPhrase(rest); ok {
			return c.on(day), true
		}
		return time.Time{}, false
	}
	return time.Time{}, false
}

// dayPhrase reads a whole phrase naming a calendar day relative to ref:
// today, yesterday, tomorrow; a weekday, optionally after "last", "this"
// or "next"; a month and day with an optional year, either way round;
// "N units ago" and "in N units" for days, weeks, months and years; and,
// looking ahead, "next week" (its Monday), "next month" (its first day),
// "end of week" (the Friday on or after ref), "end of month" and "end of
// year". The result is at midnight in ref's location.
func dayPhrase(w []string, ref time.Time, dir direction) (time.Time, bool) {
	day := Day(ref)
	switch strings.Join(w, " ") {
	case "today":
		return day, true
	case "yesterday":
		return day.AddDate(0, 0, -1), true
	case "tomorrow":
		return day.AddDate(0, 0, 1), true
	case "next week":
		return WeekStart(ref).AddDate(0, 0, 7), true
	case "next month":
		return time.Date(ref.Year(), ref.Month()+1, 1, 0, 0, 0, 0, ref.Location()), true
	case "end of week", "end of the week":
		return day.AddDate(0, 0, (int(time.Friday)-int(ref.Weekday())+7)%7), true
	case "end of month", "end of the month":
		return time.Date(ref.Year(), ref.Month()+1, 0, 0, 0, 0, 0, ref.Location()), true
	case "end of year", "end of the year":
		return time.Date(ref.Year(), time.December, 31, 0, 0, 0, 0, ref.Location()), true
	}
	switch {
	case len(w) == 1:
		if wd, ok := weekday(w[0]); ok {
			return weekdayFrom(day, wd, dir), true
		}
		if t, err := time.ParseInLocation("2006-01-02", w[0], ref.Location()); err == nil {
			return t, true
		}
	case len(w) == 2 && (w[0] == "last" || w[0] == "next" || w[0] == "this"):
		wd, ok := weekday(w[1])
		if !ok {
			break
		}
		switch w[0] {
		case "last":
			return weekdayFrom(day, wd, past), true
		case "next":
			return weekdayFrom(day, wd, future), true
		}
		return weekdayFrom(day, wd, dir), true
	}
	if n, unit, ok := countedSpan(w); ok && unit != 'h' && unit != 'M' {
		return Day(addSpan(day, n, unit)), true
	}
	return monthDay(w, day, dir)
}

// weekdayFrom returns the nearest day named wd before (past) or after
// (future) day, never day itself.
func weekdayFrom(day time.Time, wd time.Weekday, dir direction) time.Time {
	if dir == past {
		back := (int(day.Weekday())-int(wd)+6)%7 + 1
		return day.AddDate(0, 0, -back)
	}
	ahead := (int(wd)-int(day.Weekday())+6)%7 + 1
	return day.AddDate(0, 0, ahead)
}

// monthDay reads "nov 9", "9 november", "november 9th 2026" and the like.
// Without a year it is the nearest such day on or before day (past) or on
// or after it (future).
func monthDay(w []string, day time.Time, dir direction) (time.Time, bool) {
	if len(w) < 2 || len(w) > 3 {
		return time.Time{}, false
	}
	m, ok := month(w[0])
	dom, okDay := dayOfMonth(w[1])
	if !ok {
		m, ok = month(w[1])
		dom, okDay = dayOfMonth(w[0])
	}
	if !ok || !okDay {
		return time.Time{}, false
	}
	year, hasYear := day.Year(), len(w) == 3
	if hasYear {
		y, err := strconv.Atoi(w[2])
		if err != nil || len(w[2]) != 4 {
			return time.Time{}, false
		}
		year = y
	}
	at := func(y int) (time.Time, bool) {
		t := time.Date(y, m, dom, 0, 0, 0, 0, day.Location())
		return t, t.Month() == m // 31 nov does not exist
	}
	t, ok := at(year)
	if !ok || hasYear {
		return t, ok
	}
	switch {
	case dir == past && t.After(day):
		return at(year - 1)
	case dir == future && t.Before(day):
		return at(year + 1)
	}
	return t, true
}

var months = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		months[name], months[name[:3]] = m, m
	}
	months["sept"] = time.September
}

func month(s string) (time.Month, bool) {
	m, ok := months[strings.TrimSuffix(s, ".")]
	return m, ok
}

// dayOfMonth reads "9", "09", "9th", "1st", "22nd", "23rd".
func dayOfMonth(s string) (int, bool) {
	for _, suffix := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(s, suffix) {
			s = strings.TrimSuffix(s, suffix)
			break
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 31 || len(s) > 2 {
		return 0, false
	}
	return n, true
}

// units maps the words of a counted span to span units; 'h' is hours and
// 'M' minutes, which only instants use.
var units = map[string]byte{
	"day": 'd', "days": 'd', "d": 'd',
	"week": 'w', "weeks": 'w', "wk": 'w', "wks": 'w', "w": 'w',
	"month": 'm', "months": 'm', "mo": 'm', "mos": 'm',
	"year": 'y', "years": 'y', "yr": 'y', "yrs": 'y', "y": 'y',
	"hour": 'h', "hours": 'h', "hr": 'h', "hrs": 'h', "h": 'h',
	"minute": 'M', "minutes": 'M', "min": 'M', "mins": 'M',
}

// countedSpan reads "3 days ago" (a negative count), "in 2 weeks" and "a
// week ago"; the count is a number, "a" or "an".
func countedSpan(w []string) (int, byte, bool) {
	sign := 0
	switch {
	case len(w) == 3 && w[2] == "ago":
		sign, w = -1, w[:2]
	case len(w) == 3 && w[0] == "in":
		sign, w = 1, w[1:]
	default:
		return 0, 0, false
	}
	unit, ok := units[w[1]]
	if !ok {
		return 0, 0, false
	}
	n := 1
	if w[0] != "a" && w[0] != "an" {
		var err error
		if n, err = strconv.Atoi(w[0]); err != nil || n < 0 || !spanFits(n, unit) {
			return 0, 0, false
		}
	}
	return sign * n, unit, true
}

// instantOffset reads "2 hours ago", "90 minutes ago", "in 30 minutes".
func instantOffset(w []string, now time.Time) (time.Time, bool) {
	n, unit, ok := countedSpan(w)
	switch {
	case !ok:
		return time.Time{}, false
	case unit == 'h':
		return now.Add(time.Duration(n) * time.Hour), true
	case unit == 'M':
		return now.Add(time.Duration(n) * time.Minute), true
	}
	return time.Time{}, false
}

// clockPhrase reads a time of day: "14:30", "2:30pm", "2pm", "2 pm",
// "noon" and "midnight".
func clockPhrase(w []string) (Clock, bool) {
	s := strings.Join(w, "")
	switch s {
	case "noon", "midday":
		return Clock{12, 0}, true
	case "midnight":
		return Clock{0, 0}, true
	}
	if len(w) > 2 {
		return Clock{}, false
	}
	if c, err := ParseClock(s); err == nil {
		return c, true
	}
	for _, layout := range []string{"3pm", "3:04pm"} {
		if t, err := time.Parse(layout, s); err == nil {
			return Clock{t.Hour(), t.Minute()}, true
		}
	}
	return Clock{}, false
}

// windowSpan reads a span back from now written with a space, as in
// "2 weeks" or "2 weeks ago".
func windowSpan(w []string) (int, byte, bool) {
	if len(w) == 2 {
		w = []string{w[0], w[1], "ago"}
	}
	n, unit, ok := countedSpan(w)
	if !ok || n > 0 || unit == 'h' || unit == 'M' {
		return 0, 0, false
	}
	return -n, unit, true
}

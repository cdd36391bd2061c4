// Package when parses the dates and spans people type on the command line
// and in journal files: ISO dates and RFC 3339 first, then natural forms
// such as "yesterday 3pm", "last monday", "nov 9", "3 days ago", "in 2
// weeks", "noon", "-2h" and "3w". docs/format.md lists each form and its
// rule.
package when

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Clock is a wall-clock time of day, used as the time of a date given
// without one.
type Clock struct{ Hour, Minute int }

// ParseClock reads "HH:MM" (24-hour).
func ParseClock(s string) (Clock, error) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		return Clock{}, fmt.Errorf("%q is not a time of day (want HH:MM)", s)
	}
	return Clock{t.Hour(), t.Minute()}, nil
}

// String formats the clock as HH:MM.
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// on returns the instant at clock c on the calendar day of d, in d's location.
func (c Clock) on(d time.Time) time.Time {
	return wall(d.Year(), d.Month(), d.Day(), c.Hour, c.Minute, 0, 0, d.Location())
}

// Day returns midnight at the start of t's calendar day, in t's location.
func Day(t time.Time) time.Time {
	return wall(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

// wall returns the instant a clock in loc shows the given wall time. A wall
// time that loc skips, such as 02:30 on the day clocks spring forward, moves
// forward by the gap (to 03:30), never back: time.Date alone would give
// 01:30.
func wall(y int, m time.Month, d, h, min, sec, nsec int, loc *time.Location) time.Time {
	t := time.Date(y, m, d, h, min, sec, nsec, loc)
	want := time.Date(y, m, d, h, min, sec, nsec, time.UTC)
	got := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	return t.Add(want.Sub(got))
}

// absoluteLayouts are tried in order; each entry says whether the layout
// carries a time of day.
var absoluteLayouts = []struct {
	layout  string
	hasTime bool
}{
	{time.RFC3339Nano, true},
	{"2006-01-02T15:04:05", true},
	{"2006-01-02T15:04", true},
	{"2006-01-02 15:04:05", true},
	{"2006-01-02 15:04", true},
	{"2006-01-02 15:04 -07:00", true},
	{"2006-01-02 15:04:05 -07:00", true},
	{"2006-01-02", false},
}

// Absolute parses an ISO date, an ISO date and time, or an RFC 3339
// timestamp. A form without an offset is read in loc; a date without a time
// gets clock def. The bool reports whether the input carried a time.
func Absolute(s string, loc *time.Location, def Clock) (time.Time, bool, error) {
	s = strings.TrimSpace(s)
	for _, l := range absoluteLayouts {
		t, err := time.ParseInLocation(l.layout, s, loc)
		if err != nil {
			continue
		}
		if !strings.Contains(l.layout, "07") { // no offset given: the typed wall time in loc
			w, _ := time.Parse(l.layout, s)
			t = wall(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), loc)
		}
		if !l.hasTime {
			t = def.on(t)
		}
		return t, l.hasTime, nil
	}
	return time.Time{}, false, fmt.Errorf("%q is not a date (want YYYY-MM-DD, YYYY-MM-DD HH:MM or RFC 3339)", s)
}

// Moment parses the time of an interaction being logged. Beyond the
// absolute forms it accepts "now", a negative offset such as "-2h", "-90m"
// or "-3d", and the natural forms (see Forms): a day phrase looks back, so
// "monday" and "nov 9" are the most recent ones; "next friday",
// "tomorrow" and "in 2 days" look ahead. Days without a time get clock
// def; a time without a day is today.
func Moment(s string, now time.Time, def Clock) (time.Time, error) {
	if t, _, err := Absolute(s, now.Location(), def); err == nil {
		return t, nil
	}
	in := strings.ToLower(strings.TrimSpace(s))
	if in == "now" {
		return now, nil
	}
	if strings.HasPrefix(in, "-") {
		d, err := offset(in[1:])
		if err != nil {
			return time.Time{}, fmt.Errorf("%q: %v", s, err)
		}
		return now.Add(-d), nil
	}
	if t, ok := naturalMoment(words(in), now, def); ok {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date; lead reads %s, \"2026-11-22 14:30\", RFC 3339 or -2h", s, Forms)
}

// Due parses the date a commitment is due, counted from ref (the day of
// the entry it is in): an ISO date, a forward span such as "3d", "+2w" or
// "1m", or a day phrase that looks ahead (see DueForms): "fri" and "nov
// 25" are the next ones, "next week" is its Monday, "end of week" the
// Friday on or after ref. The result is a calendar day at midnight in
// ref's location.
func Due(s string, ref time.Time) (time.Time, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	if t, err := time.ParseInLocation("2006-01-02", in, ref.Location()); err == nil {
		return t, nil
	}
	n, unit, err := span(strings.TrimPrefix(in, "+"))
	if err == nil {
		return Day(addSpan(ref, n, unit)), nil
	}
	if errors.Is(err, ErrSpanTooLong) {
		return time.Time{}, fmt.Errorf("due:%s: %w", s, err)
	}
	if t, ok := dayPhrase(words(in), ref, future); ok {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a due date; lead reads %s", s, DueForms)
}

// Since parses the start of a window: a span back from now ("7d", "2w",
// "3m", "1y", "2 weeks", "2 weeks ago") that starts at midnight of the day
// it lands on, or a moment as Moment reads it, a day at midnight.
func Since(s string, now time.Time) (time.Time, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	if n, unit, ok := backSpan(in); ok {
		return Day(addSpan(now, -n, unit)), nil
	}
	return Moment(in, now, Clock{})
}

// Until parses the end of a window and returns the first instant after it:
// a day without a time includes that whole day, so "--until 2026-11-22"
// and "--until yesterday" cover the whole day. Spans count back from now
// like Since.
func Until(s string, now time.Time) (time.Time, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	if n, unit, ok := backSpan(in); ok {
		return Day(addSpan(now, -n, unit)).AddDate(0, 0, 1), nil
	}
	if t, hasTime, err := Absolute(s, now.Location(), Clock{}); err == nil {
		if hasTime {
			return t.Add(time.Nanosecond), nil
		}
		return t.AddDate(0, 0, 1), nil
	}
	if day, ok := dayPhrase(words(in), now, past); ok {
		return day.AddDate(0, 0, 1), nil
	}
	t, err := Moment(in, now, Clock{})
	if err != nil {
		return time.Time{}, err
	}
	return t.Add(time.Nanosecond), nil
}

// backSpan reads a span back from now: "2w", or "2 weeks" with or
// without "ago".
func backSpan(in string) (int, byte, bool) {
	if n, unit, err := span(in); err == nil {
		return n, unit, true
	}
	return windowSpan(words(in))
}

// Span is a calendar length such as "7d", "2w", "3m" or "1y".
type Span struct {
	N    int
	Unit byte // 'd', 'w', 'm' or 'y'
}

// ParseSpan reads a span such as "7d", "2w", "3m" or "1y".
func ParseSpan(s string) (Span, error) {
	n, unit, err := span(strings.ToLower(strings.TrimSpace(s)))
	if errors.Is(err, ErrSpanTooLong) {
		return Span{}, fmt.Errorf("%q: %w", s, err)
	}
	if err != nil {
		return Span{}, fmt.Errorf("%q is not a span (want a number and d, w, m or y, as in 14d)", s)
	}
	return Span{n, unit}, nil
}

// MaxSpanYears bounds every span and offset lead reads: a cadence, a
// window, a due date counted forward. Longer ones are typing mistakes,
// and would give dates past what a calendar means.
const MaxSpanYears = 100

// ErrSpanTooLong reports a span longer than MaxSpanYears.
var ErrSpanTooLong = fmt.Errorf("longer than %d years, the longest span lead takes", MaxSpanYears)

// spanFits reports whether n of unit (d, w, m, y, h or M for minutes) is
// within MaxSpanYears.
func spanFits(n int, unit byte) bool {
	limit := map[byte]int{'d': 36525, 'w': 5218, 'm': 12 * MaxSpanYears, 'y': MaxSpanYears, 'h': 24 * 36525, 'M': 24 * 60 * 36525}[unit]
	return n <= limit
}

// String formats the span as it is written, for example "2w".
func (s Span) String() string {
	if s.N == 0 {
		return ""
	}
	return strconv.Itoa(s.N) + string(s.Unit)
}

// IsZero reports whether the span is unset.
func (s Span) IsZero() bool { return s.N == 0 }

// After returns t moved forward by the span.
func (s Span) After(t time.Time) time.Time { return addSpan(t, s.N, s.Unit) }

// Days is the span's approximate length in days (a month is 30 days).
func (s Span) Days() int {
	switch s.Unit {
	case 'w':
		return 7 * s.N
	case 'm':
		return 30 * s.N
	case 'y':
		return 365 * s.N
	}
	return s.N
}

func span(s string) (int, byte, error) {
	if len(s) < 2 {
		return 0, 0, fmt.Errorf("not a span")
	}
	unit := s[len(s)-1]
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n < 0 || strings.ContainsAny(s[:len(s)-1], "+-") || !strings.ContainsRune("dwmy", rune(unit)) {
		if numErr, ok := err.(*strconv.NumError); ok && numErr.Err == strconv.ErrRange && strings.ContainsRune("dwmy", rune(unit)) {
			return 0, 0, ErrSpanTooLong
		}
		return 0, 0, fmt.Errorf("not a span")
	}
	if !spanFits(n, unit) {
		return 0, 0, ErrSpanTooLong
	}
	return n, unit, nil
}

func addSpan(t time.Time, n int, unit byte) time.Time {
	switch unit {
	case 'w':
		return t.AddDate(0, 0, 7*n)
	case 'm':
		return t.AddDate(0, n, 0)
	case 'y':
		return t.AddDate(n, 0, 0)
	}
	return t.AddDate(0, 0, n)
}

// offset reads a positive duration such as "2h", "90m", "3d" or "1w".
func offset(s string) (time.Duration, error) {
	if n, unit, err := span(s); err == nil && unit != 'm' {
		return time.Duration(Span{n, unit}.Days()) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 || d > MaxSpanYears*8766*time.Hour {
		return 0, fmt.Errorf("not an offset (want -2h, -90m or -3d)")
	}
	return d, nil
}

var weekdays = map[string]time.Weekday{}

func init() {
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		weekdays[name] = d
		weekdays[name[:3]] = d
	}
	weekdays["tues"], weekdays["wednes"], weekdays["thur"], weekdays["thurs"] = time.Tuesday, time.Wednesday, time.Thursday, time.Thursday
}

func weekday(s string) (time.Weekday, bool) {
	d, ok := weekdays[s]
	return d, ok
}

// ISOWeek returns the bounds [start, end) of ISO week "YYYY-Www" in loc:
// Monday 00:00 to the next Monday 00:00.
func ISOWeek(s string, loc *time.Location) (time.Time, time.Time, error) {
	var year, week int
	if _, err := fmt.Sscanf(strings.ToUpper(strings.TrimSpace(s)), "%4d-W%2d", &year, &week); err != nil || week < 1 || week > 53 {
		return time.Time{}, time.Time{}, fmt.Errorf("%q is not an ISO week (want 2026-W47)", s)
	}
	// January 4th is always in week 1.
	jan4 := time.Date(year, time.January, 4, 0, 0, 0, 0, loc)
	start := WeekStart(jan4).AddDate(0, 0, 7*(week-1))
	if y, w := start.ISOWeek(); y != year || w != week {
		return time.Time{}, time.Time{}, fmt.Errorf("%q: %d has no week %d", s, year, week)
	}
	return start, start.AddDate(0, 0, 7), nil
}

// WeekStart returns Monday 00:00 of t's ISO week, in t's location.
func WeekStart(t time.Time) time.Time {
	back := (int(t.Weekday()) + 6) % 7
	return Day(t).AddDate(0, 0, -back)
}

// WeekName formats t's ISO week as "YYYY-Www".
func WeekName(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// Cadence is how often contact is wanted: an ideal interval and a limit
// past which contact is overdue, written "7d..14d", or one span for both
// ("7d").
type Cadence struct {
	Ideal, Limit Span
}

// ParseCadence reads a cadence: a span, or an ideal and a limit joined by
// "..", the limit no shorter than the ideal.
func ParseCadence(s string) (Cadence, error) {
	ideal, limit, ranged := strings.Cut(s, "..")
	i, err := ParseSpan(ideal)
	if err != nil {
		return Cadence{}, err
	}
	if !ranged {
		return Cadence{i, i}, nil
	}
	l, err := ParseSpan(limit)
	if err != nil {
		return Cadence{}, err
	}
	if l.Days() < i.Days() {
		return Cadence{}, fmt.Errorf("%q: the limit %s is shorter than the ideal %s", s, l, i)
	}
	return Cadence{i, l}, nil
}

// String formats the cadence as it is written: "7d", or "7d..14d".
func (c Cadence) String() string {
	if c.Ideal == c.Limit {
		return c.Ideal.String()
	}
	return c.Ideal.String() + ".." + c.Limit.String()
}

// IsZero reports whether no contact is wanted.
func (c Cadence) IsZero() bool { return c.Ideal.IsZero() && c.Limit.IsZero() }

// DaysBetween is the number of calendar days from from's day to to's, in
// to's location.
func DaysBetween(from, to time.Time) int {
	return int(Day(to).Sub(Day(from.In(to.Location()))).Hours()+12) / 24
}

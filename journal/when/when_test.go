package when

import (
	"strings"
	"testing"
	"time"
)

var ny, _ = time.LoadLocation("America/New_York")

// now is Sunday 22 November 2026, 16:00 in New York.
var now = time.Date(2026, 11, 22, 16, 0, 0, 0, ny)

const layout = "2006-01-02 15:04 -07:00"

func TestMoment(t *testing.T) {
	def := Clock{9, 0}
	cases := map[string]string{
		"2026-11-20":                "2026-11-20 09:00 -05:00",
		"2026-11-20 14:30":          "2026-11-20 14:30 -05:00",
		"2026-11-20T14:30":          "2026-11-20 14:30 -05:00",
		"2026-11-20T14:30:00+01:00": "2026-11-20 14:30 +01:00",
		"2026-07-01":                "2026-07-01 09:00 -04:00",
		"now":                       "2026-11-22 16:00 -05:00",
		"today":                     "2026-11-22 09:00 -05:00",
		"Yesterday":                 "2026-11-21 09:00 -05:00",
		"yesterday 16:30":           "2026-11-21 16:30 -05:00",
		"monday":                    "2026-11-16 09:00 -05:00",
		"fri":                       "2026-11-20 09:00 -05:00",
		"sunday":                    "2026-11-15 09:00 -05:00", // the most recent one, not today
		"14:30":                     "2026-11-22 14:30 -05:00",
		"-2h":                       "2026-11-22 14:00 -05:00",
		"-90m":                      "2026-11-22 14:30 -05:00",
		"-3d":                       "2026-11-19 16:00 -05:00",
		// The natural forms, as jrnl users type them.
		"nov 9":              "2026-11-09 09:00 -05:00",
		"9 November":         "2026-11-09 09:00 -05:00",
		"November 9th, 2025": "2025-11-09 09:00 -05:00",
		"dec 25":             "2025-12-25 09:00 -05:00", // the most recent one: logging looks back
		"last monday":        "2026-11-16 09:00 -05:00",
		"next friday":        "2026-11-27 09:00 -05:00",
		"3 days ago":         "2026-11-19 09:00 -05:00",
		"a week ago":         "2026-11-15 09:00 -05:00",
		"in 2 weeks":         "2026-12-06 09:00 -05:00",
		"2 hours ago":        "2026-11-22 14:00 -05:00",
		"2:30pm":             "2026-11-22 14:30 -05:00",
		"3 PM":               "2026-11-22 15:00 -05:00",
		"noon":               "2026-11-22 12:00 -05:00",
		"yesterday 3pm":      "2026-11-21 15:00 -05:00",
		"yesterday 9pm":      "2026-11-21 21:00 -05:00",
		"monday at 10:15am":  "2026-11-16 10:15 -05:00",
		"nov 9 at noon":      "2026-11-09 12:00 -05:00",
		"2026-11-09 3pm":     "2026-11-09 15:00 -05:00",
	}
	for in, want := range cases {
		got, err := Moment(in, now, def)
		if err != nil {
			t.Errorf("Moment(%q): %v", in, err)
			continue
		}
		if got.Format(layout) != want {
			t.Errorf("Moment(%q) = %s, want %s", in, got.Format(layout), want)
		}
	}
	for _, bad := range []string{"", "next blursday", "2026-13-01", "25:00", "-2x", "+2h", "yesterday 25pm", "nov 31", "3 blursdays ago", "monday at"} {
		if _, err := Moment(bad, now, def); err == nil {
			t.Errorf("Moment(%q) accepted", bad)
		}
	}
}

func TestDue(t *testing.T) {
	cases := map[string]string{
		"2026-11-25": "2026-11-25",
		"today":      "2026-11-22",
		"tomorrow":   "2026-11-23",
		"fri":        "2026-11-27",
		"sunday":     "2026-11-29", // the next one, not today
		"3d":         "2026-11-25",
		"+2w":        "2026-12-06",
		"1m":         "2026-12-22",
		// Natural forms look ahead.
		"next friday":  "2026-11-27",
		"nov 25":       "2026-11-25",
		"nov 1":        "2027-11-01",
		"in 2 weeks":   "2026-12-06",
		"next week":    "2026-11-23", // its Monday
		"end of week":  "2026-11-27", // the Friday on or after the day
		"end of month": "2026-11-30",
		"next month":   "2026-12-01",
	}
	for in, want := range cases {
		got, err := Due(in, now)
		if err != nil || got.Format("2006-01-02") != want || got.Hour() != 0 {
			t.Errorf("Due(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	// Counted from the reference day, not from today: an entry of Monday
	// 2 November that says due:fri means Friday 6 November.
	monday := time.Date(2026, 11, 2, 10, 0, 0, 0, ny)
	for in, want := range map[string]string{"fri": "2026-11-06", "tomorrow": "2026-11-03", "2w": "2026-11-16", "end of month": "2026-11-30"} {
		if got, err := Due(in, monday); err != nil || got.Format("2006-01-02") != want {
			t.Errorf("Due(%q, 2 Nov) = %v, %v; want %s", in, got, err, want)
		}
	}
	_, err := Due("someday", now)
	if err == nil || !strings.Contains(err.Error(), "next week") {
		t.Errorf("Due(someday): %v; want a message listing the forms", err)
	}
}

func TestWindow(t *testing.T) {
	for in, want := range map[string]string{"7d": "2026-11-15 00:00", "2w": "2026-11-08 00:00", "3m": "2026-08-22 00:00", "1y": "2025-11-22 00:00", "2026-11-01": "2026-11-01 00:00", "monday": "2026-11-16 00:00",
		"2 weeks": "2026-11-08 00:00", "2 weeks ago": "2026-11-08 00:00", "last monday": "2026-11-16 00:00", "nov 9": "2026-11-09 00:00"} {
		got, err := Since(in, now)
		if err != nil || got.Format("2006-01-02 15:04") != want {
			t.Errorf("Since(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	// --until includes the whole day it names.
	for in, want := range map[string]string{"2026-11-20": "2026-11-21 00:00", "yesterday": "2026-11-22 00:00", "2026-11-20 14:30": "2026-11-20 14:30",
		"nov 20": "2026-11-21 00:00", "1 week": "2026-11-16 00:00"} {
		got, err := Until(in, now)
		if err != nil || got.Format("2006-01-02 15:04") != want {
			t.Errorf("Until(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
}

func TestISOWeek(t *testing.T) {
	cases := []struct{ week, start string }{
		{"2026-W47", "2026-11-16"},
		{"2026-W01", "2025-12-29"}, // week 1 of 2026 starts in 2025
		{"2026-W53", "2026-12-28"}, // 2026 has 53 weeks
		{"2027-W01", "2027-01-04"},
	}
	for _, c := range cases {
		start, end, err := ISOWeek(c.week, ny)
		if err != nil || start.Format("2006-01-02") != c.start || end.Sub(start) != 7*24*time.Hour {
			t.Errorf("ISOWeek(%s) = %v..%v, %v; want start %s", c.week, start, end, err, c.start)
		}
		if WeekName(start) != c.week {
			t.Errorf("WeekName(%v) = %s, want %s", start, WeekName(start), c.week)
		}
	}
	if _, _, err := ISOWeek("2025-W53", ny); err == nil {
		t.Error("2025-W53 accepted; 2025 has 52 weeks")
	}
	// Late on Sunday evening local time is still that ISO week, even when UTC is already Monday.
	late := time.Date(2026, 11, 22, 23, 30, 0, 0, ny)
	if WeekName(late) != "2026-W47" || !WeekStart(late).Equal(time.Date(2026, 11, 16, 0, 0, 0, 0, ny)) {
		t.Errorf("23:30 Sunday is in %s starting %v", WeekName(late), WeekStart(late))
	}
}

// TestSpansBeyondABoundAreRefused: a cadence, window or due span of more
// than a hundred years is refused with words saying so, never turned into
// a date tens of billions of years away.
func TestSpansBeyondABoundAreRefused(t *testing.T) {
	ref := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	for _, s := range []string{"99999999999999y", "101y", "36526d", "5219w", "1201m", "999999999999999999999999d"} {
		if _, err := ParseSpan(s); err == nil || !strings.Contains(err.Error(), "longer than 100 years, the longest span lead takes") {
			t.Errorf("ParseSpan(%q): %v", s, err)
		}
		if _, err := Due(s, ref); err == nil || !strings.Contains(err.Error(), "longer than 100 years") {
			t.Errorf("Due(%q): %v", s, err)
		}
		if _, err := Since(s, ref); err == nil {
			t.Errorf("Since(%q) took it", s)
		}
	}
	for _, s := range []string{"100y", "36525d", "1200m", "7d"} {
		if _, err := ParseSpan(s); err != nil {
			t.Errorf("ParseSpan(%q): %v", s, err)
		}
	}
	if _, err := Since("99999999 years ago", ref); err == nil {
		t.Errorf("Since took 99999999 years ago")
	}
}

// A wall time the clocks skip moves forward by the gap, never back.
func TestTimeInSpringForwardGapMovesForward(t *testing.T) {
	for in, want := range map[string]string{
		"2026-03-08 02:30": "2026-03-08 03:30 -04:00",
		"2026-03-08T02:00": "2026-03-08 03:00 -04:00",
		"2026-03-08 01:59": "2026-03-08 01:59 -05:00",
		"2026-03-08 03:00": "2026-03-08 03:00 -04:00",
		"2026-11-01 01:30": "2026-11-01 01:30 -04:00", // repeated hour: the first
	} {
		got, err := Moment(in, now, Clock{9, 0})
		if err != nil {
			t.Fatalf("Moment(%q): %v", in, err)
		}
		if got.Format(layout) != want {
			t.Errorf("Moment(%q) = %s, want %s", in, got.Format(layout), want)
		}
	}
	if got := (Clock{2, 15}).on(time.Date(2026, 3, 8, 0, 0, 0, 0, ny)); got.Format(layout) != "2026-03-08 03:15 -04:00" {
		t.Errorf("02:15 on the gap day = %s", got.Format(layout))
	}
}

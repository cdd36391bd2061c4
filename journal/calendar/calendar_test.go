package calendar

import (
	"os"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"
)

var newYork = mustLoad("America/New_York")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func parseFile(t *testing.T, name string) *Calendar {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := Parse(f, newYork)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return c
}

// summary is an event as a line: its start in New York, its length and
// its title.
func summary(ev Event) string {
	if ev.AllDay {
		return ev.Start.Format("2006-01-02") + " all day " + ev.Title
	}
	return ev.Start.In(newYork).Format("2006-01-02 15:04") + " " + ev.End.Sub(ev.Start).String() + " " + ev.Title
}

func between(t *testing.T, c *Calendar, from, to string) []string {
	t.Helper()
	f, _ := time.ParseInLocation("2006-01-02", from, newYork)
	u, _ := time.ParseInLocation("2006-01-02", to, newYork)
	events, err := c.Between(f, u)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(events))
	for i, ev := range events {
		out[i] = summary(ev)
	}
	return out
}

func same(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// Google Calendar's export: a weekly series with an EXDATE and a moved
// instance, a cancelled event, a daily series with a cancelled instance,
// all-day events, and rooms among the attendees.
func TestGoogle(t *testing.T) {
	c := parseFile(t, "google.ics")
	if c.Owner != "alex@example.com" {
		t.Errorf("owner %q, want the address Google names the calendar by", c.Owner)
	}
	same(t, between(t, c, "2026-11-09", "2026-11-28"), []string{
		"2026-11-09 10:00 30m0s Dana / Alex 1:1",
		// 16 November is excluded
		"2026-11-23 09:30 15m0s Standup",
		"2026-11-23 11:00 30m0s Dana / Alex 1:1 (moved)",
		"2026-11-23 15:00 1h0m0s Vendor pitch",
		"2026-11-24 09:30 15m0s Standup",
		"2026-11-24 14:00 1h0m0s Platform sync",
		// the standup of the 25th is cancelled
		"2026-11-26 all day Thanksgiving",
		"2026-11-26 09:30 15m0s Standup",
		"2026-11-27 09:30 15m0s Standup",
	})
	events, _ := c.Between(time.Date(2026, 11, 24, 0, 0, 0, 0, newYork), time.Date(2026, 11, 25, 0, 0, 0, 0, newYork))
	sync := events[1]
	if len(sync.Attendees) != 3 {
		t.Errorf("attendees %+v: want 3 people, no room, no group", sync.Attendees)
	}
	if a := sync.Attendees[2]; a.Name != "Jordan Kim" || a.Email != "jordan@partner.example" || a.Status != "NEEDS-ACTION" {
		t.Errorf("attendee %+v", a)
	}
	pitch, _ := c.Between(time.Date(2026, 11, 23, 15, 0, 0, 0, newYork), time.Date(2026, 11, 23, 15, 30, 0, 0, newYork))
	if len(pitch) != 1 || pitch[0].Response([]string{"alex@example.com"}) != "DECLINED" {
		t.Errorf("the vendor pitch is declined: %+v", pitch)
	}
}

// An occurrence keeps its id when its instance is moved, and ids differ
// between occurrences.
func TestEventIDs(t *testing.T) {
	c := parseFile(t, "google.ics")
	events, _ := c.Between(time.Date(2026, 11, 23, 0, 0, 0, 0, newYork), time.Date(2026, 11, 24, 0, 0, 0, 0, newYork))
	ids := map[string]bool{}
	for _, ev := range events {
		if ids[ev.ID] {
			t.Errorf("id %s twice", ev.ID)
		}
		ids[ev.ID] = true
	}
	moved := events[1]
	if want := eventID("0a1b2c3d4e5f6g7h8i9j@google.com", time.Date(2026, 11, 23, 10, 0, 0, 0, newYork)); moved.ID != want {
		t.Errorf("moved instance id %s, want the id of its original start %s", moved.ID, want)
	}
}

// Outlook writes Windows zone names, a "Customized Time Zone" defined only
// by its VTIMEZONE, and monthly and fortnightly series with UNTIL in UTC.
func TestOutlook(t *testing.T) {
	c := parseFile(t, "outlook.ics")
	same(t, between(t, c, "2026-11-01", "2027-04-01"), []string{
		"2026-11-11 15:00 45m0s Career chat with Sam",
		"2026-11-19 10:00 1h0m0s Skip-level: Pat / Alex",
		"2026-11-23 10:00 1h0m0s Berlin roadmap review", // 16:00 at UTC+1
		"2026-11-24 03:00 30m0s Munich partner call",    // 09:00 in Berlin
		"2026-11-25 15:00 45m0s Career chat with Sam",
		// 9 December is excluded
		"2026-12-17 10:00 1h0m0s Skip-level: Pat / Alex",
		"2026-12-23 15:00 45m0s Career chat with Sam",
		"2027-01-06 15:00 45m0s Career chat with Sam",
		"2027-01-20 15:00 45m0s Career chat with Sam",
		"2027-01-21 10:00 1h0m0s Skip-level: Pat / Alex",
		"2027-02-03 15:00 45m0s Career chat with Sam",
		"2027-02-17 15:00 45m0s Career chat with Sam",
		"2027-02-18 10:00 1h0m0s Skip-level: Pat / Alex",
		"2027-03-03 15:00 45m0s Career chat with Sam",
		// the skip-level ends on 1 March
		"2027-03-17 15:00 45m0s Career chat with Sam",
		"2027-03-31 15:00 45m0s Career chat with Sam",
	})
	if len(c.Warnings) > 0 {
		t.Errorf("warnings: %v", c.Warnings)
	}
}

// A zone defined only by a VTIMEZONE follows its own daylight-saving rules.
func TestVTimezoneRules(t *testing.T) {
	c := parseFile(t, "outlook.ics")
	z := c.zones.zone("Customized Time Zone")
	if _, ok := z.(*ruleZone); !ok {
		t.Fatalf("zone %T, want the VTIMEZONE's rules", z)
	}
	for _, tc := range []struct{ wall, utc string }{
		{"2026-07-01 12:00", "2026-07-01 10:00"}, // summer: +02
		{"2026-11-23 16:00", "2026-11-23 15:00"}, // winter: +01
		{"2027-03-28 01:00", "2027-03-28 00:00"}, // before the change at 02:00 on the last Sunday of March
		{"2027-03-28 04:00", "2027-03-28 02:00"},
	} {
		w, _ := time.Parse("2006-01-02 15:04", tc.wall)
		if got := z.instant(w).UTC().Format("2006-01-02 15:04"); got != tc.utc {
			t.Errorf("%s: %s UTC, want %s", tc.wall, got, tc.utc)
		}
		if back := z.wall(z.instant(w)); !back.Equal(w) {
			t.Errorf("%s: back to the wall as %s", tc.wall, back)
		}
	}
}

// Apple Calendar: IANA TZIDs with a VTIMEZONE, attendees whose address is
// in the EMAIL parameter, all-day and floating events.
func TestApple(t *testing.T) {
	c := parseFile(t, "apple.ics")
	same(t, between(t, c, "2026-11-20", "2026-11-24"), []string{
		"2026-11-20 09:30 30m0s Coffee with Lee", // 14:30 in London
		"2026-11-23 all day Offsite day",
		"2026-11-23 08:00 30m0s Gym", // floating: 08:00 wherever the user is
	})
	events, _ := c.Between(time.Date(2026, 11, 20, 0, 0, 0, 0, newYork), time.Date(2026, 11, 21, 0, 0, 0, 0, newYork))
	if a := events[0].Attendees[0]; a.Email != "lee@example.com" || a.Name != "Lee Wong" {
		t.Errorf("attendee %+v, want Lee Wong by the EMAIL parameter", a)
	}
}

// The recurrence examples of RFC 5545 §3.8.5.3, with the occurrences the
// RFC lists for each.
func TestRFC5545Recurrences(t *testing.T) {
	for _, tc := range []struct {
		name, start, rule string
		want              []string // month-day or year-month-day
	}{
		{"daily for 10 occurrences", "19970902T090000", "FREQ=DAILY;COUNT=10",
			[]string{"1997-09-02", "1997-09-03", "1997-09-04", "1997-09-05", "1997-09-06", "1997-09-07", "1997-09-08", "1997-09-09", "1997-09-10", "1997-09-11"}},
		{"weekly for 10 occurrences", "19970902T090000", "FREQ=WEEKLY;COUNT=10",
			[]string{"1997-09-02", "1997-09-09", "1997-09-16", "1997-09-23", "1997-09-30", "1997-10-07", "1997-10-14", "1997-10-21", "1997-10-28", "1997-11-04"}},
		{"every other week on Monday, Wednesday and Friday until 24 December", "19970901T090000", "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR",
			[]string{"1997-09-01", "1997-09-03", "1997-09-05", "1997-09-15", "1997-09-17", "1997-09-19", "1997-09-29", "1997-10-01", "1997-10-03",
				"1997-10-13", "1997-10-15", "1997-10-17", "1997-10-27", "1997-10-29", "1997-10-31", "1997-11-10", "1997-11-12", "1997-11-14",
				"1997-11-24", "1997-11-26", "1997-11-28", "1997-12-08", "1997-12-10", "1997-12-12", "1997-12-22"}},
		{"monthly on the first Friday for 10 occurrences", "19970905T090000", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
			[]string{"1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05", "1998-01-02", "1998-02-06", "1998-03-06", "1998-04-03", "1998-05-01", "1998-06-05"}},
		{"monthly on the third-to-the-last day", "19970928T090000", "FREQ=MONTHLY;BYMONTHDAY=-3;COUNT=6",
			[]string{"1997-09-28", "1997-10-29", "1997-11-28", "1997-12-29", "1998-01-29", "1998-02-26"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//RFC 5545//EN\r\nBEGIN:VEVENT\r\nUID:rfc@example.com\r\nDTSTAMP:19970901T130000Z\r\n" +
				"DTSTART;TZID=America/New_York:" + tc.start + "\r\nDURATION:PT1H\r\nRRULE:" + tc.rule + "\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
			c, err := Parse(strings.NewReader(ics), time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			events, err := c.Between(time.Date(1997, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ev := range events {
				local := ev.Start.In(newYork)
				if local.Hour() != 9 || local.Minute() != 0 {
					t.Errorf("%s: starts at %s, want 09:00 New York time whatever the offset", local.Format("2006-01-02"), local.Format("15:04 MST"))
				}
				got = append(got, local.Format("2006-01-02"))
			}
			same(t, got, tc.want)
		})
	}
}

// EXDATE and RDATE in UTC, and floating times as the RFC gives them
// (§3.3.5: "DTSTART:19980118T230000" is 23:00 wherever the attendee is).
func TestExdateRdateAndFloating(t *testing.T) {
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" +
		"BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:19960401T000000Z\r\nDTSTART:19960401T010000Z\r\nDTEND:19960401T020000Z\r\nRRULE:FREQ=DAILY;COUNT=5\r\n" +
		"EXDATE:19960402T010000Z,19960403T010000Z\r\nRDATE:19960410T010000Z\r\nSUMMARY:daily\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:19980101T000000Z\r\nDTSTART:19980118T230000\r\nDTEND:19980118T233000\r\nSUMMARY:floating\r\nEND:VEVENT\r\n" +
		"END:VCALENDAR\r\n"
	tokyo := mustLoad("Asia/Tokyo")
	c, err := Parse(strings.NewReader(ics), tokyo)
	if err != nil {
		t.Fatal(err)
	}
	events, err := c.Between(time.Date(1996, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range events {
		got = append(got, ev.Start.In(tokyo).Format("2006-01-02 15:04 ")+ev.Title)
	}
	same(t, got, []string{
		"1996-04-01 10:00 daily", "1996-04-04 10:00 daily", "1996-04-05 10:00 daily", "1996-04-10 10:00 daily",
		"1998-01-18 23:00 floating",
	})
}

// An unknown TZID is read as local time, with a warning; a broken file is
// an error.
func TestUnknownZoneAndBadInput(t *testing.T) {
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\n" +
		"DTSTART;TZID=Mars/Olympus_Mons:20261123T100000\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	c, err := Parse(strings.NewReader(ics), newYork)
	if err != nil {
		t.Fatal(err)
	}
	events, err := c.Between(time.Date(2026, 11, 23, 0, 0, 0, 0, newYork), time.Date(2026, 11, 24, 0, 0, 0, 0, newYork))
	if err != nil || len(events) != 1 || events[0].Start.In(newYork).Hour() != 10 {
		t.Errorf("events %v, %v", events, err)
	}
	if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0], "Mars/Olympus_Mons") {
		t.Errorf("warnings %q", c.Warnings)
	}
	if _, err := Parse(strings.NewReader("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n"), newYork); err == nil {
		t.Error("an unterminated calendar parsed")
	}
	// An event that cannot be read is left out with a warning; the others are read.
	bad := strings.Replace(ics, "20261123T100000", "2026-11-23", 1)
	bad = strings.Replace(bad, "END:VCALENDAR", "BEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20261123T150000Z\r\nSUMMARY:fine\r\nEND:VEVENT\r\nEND:VCALENDAR", 1)
	c, _ = Parse(strings.NewReader(bad), newYork)
	events, err = c.Between(time.Date(2026, 1, 1, 0, 0, 0, 0, newYork), time.Date(2027, 1, 1, 0, 0, 0, 0, newYork))
	if err != nil || len(events) != 1 || events[0].Title != "fine" {
		t.Errorf("events %+v, %v", events, err)
	}
	if len(c.Warnings) != 2 || c.Warnings[0] != `event "x" (UID a): DTSTART: "2026-11-23" is not a date or date-time; left out` {
		t.Errorf("a bad DTSTART: warnings %q", c.Warnings)
	}
}

// What real files do beyond the RFC's examples: a series from a UTC start
// keeps its UTC time across a change of offset, Mozilla's prefixed TZIDs
// name IANA zones, an EXDATE given as a date removes that day's occurrence
// of a timed series, X-WR-TIMEZONE places floating times, Outlook moves a
// day of an all-day series by a RECURRENCE-ID at midnight in its zone,
// spaces in an RRULE, a line without a value (left out, with a warning)
// and a property between components are tolerated, and of two versions of
// an event the later SEQUENCE counts.
func TestRealWorldQuirks(t *testing.T) {
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-TIMEZONE:Europe/Lisbon\r\n" +
		"BEGIN:VEVENT\r\nUID:utc\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20261026T140000Z\r\nDURATION:PT30M\r\nRRULE:FREQ=WEEKLY;COUNT=2\r\nSUMMARY:utc\r\nEND:VEVENT\r\n" +
		"X-STRAY:between components\r\n" +
		"BEGIN:VEVENT\r\nUID:spaces\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=America/New_York:20261029T150000\r\nDURATION:PT1H\r\n" +
		"RRULE:FREQ=DAILY;COUNT=4;BYDAY=MO, TH\r\nX-APPLE-RADIUS=49.91307046514149\r\nSUMMARY:outlook's spaces\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:moz\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=/mozilla.org/20070129_1/Europe/Berlin:20261027T090000\r\nDURATION:PT1H\r\nSUMMARY:moz\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:float\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20261029T090000\r\nDURATION:PT1H\r\nSUMMARY:floating in X-WR-TIMEZONE\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:days\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261030\r\nRRULE:FREQ=DAILY;COUNT=2\r\nSUMMARY:all day\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:days\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID;TZID=GMT Standard Time:20261031T000000\r\nDTSTART;VALUE=DATE:20261101\r\nSUMMARY:all day moved\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:rev\r\nDTSTAMP:20260101T000000Z\r\nSEQUENCE:2\r\nDTSTART:20261031T150000Z\r\nSUMMARY:revised\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:rev\r\nDTSTAMP:20260101T000000Z\r\nSEQUENCE:1\r\nDTSTART:20261030T150000Z\r\nSUMMARY:stale\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:ex\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=America/New_York:20261026T120000\r\nDURATION:PT1H\r\nRRULE:FREQ=DAILY;COUNT=3\r\nEXDATE;VALUE=DATE:20261027\r\nSUMMARY:ex\r\nEND:VEVENT\r\n" +
		"END:VCALENDAR\r\n"
	c, err := Parse(strings.NewReader(ics), newYork)
	if err != nil {
		t.Fatal(err)
	}
	events, err := c.Between(time.Date(2026, 10, 1, 0, 0, 0, 0, newYork), time.Date(2026, 12, 1, 0, 0, 0, 0, newYork))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range events {
		got = append(got, ev.Start.UTC().Format("01-02 15:04Z ")+ev.Title)
	}
	same(t, got, []string{
		"10-26 14:00Z utc", // 10:00 in New York, still on daylight time
		"10-26 16:00Z ex",
		"10-27 08:00Z moz",                       // 09:00 in Berlin, on standard time since the 25th
		"10-28 16:00Z ex",                        // the 27th is excluded
		"10-29 09:00Z floating in X-WR-TIMEZONE", // 09:00 in Lisbon
		"10-29 19:00Z outlook's spaces",
		"10-30 04:00Z all day",       // the user's day, whatever X-WR-TIMEZONE says
		"10-31 15:00Z revised",       // of two versions, the higher SEQUENCE
		"11-01 04:00Z all day moved", // Outlook names the day it moves as midnight in London
		"11-02 14:00Z utc",           // 09:00 in New York after the change: the UTC time holds
		"11-02 20:00Z outlook's spaces",
		"11-05 20:00Z outlook's spaces",
		"11-09 20:00Z outlook's spaces",
	})
	if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0], `"X-APPLE-RADIUS=49.91307046514149" is not a content line`) {
		t.Errorf("warnings %q, want one for the line without a value", c.Warnings)
	}
}

// Every IANA name in CLDR's Windows table is one Go knows.
func TestWindowsZonesLoad(t *testing.T) {
	zones := windowsZones()
	if len(zones) < 130 {
		t.Fatalf("%d Windows zones", len(zones))
	}
	for win, iana := range zones {
		if _, err := time.LoadLocation(iana); err != nil {
			t.Errorf("%s: %s: %v", win, iana, err)
		}
	}
	if zones["Eastern Standard Time"] != "America/New_York" || zones["W. Europe Standard Time"] != "Europe/Berlin" {
		t.Error("the table maps the common zones wrongly")
	}
}

// A control character in a parameter value, which RFC 5545 does not
// allow and the parser refuses, costs neither the calendar nor the event:
// an attendee's name keeps it in the visible form lead prints (ESC as ^[),
// quoted or not, and the parameters after it are read.
func TestControlsInParameters(t *testing.T) {
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\n" +
		"DTSTART:20261123T150000Z\r\nSUMMARY:sync\r\n" +
		"ATTENDEE;CN=\"Dana \x1b[31mRed\":mailto:dana@example.com\r\n" +
		"ATTENDEE;CN=Sam\x07\x7f;PARTSTAT=ACCEPTED:mailto:sam@example.com\r\n" +
		"END:VEVENT\r\nEND:VCALENDAR\r\n"
	c, err := Parse(strings.NewReader(ics), newYork)
	if err != nil {
		t.Fatal(err)
	}
	events, err := c.Between(time.Date(2026, 11, 23, 0, 0, 0, 0, newYork), time.Date(2026, 11, 24, 0, 0, 0, 0, newYork))
	if err != nil || len(events) != 1 {
		t.Fatalf("events %+v, %v", events, err)
	}
	var names []string
	for _, a := range events[0].Attendees {
		names = append(names, a.Name+" <"+a.Email+"> "+a.Status)
	}
	same(t, names, []string{"Dana ^[[31mRed <dana@example.com> ", "Sam^G^? <sam@example.com> ACCEPTED"})
	if len(c.Warnings) != 0 {
		t.Errorf("warnings %q", c.Warnings)
	}
}

package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"
)

var deadlines = []Deadline{
	{UID: "5681f8f0a1b2c3d4@lead", Summary: "Due: Send the revised deck, with the risks up front; and the appendix",
		Description: "From 2026-11-09 1on1 with Dana Smith\nentries/2026/11/2026-11-09-1035-1on1-dana-smith.md",
		Day:         time.Date(2026, 11, 20, 0, 0, 0, 0, newYork), Categories: []string{"mine"}},
	{UID: "1ca5ce2e0f9a8b7c@lead", Summary: "Dana Smith owes: intro to the CFO — ünïcödé text that runs well past seventy-five octets",
		Day: time.Date(2026, 11, 18, 0, 0, 0, 0, newYork), Categories: []string{"theirs"}},
}

// The calendar written is valid for an independent, strict parser
// (emersion/go-ical), ends lines in CRLF, folds them at 75 octets, and has
// every property RFC 5545 requires.
func TestWriteIsValidICalendar(t *testing.T) {
	var b bytes.Buffer
	stamp := time.Date(2026, 11, 22, 21, 0, 0, 0, time.UTC)
	if err := Write(&b, "lead commitments", stamp, deadlines); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasSuffix(out, "\r\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Error("lines do not all end in CRLF")
	}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
	}
	cal, err := goical.NewDecoder(strings.NewReader(out)).Decode()
	if err != nil {
		t.Fatalf("a strict parser rejects it: %v\n%s", err, out)
	}
	for _, p := range []string{goical.PropVersion, goical.PropProductID} {
		if cal.Props.Get(p) == nil {
			t.Errorf("calendar without %s", p)
		}
	}
	events := cal.Events()
	if len(events) != 2 {
		t.Fatalf("%d events", len(events))
	}
	for i, ev := range events {
		for _, p := range []string{goical.PropUID, goical.PropDateTimeStamp, goical.PropDateTimeStart} {
			if ev.Props.Get(p) == nil {
				t.Errorf("event %d without %s", i, p)
			}
		}
		summary, _ := ev.Props.Text(goical.PropSummary)
		if summary != deadlines[i].Summary {
			t.Errorf("summary %q, want %q", summary, deadlines[i].Summary)
		}
		start := ev.Props.Get(goical.PropDateTimeStart)
		if start.ValueType() != goical.ValueDate || start.Value != deadlines[i].Day.Format("20060102") {
			t.Errorf("start %v %q, want the due date", start.ValueType(), start.Value)
		}
		if uid, _ := ev.Props.Text(goical.PropUID); uid != deadlines[i].UID {
			t.Errorf("uid %q", uid)
		}
	}
	description, _ := events[0].Props.Text(goical.PropDescription)
	if description != deadlines[0].Description {
		t.Errorf("description %q", description)
	}
	// And our own reader reads it back as all-day events on the due days.
	c, err := Parse(strings.NewReader(out), newYork)
	if err != nil {
		t.Fatal(err)
	}
	back, err := c.Between(time.Date(2026, 11, 1, 0, 0, 0, 0, newYork), time.Date(2026, 12, 1, 0, 0, 0, 0, newYork))
	if err != nil || len(back) != 2 || !back[0].AllDay || back[0].Start.Format("2006-01-02") != "2026-11-18" {
		t.Errorf("read back %+v, %v", back, err)
	}
}

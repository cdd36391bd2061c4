package jrnl

import (
	"strings"
	"testing"
	"time"
)

// A journal written the way jrnl writes one, with the edge cases its
// documentation and code name: a title ending at a sentence, a title on
// its own line, a starred entry, tags with @ and #, a bracketed line in a
// body that is not a date, a question as a title, an entry with no body,
// 12-hour timestamps with seconds, and, on a last line with no newline,
// a title that ends at a CJK full stop.
const plain = `[2026-11-20 09:00] Called in sick.
Used the time to clean the house and write my book.

[2026-11-20 14:30] 1:1 with @Dana about #q3 budget
Dana wants the risks first.
[link] is not a date, so this line stays in the body.
Thanked @lee-wong too.

[2026-11-21 10:15] Big news! *
Promotion approved.

[2026-11-21 11:00] Why do we meet on Fridays?

[2026-11-21 04:05:06 PM] Afternoon entry with seconds.

[2026-11-22 07:00] A whole first line. Is the title when a body follows
Body.

[2026-11-22 08:00] 今日は晴れ。散歩した。`

func TestParseText(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	got, err := ParseText(plain, ny)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		date, title, body string
		starred           bool
		tags              string
	}{
		{"2026-11-20 09:00", "Called in sick.", "Used the time to clean the house and write my book.", false, ""},
		{"2026-11-20 14:30", "1:1 with @Dana about #q3 budget", "Dana wants the risks first.\n[link] is not a date, so this line stays in the body.\nThanked @lee-wong too.", false, "#q3 @dana @lee-wong"},
		{"2026-11-21 10:15", "Big news!", "Promotion approved.", true, ""},
		{"2026-11-21 11:00", "Why do we meet on Fridays?", "", false, ""},
		{"2026-11-21 16:05", "Afternoon entry with seconds.", "", false, ""},
		{"2026-11-22 07:00", "A whole first line. Is the title when a body follows", "Body.", false, ""},
		{"2026-11-22 08:00", "今日は晴れ。", "散歩した。", false, ""}, // one line: split at the first sentence
	}
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Date.Format("2006-01-02 15:04") != w.date || g.Title != w.title || g.Body != w.body || g.Starred != w.starred || strings.Join(g.Tags, " ") != w.tags {
			t.Errorf("entry %d:\n got %s %q %q %v %q\nwant %s %q %q %v %q", i, g.Date.Format("2006-01-02 15:04"), g.Title, g.Body, g.Starred, g.Tags,
				w.date, w.title, w.body, w.starred, w.tags)
		}
	}
}

func TestParseJSON(t *testing.T) {
	data := `{"tags": {"@dana": 1}, "entries": [
	  {"title": "1:1 with @dana.", "body": "Budget.", "date": "2026-11-20", "time": "14:30", "tags": ["@dana"], "starred": true},
	  {"title": "No tags listed", "body": "but #inline ones", "date": "2026-11-21", "time": "09:00", "starred": false}]}`
	got, err := Parse([]byte(data), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !got[0].Starred || got[0].Tags[0] != "@dana" || got[0].Date.Hour() != 14 || got[1].Tags[0] != "#inline" {
		t.Errorf("%+v", got)
	}
	for _, bad := range []string{`{"entries": [{"date": "yesterday"}]}`, `{"entries": `} {
		if _, err := Parse([]byte(bad), time.UTC); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	if _, err := Parse([]byte("just some text\n"), time.UTC); err == nil {
		t.Error("text without entries accepted")
	}
}

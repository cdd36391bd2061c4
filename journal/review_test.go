package journal

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lead-journal/lead/journal/when"
)

func TestLastContactIsTheNewestEntry(t *testing.T) {
	j := testJournal(t)
	writeFile(t, j, "people/dana.md", "---\nname: Dana\nrelation: boss\ncadence: 14d\n---\n")
	writeFile(t, j, "people/kim.md", "---\nname: Kim\nrelation: peer\n---\n")
	writeFile(t, j, "people/pat.md", "---\nname: Pat\nrelation: skip\nsnooze_until: 2026-12-01\n---\n")
	// File names out of date order: the date in the front matter decides.
	writeFile(t, j, "entries/z-old.md", "---\ndate: 2026-11-01T10:00:00-05:00\nwith: [dana]\n---\n")
	writeFile(t, j, "entries/a-new.md", "---\ndate: 2026-11-10T10:00:00-05:00\nwith: [dana, kim]\n---\n")
	writeFile(t, j, "entries/future.md", "---\ndate: 2026-12-24T10:00:00-05:00\nwith: [dana, kim]\n---\n")
	s := read(j, Everything)
	now := time.Date(2026, 11, 22, 16, 0, 0, 0, newYork)

	c := s.ContactOf(s.Person("dana"), now)
	if c.Last == nil || c.Last.ID != "a-new" {
		t.Fatalf("last contact %v, want a-new (the newest entry not in the future)", c.Last)
	}
	if c.Cadence.String() != "14d" || Day(c.Due) != "2026-11-24" || c.Overdue || c.DaysSince(now) != 12 {
		t.Errorf("dana: cadence %s due %s overdue %v days %d", c.Cadence, Day(c.Due), c.Overdue, c.DaysSince(now))
	}
	// The relation's default cadence applies: peers every 14 days.
	if k := s.ContactOf(s.Person("kim"), now); k.Cadence.String() != "14d" || k.Overdue {
		t.Errorf("kim: %+v", k)
	}
	// Overdue the day after the due day begins.
	if c := s.ContactOf(s.Person("dana"), time.Date(2026, 11, 25, 0, 0, 0, 0, newYork)); !c.Overdue {
		t.Error("dana not overdue on the day after her due day")
	}
	if c := s.ContactOf(s.Person("dana"), time.Date(2026, 11, 24, 23, 59, 0, 0, newYork)); c.Overdue {
		t.Error("dana overdue on her due day")
	}
	// Never met but snoozed: not overdue until the snooze ends.
	if p := s.ContactOf(s.Person("pat"), now); !p.Never() || p.Overdue || !p.Snoozed {
		t.Errorf("pat: never %v overdue %v snoozed %v", p.Never(), p.Overdue, p.Snoozed)
	}
	if p := s.ContactOf(s.Person("pat"), time.Date(2026, 12, 2, 0, 0, 0, 0, newYork)); !p.Overdue {
		t.Error("pat not overdue once the snooze ended")
	}
	overdue := s.Overdue(time.Date(2026, 12, 20, 0, 0, 0, 0, newYork))
	var names []string
	for _, c := range overdue {
		names = append(names, c.Person.Slug)
	}
	if strings.Join(names, ",") != "dana,kim,pat" {
		t.Errorf("overdue on 20 Dec: %v, want dana,kim (longest overdue first) then pat (never met)", names)
	}
}

func TestReviewWeekAcrossTheYearBoundary(t *testing.T) {
	j := testJournal(t)
	writeFile(t, j, "people/sam.md", "---\nname: Sam\nrelation: report\n---\n")
	// 23:30 on Thursday 31 Dec local time is already 1 Jan in UTC.
	writeFile(t, j, "entries/nye.md", "---\ndate: 2026-12-31T23:30:00-05:00\nwith: [sam]\n---\n")
	writeFile(t, j, "entries/jan.md", "---\ndate: 2027-01-04T09:00:00-05:00\nwith: [sam]\n---\n")
	s := read(j, Everything)
	now := time.Date(2027, 1, 10, 12, 0, 0, 0, newYork)
	start, _, err := when.ISOWeek("2026-W53", newYork)
	if err != nil {
		t.Fatal(err)
	}
	r := s.ReviewWeek(start, now, 0)
	if r.Week != "2026-W53" || r.Entries != 1 || r.Directions[1].Count != 1 {
		t.Errorf("2026-W53: week %s, %d entries, down %d; want the New Year's Eve entry", r.Week, r.Entries, r.Directions[1].Count)
	}
	r = s.ReviewWeek(time.Date(2027, 1, 4, 0, 0, 0, 0, newYork), now, 0)
	if r.Week != "2027-W01" || r.Entries != 1 {
		t.Errorf("2027-W01: week %s, %d entries", r.Week, r.Entries)
	}
}

func TestPracticesAndProjectsWithTheBoss(t *testing.T) {
	j := testJournal(t)
	writeFile(t, j, ConfigFile, "practices:\n  - name: wrote-it-down\n    description: Sent a written summary.\n    nudge: Send %s a written summary.\n    relations: [boss]\n")
	var err error
	if j.Config, err = LoadConfig(j.Root); err != nil {
		t.Fatal(err)
	}
	writeFile(t, j, "people/dana.md", "---\nname: Dana\nrelation: boss\n---\n")
	writeFile(t, j, "people/lee.md", "---\nname: Lee\nrelation: peer\n---\n")
	writeFile(t, j, "entries/1.md", "---\ndate: 2026-10-20T10:00:00-04:00\nwith: [dana]\nproject: old\npractices: [thanked]\n---\n")
	writeFile(t, j, "entries/2.md", "---\ndate: 2026-11-02T10:00:00-05:00\nwith: [dana]\nproject: apollo\npractices: [previewed, wrote-it-down]\n---\n")
	writeFile(t, j, "entries/3.md", "---\ndate: 2026-11-10T10:00:00-05:00\nwith: [dana]\nproject: zeus\n---\n")
	writeFile(t, j, "entries/4.md", "---\ndate: 2026-11-18T10:00:00-05:00\nwith: [lee]\nproject: apollo\n---\n")
	writeFile(t, j, "entries/5.md", "---\ndate: 2026-11-19T10:00:00-05:00\nwith: [lee]\nproject: zeus\n---\n")
	s := read(j, Everything)
	now := time.Date(2026, 11, 22, 16, 0, 0, 0, newYork)
	r := s.ReviewWeek(now, now, ReviewListLimit)
	if len(r.Bosses) != 1 {
		t.Fatalf("%d bosses", len(r.Bosses))
	}
	counts := map[string]int{}
	for _, pc := range r.Bosses[0].Counts {
		counts[pc.Practice.Name] = pc.Count
	}
	// The thanks on 20 Oct is more than four weeks back.
	if counts["previewed"] != 1 || counts["wrote-it-down"] != 1 || counts["thanked"] != 0 {
		t.Errorf("counts %v", counts)
	}
	if _, ok := counts["gave-feedback"]; ok {
		t.Error("gave-feedback is for reports and peers, not the boss")
	}
	if p, _ := j.Config.Practice("thanked"); p.NudgeFor("Dana") != "Thank Dana for something specific." {
		t.Errorf("nudge %q", p.NudgeFor("Dana"))
	}
	for _, p := range r.Bosses[0].Missing {
		if p.Name == "wrote-it-down" || p.Name == "previewed" {
			t.Errorf("%s shown but nudged", p.Name)
		}
		if p.Name == "thanked" {
			t.Error("thanked is nudged here; the review's Thanks asks for it")
		}
	}
	// apollo: the boss was last in on 2 Nov, 20 days ago; zeus: 10 Nov, 12 days ago.
	got := map[string]bool{}
	for _, pc := range r.Projects {
		got[pc.Project] = pc.BossInvolve
	}
	if len(got) != 2 || got["apollo"] || !got["zeus"] {
		t.Errorf("projects %v, want apollo not involved and zeus involved", got)
	}
}

func TestConfigRejectsNonsense(t *testing.T) {
	for name, text := range map[string]string{
		"direction": "relations:\n  board: {direction: diagonal}\n",
		"cadence":   "relations:\n  board: {direction: up, cadence: often}\n",
		"time":      "default_time: noon\n",
		"yaml":      "kinds: [a\n",
	} {
		j := testJournal(t)
		writeFile(t, j, ConfigFile, text)
		if _, err := LoadConfig(j.Root); err == nil || !strings.Contains(err.Error(), ConfigFile) {
			t.Errorf("%s: got %v, want an error naming %s", name, err, ConfigFile)
		}
	}
}

// A person's agenda is oldest first, whatever falls due when: their own
// file's items, then those of entries by date, ties between entries as
// they are listed newest first, and the items of one entry in the order
// written.
func TestAgendaIsOldestFirst(t *testing.T) {
	j := testJournal(t)
	writeFile(t, j, "people/dana.md", "---\nname: Dana\n---\n## Agenda\n- [ ] from her file\n")
	entry := func(id, date string, items ...string) {
		text := "---\ndate: " + date + "\nwith: [dana]\n---\n## Next time\n"
		for _, it := range items {
			text += "- [ ] " + it + "\n"
		}
		writeFile(t, j, "entries/2026/11/"+id+".md", text)
	}
	entry("2026-11-20-1000-b", "2026-11-20T10:00:00Z", "newest, first", "newest, second due:2026-11-01")
	entry("2026-11-02-1000-a", "2026-11-02T10:00:00Z", "oldest")
	entry("2026-11-10-1000-c", "2026-11-10T10:00:00Z", "same time, c")
	entry("2026-11-10-1000-d", "2026-11-10T10:00:00Z", "same time, d")
	s := read(j, OpenItems)
	var got []string
	for _, it := range s.Agenda("dana") {
		got = append(got, it.Text)
	}
	var want []string
	for _, e := range s.Entries { // ties between entries: in the order the snapshot lists them
		if e.Date.Day() == 10 {
			want = append(want, e.Items[0].Text)
		}
	}
	want = append([]string{"from her file", "oldest"}, append(want, "newest, first", "newest, second due:2026-11-01")...)
	if !slices.Equal(got, want) {
		t.Errorf("agenda %q, want %q", got, want)
	}
}

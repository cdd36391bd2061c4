package journal

import (
	"strings"
	"testing"
	"time"
)

func TestFeedbackKind(t *testing.T) {
	for text, want := range map[string]string{
		"Dana: lead with the decision.":          FeedbackNote,
		"Dana: #praise a clear plan.":            FeedbackPraise,
		"#Correction: the estimate was off":      FeedbackCorrection,
		"asked for a daily status (#oversight).": FeedbackOversight,
		"C#praise is not a tag; #oversight is":   FeedbackOversight,
		"issue #12 #praise":                      FeedbackPraise,
		"#praised is not a kind":                 FeedbackNote,
		"#correction first, then #praise":        FeedbackCorrection,
		"":                                       FeedbackNote,
	} {
		if got := FeedbackKind(text); got != want {
			t.Errorf("FeedbackKind(%q) = %q, want %q", text, got, want)
		}
	}
}

// Chasing an item keeps its id, whatever nudges its line holds, and the
// wait counts from the latest nudge up to the moment asked about.
func TestNudgesKeepTheIdAndRestartTheWait(t *testing.T) {
	j := testJournal(t)
	rel := "entries/2026/11/2026-11-02-1000-lee.md"
	writeFile(t, j, rel, "---\ndate: 2026-11-02T10:00:00-05:00\nwith: [lee]\n---\n- [ ] @lee the numbers\n- [ ] @lee the numbers\n")
	before := read(j, Everything).Items()
	now := time.Date(2026, 11, 22, 16, 0, 0, 0, time.Local)
	for _, day := range []time.Time{now.AddDate(0, 0, -10), now} {
		if err := j.Nudge(*before[1], day); err != nil {
			t.Fatal(err)
		}
	}
	after := read(j, Everything).Items()
	if after[0].ID != before[0].ID || after[1].ID != before[1].ID || after[1].Text != "@lee the numbers nudged:2026-11-12 nudged:2026-11-22" {
		t.Fatalf("after two nudges: %q %s, %q %s; before: %s, %s", after[0].Text, after[0].ID, after[1].Text, after[1].ID, before[0].ID, before[1].ID)
	}
	for at, want := range map[time.Time]int{now: 0, now.AddDate(0, 0, -1): 9, now.AddDate(0, 0, -11): 9} {
		if got := after[1].WaitingDays(at); got != want {
			t.Errorf("waiting at %s: %d days, want %d", at.Format(time.DateOnly), got, want)
		}
	}
	if err := j.Nudge(*after[1], now); err != nil {
		t.Fatal(err)
	}
	if again := read(j, Everything).Items(); again[1].Text != after[1].Text {
		t.Errorf("a second nudge on the same day wrote %q", again[1].Text)
	}
}

func TestHabitsSettings(t *testing.T) {
	j := testJournal(t)
	writeFile(t, j, ConfigFile, "habits:\n  thank_within: {peer: 10d, default: 0d}\n  styles: {visual: Bring a diagram.}\n")
	c, err := LoadConfig(j.Root)
	if err != nil {
		t.Fatal(err)
	}
	h := c.Habits
	if h.ThankWindow("peer").Days() != 10 || h.ThankWindow("boss").Days() != 30 || !h.ThankWindow("vendor").IsZero() {
		t.Errorf("thank windows: peer %v, boss %v, vendor %v", h.ThankWindow("peer"), h.ThankWindow("boss"), h.ThankWindow("vendor"))
	}
	if h.StyleAdvice("visual") != "Bring a diagram." || h.StyleAdvice("detail") == "" || h.ChaseWindow("peer").Days() != 7 {
		t.Errorf("styles and chase windows: %+v", h)
	}
	for name, text := range map[string]string{
		"thank":   "habits:\n  thank_within: {peer: soon}\n",
		"chase":   "habits:\n  chase_after: {default: 7}\n",
		"preview": "habits:\n  preview_within: a week\n",
	} {
		writeFile(t, j, ConfigFile, text)
		if _, err := LoadConfig(j.Root); err == nil || !strings.Contains(err.Error(), ConfigFile) || !strings.Contains(err.Error(), "habits") {
			t.Errorf("%s: got %v, want an error naming %s and habits", name, err, ConfigFile)
		}
	}
}

// A cadence of 7d..14d is ok to the ideal's day, due after it, overdue
// after the limit's day and lapsed after twice the limit; one span is
// both ideal and limit. Overdue people rank by influence, then staleness.
func TestGradedCadence(t *testing.T) {
	j := testJournal(t)
	writeFile(t, j, "people/ravi.md", "---\nname: Ravi\nrelation: stakeholder\ncadence: 7d..14d\n---\n")
	writeFile(t, j, "people/omar.md", "---\nname: Omar\nrelation: peer\ncadence: 7d\ninfluence: high\n---\n")
	writeFile(t, j, "people/mia.md", "---\nname: Mia\nrelation: peer\ncadence: 7d\n---\n")
	writeFile(t, j, "entries/2026/11/a.md", "---\ndate: 2026-11-01T10:00:00-05:00\nwith: [ravi, omar]\n---\n")
	writeFile(t, j, "entries/2026/11/b.md", "---\ndate: 2026-10-20T10:00:00-04:00\nwith: [mia]\n---\n")
	s := read(j, Everything)
	ravi := s.Person("ravi")
	for days, want := range map[int]string{0: GradeOK, 7: GradeOK, 8: GradeDue, 14: GradeDue, 15: GradeOverdue, 28: GradeOverdue, 29: GradeLapsed} {
		now := time.Date(2026, 11, 1+days, 12, 0, 0, 0, time.FixedZone("", -5*3600))
		if got := s.ContactOf(ravi, now).Grade(now); got != want {
			t.Errorf("%d days after: %s, want %s", days, got, want)
		}
	}
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.FixedZone("", -5*3600))
	var ranked []string
	for _, c := range s.Overdue(now) {
		ranked = append(ranked, c.Person.Slug)
	}
	if strings.Join(ranked, " ") != "omar mia ravi" {
		t.Errorf("overdue ranked %v, want omar (high influence), mia (stalest), ravi", ranked)
	}
	for _, bad := range []string{"14d..7d", "7d..", "..7d", "7d..2x"} {
		writeFile(t, j, "people/ravi.md", "---\nname: Ravi\ncadence: "+bad+"\n---\n")
		if p := read(j, Everything).Person("ravi"); p != nil {
			t.Errorf("cadence %q was read", bad)
		}
	}
}

// The balance compares the last three months with the last twelve, up to
// the moment of the review, and says when a direction's share fell by ten
// points or more.
func TestDirectionShares(t *testing.T) {
	j := testJournal(t)
	writeFile(t, j, "people/dana.md", "---\nname: Dana\nrelation: boss\n---\n")
	writeFile(t, j, "people/sam.md", "---\nname: Sam\nrelation: report\n---\n")
	at := time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC)
	entry := func(name string, d time.Time, who string) {
		writeFile(t, j, "entries/"+d.Format("2006/01/2006-01-02-1504-")+name+".md",
			"---\ndate: "+d.Format(time.RFC3339)+"\nwith: ["+who+"]\n---\n")
	}
	for m := 4; m <= 12; m++ { // Sam monthly until three months ago
		entry("sam", at.AddDate(0, -m, 0), "sam")
	}
	for w := 0; w < 13; w++ { // Dana weekly, the last quarter
		entry("dana", at.AddDate(0, 0, -7*w), "dana")
	}
	entry("old", at.AddDate(-1, 0, -1), "sam") // before the year
	entry("later", at.Add(time.Hour), "sam")   // after the review's moment
	shares := read(j, Everything).directionShares(at)
	up, down := shares[0], shares[1]
	if up.Quarter != 13 || up.Year != 13 || down.Quarter != 0 || down.Year != 9 {
		t.Fatalf("up %+v, down %+v", up, down)
	}
	if !down.Falling() || up.Falling() || percent(down.YearShare) != 41 {
		t.Errorf("falling: down %v (%d%% of the year), up %v", down.Falling(), percent(down.YearShare), up.Falling())
	}
}

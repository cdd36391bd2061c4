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
	before := j.Load().Items()
	now := time.Date(2026, 11, 22, 16, 0, 0, 0, time.Local)
	for _, day := range []time.Time{now.AddDate(0, 0, -10), now} {
		if err := j.Nudge(*before[1], day); err != nil {
			t.Fatal(err)
		}
	}
	after := j.Load().Items()
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
	if again := j.Load().Items(); again[1].Text != after[1].Text {
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

package journal

import (
	"fmt"
	"slices"
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
	writeFile(t, j, ConfigFile, "habits:\n  thank_within: {peer: 10d, default: 0d}\n  styles: {visual: Bring a diagram.}\n  above_boss: [vp]\n")
	c, err := LoadConfig(j.Root)
	if err != nil {
		t.Fatal(err)
	}
	h := c.Habits
	if h.ThankWindow("peer").Days() != 10 || h.ThankWindow("boss").Days() != 30 || !h.ThankWindow("vendor").IsZero() {
		t.Errorf("thank windows: peer %v, boss %v, vendor %v", h.ThankWindow("peer"), h.ThankWindow("boss"), h.ThankWindow("vendor"))
	}
	if !h.IsAboveBoss("vp") || h.IsAboveBoss("skip") || !DefaultConfig().Habits.IsAboveBoss("skip") {
		t.Errorf("above the boss: %v", h.AboveBoss)
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

func TestOversightRising(t *testing.T) {
	for _, c := range []struct {
		recent, recentAll, earlier, earlierAll int
		want                                   bool
	}{
		{3, 4, 1, 3, true},
		{2, 2, 0, 0, true},  // none before: any share is more
		{1, 1, 0, 0, false}, // once is no trend
		{2, 4, 2, 4, false}, // the same share
		{2, 8, 1, 2, false}, // more often, but a smaller share
		{0, 0, 3, 3, false}, // it fell away
	} {
		tr := OversightTrend{Recent: c.recent, RecentAll: c.recentAll, Earlier: c.earlier, EarlierAll: c.earlierAll}
		if tr.Rising() != c.want {
			t.Errorf("%+v: rising %v, want %v", c, tr.Rising(), c.want)
		}
	}
}

// Chains of trust follow trusts either way, start with someone engaged,
// take the most recently engaged of equal next steps, and leave out a
// chain through someone engaged, whose own chain is shorter.
func TestPathsTo(t *testing.T) {
	j := testJournal(t)
	for slug, fm := range map[string]string{
		"pat":   "relation: executive\ntrusts: [priya]",
		"priya": "relation: peer",
		"kim":   "relation: peer\ntrusts: [pat]",
		"lee":   "relation: peer\ntrusts: [priya, kim]",
		"dana":  "relation: boss\ntrusts: [lee]",
		"zoe":   "relation: peer",
	} {
		writeFile(t, j, "people/"+slug+".md", "---\nname: "+slug+"\n"+fm+"\n---\n")
	}
	entry := func(name, date, who string) {
		writeFile(t, j, "entries/2026/11/"+name+".md", "---\ndate: "+date+"\nwith: ["+who+"]\n---\n")
	}
	entry("lee", "2026-11-20T10:00:00-05:00", "lee")
	entry("dana", "2026-11-21T10:00:00-05:00", "dana")
	entry("kim", "2026-11-19T10:00:00-05:00", "kim")
	entry("priya", "2026-09-01T10:00:00-04:00", "priya") // long ago: not engaged
	entry("zoe", "2026-11-21T11:00:00-05:00", "zoe")     // engaged, but trusts no one
	now := time.Date(2026, 11, 22, 16, 0, 0, 0, time.FixedZone("", -5*3600))
	chains := func() []string { // slugs, "<" where the next one trusts them
		s := read(j, Headers)
		var out []string
		for _, c := range s.PathsTo(s.Person("pat"), now) {
			var names []string
			for i, link := range c {
				names = append(names, link.Person.Slug)
				if i+1 < len(c) && !c.Trusts(i) {
					names[i] += "<"
				}
			}
			out = append(out, strings.Join(names, " "))
		}
		return out
	}
	got := chains()
	// kim trusts pat: one link. lee's two ways to pat are as short; kim,
	// engaged, is the more recent, so lee's chain runs through kim and is
	// left out. dana's runs through lee. Priya, not engaged, starts none.
	if want := []string{"kim pat"}; !slices.Equal(got, want) {
		t.Errorf("chains %q, want %q", got, want)
	}
	writeFile(t, j, "people/kim.md", "---\nname: kim\nrelation: peer\n---\n")
	if got, want := chains(), []string{"lee priya< pat"}; !slices.Equal(got, want) {
		t.Errorf("without kim's trust: chains %q, want %q", got, want)
	}
}

// A meeting above the boss on a project needs a previewed entry with the
// boss on that project (in any case) within the window before it; one
// the boss was in needs none, and a preview after it is too late.
func TestPreviewGaps(t *testing.T) {
	j := testJournal(t)
	writeFile(t, j, "people/dana.md", "---\nname: Dana\nrelation: boss\n---\n")
	writeFile(t, j, "people/pat.md", "---\nname: Pat\nrelation: skip\n---\n")
	entry := func(name, date, who, project, practices string) {
		writeFile(t, j, "entries/2026/11/"+name+".md", "---\ndate: "+date+"\nwith: ["+who+"]\nproject: "+project+"\npractices: ["+practices+"]\n---\n")
	}
	entry("preview-q3", "2026-11-10T09:00:00-05:00", "dana", "Q3", "previewed")
	entry("pat-q3", "2026-11-17T09:00:00-05:00", "pat", "q3", "")               // 7 days after: covered
	entry("pat-q4", "2026-11-17T10:00:00-05:00", "pat", "q4", "")               // no preview of q4
	entry("preview-q4", "2026-11-18T09:00:00-05:00", "dana", "q4", "previewed") // too late
	entry("pat-dana", "2026-11-18T10:00:00-05:00", "pat, dana", "hiring", "")   // the boss was there
	entry("pat-q3-late", "2026-11-18T09:30:00-05:00", "pat", "q3", "")          // 8 days after the preview
	s := read(j, Headers)
	start := time.Date(2026, 11, 16, 0, 0, 0, 0, time.FixedZone("", -5*3600))
	var got []string
	for _, g := range s.previewGaps(start, start.AddDate(0, 0, 7)) {
		got = append(got, g.Entry.ID)
	}
	if want := []string{"pat-q4", "pat-q3-late"}; !slices.Equal(got, want) {
		t.Errorf("gaps %v, want %v", got, want)
	}
}

// What someone owes you is chased once it has waited its relation's
// chase window, to the day, and not before; a nudge restarts the wait.
func TestFollowUpsAtTheEdge(t *testing.T) {
	j := testJournal(t)
	writeFile(t, j, "people/lee.md", "---\nname: Lee\nrelation: peer\n---\n")
	writeFile(t, j, "people/pat.md", "---\nname: Pat\nrelation: skip\n---\n")
	writeFile(t, j, ConfigFile, "habits:\n  chase_after: {skip: 14d}\n")
	for name, text := range map[string]string{
		"a": "date: 2026-11-15T18:00:00-05:00\n---\n- [ ] @lee six\n",
		"b": "date: 2026-11-14T08:00:00-05:00\n---\n- [ ] @lee seven\n- [ ] mine, never chased\n",
		"c": "date: 2026-11-07T10:00:00-05:00\n---\n- [ ] @pat fourteen\n",
		"d": "date: 2026-11-08T10:00:00-05:00\n---\n- [ ] @pat thirteen\n",
		"e": "date: 2026-11-01T10:00:00-05:00\n---\n- [ ] @lee nudged nudged:2026-11-15\n",
	} {
		writeFile(t, j, "entries/2026/11/"+name+".md", "---\n"+text)
	}
	j, _, _ = Open(j.Root)
	s := read(j, OpenItems)
	now := time.Date(2026, 11, 21, 23, 0, 0, 0, time.Local)
	var got []string
	for _, f := range s.FollowUps(s.Items(), now) {
		got = append(got, fmt.Sprintf("%s %d", f.Item.Text, f.Waiting))
	}
	if want := []string{"@pat fourteen 14", "@lee seven 7"}; !slices.Equal(got, want) {
		t.Errorf("follow-ups %q, want %q", got, want)
	}
}

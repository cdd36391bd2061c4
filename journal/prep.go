package journal

import (
	"slices"
	"time"
)

// Prep is the brief to read before meeting someone.
type Prep struct {
	Contact  Contact
	Mine     []*Item    // what I owe, from entries with them
	Theirs   []*Item    // what they owe me
	Agenda   []*Item    // queued to raise
	Wins     []Win      // recorded since the last meeting with them: worth sharing (for someone outside, only those involving them or their projects)
	Feedback []Feedback // the latest feedback from them in entries with them, newest first
	Recent   []*Entry   // the last interactions, newest first

	Advice       string          // what their style asks of you (Habits.Styles)
	Thanked      *Thanks         // the last time you thanked them; nil if never
	PreviewFirst *PreviewFirst   // for someone above your boss: what to preview with the boss first
	Trusted      []Contact       // the people they trust, and when you last engaged each
	Oversight    *OversightTrend // for a boss whose close oversight is rising
}

// Recent bounds for a prep brief.
const (
	PrepEntries  = 5
	PrepFeedback = 3
	// PrepWinsWindow is how far back wins go when you have never met.
	PrepWinsWindow = 14 * 24 * time.Hour
)

// Prep builds the brief for meeting p at now.
func (s *Snapshot) Prep(p *Person, now time.Time) *Prep {
	pr := &Prep{Contact: s.ContactOf(p, now), Agenda: s.Agenda(p.Slug)}
	for _, it := range s.OpenWith(p.Slug) {
		if it.Mine() {
			pr.Mine = append(pr.Mine, it)
		} else {
			pr.Theirs = append(pr.Theirs, it)
		}
	}
	since := now.Add(-PrepWinsWindow)
	if last := pr.Contact.Last; last != nil {
		since = last.Date.Add(time.Nanosecond)
	}
	pr.Wins = s.Wins(since, now.Add(time.Nanosecond))
	if s.Direction(p) == Out { // outside the company: only what involves them
		pr.Wins = s.winsInvolving(pr.Wins, p)
	}
	s.prepHabits(pr, now)
	for _, e := range s.Entries { // newest first
		if !e.Has(p.Slug) || e.Date.After(now) {
			continue
		}
		if len(pr.Recent) < PrepEntries {
			pr.Recent = append(pr.Recent, e)
		}
		for i := len(e.Feedback) - 1; i >= 0 && len(pr.Feedback) < PrepFeedback; i-- {
			if f := (Feedback{Text: e.Feedback[i], Entry: e}); s.feedbackFrom(f.Text, e) == p.Slug {
				f.From = p.Slug
				pr.Feedback = append(pr.Feedback, f)
			}
		}
		if len(pr.Recent) == PrepEntries && len(pr.Feedback) == PrepFeedback {
			break
		}
	}
	return pr
}

// winsInvolving keeps the wins that credit p, were recorded with p, or
// are about a project of an entry with p.
func (s *Snapshot) winsInvolving(wins []Win, p *Person) []Win {
	projects := map[string]bool{}
	for _, e := range s.Entries {
		if e.Project != "" && e.Has(p.Slug) {
			projects[e.Project] = true
		}
	}
	var out []Win
	for _, w := range wins {
		if slices.Contains(w.Credited, p.Slug) || w.Entry.Has(p.Slug) || projects[w.Entry.Project] {
			out = append(out, w)
		}
	}
	return out
}

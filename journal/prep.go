package journal

import "time"

// Prep is the brief to read before meeting someone.
type Prep struct {
	Contact  Contact
	Mine     []Item     // what I owe, from entries with them
	Theirs   []Item     // what they owe me
	Agenda   []Item     // queued to raise
	Wins     []Win      // recorded since the last meeting with them: worth sharing
	Feedback []Feedback // the latest feedback from them, newest first
	Recent   []*Entry   // the last interactions, newest first
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
	all := s.FeedbackIn(time.Time{}, now.Add(time.Nanosecond))
	for i := len(all) - 1; i >= 0 && len(pr.Feedback) < PrepFeedback; i-- {
		if all[i].From == p.Slug {
			pr.Feedback = append(pr.Feedback, all[i])
		}
	}
	for _, e := range s.Entries {
		if len(pr.Recent) == PrepEntries {
			break
		}
		if e.Has(p.Slug) && !e.Date.After(now) {
			pr.Recent = append(pr.Recent, e)
		}
	}
	return pr
}

package journal

import "time"

// prepHabits adds to a brief what the habits of leading up ask before
// the meeting: the style's instruction, the last thanks, a preview with
// the boss first, whom they trust, and for a boss, rising oversight.
func (s *Snapshot) prepHabits(pr *Prep, now time.Time) {
	p := pr.Contact.Person
	pr.Advice = s.Journal.Config.Habits.StyleAdvice(p.Style)
	if t, ok := s.LastThanks(p.Slug, now); ok {
		pr.Thanked = &t
	}
	pr.PreviewFirst = s.previewFirst(p, pr.Contact.Last, pr.Wins, now)
	if p.Relation == "boss" {
		if t := s.oversightTrend(p, now); t.Rising() {
			pr.Oversight = &t
		}
	}
	for _, slug := range p.Trusts {
		if q := s.people[slug]; q != nil {
			pr.Trusted = append(pr.Trusted, s.ContactOf(q, now))
		}
	}
}

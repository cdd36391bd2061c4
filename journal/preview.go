package journal

import (
	"slices"
	"strings"
	"time"
)

// PreviewedPractice is the practice an entry records when you previewed
// results with the people in it before they went wider.
const PreviewedPractice = "previewed"

// PreviewGap is an entry with people above your boss on a project, not
// preceded within the preview window by a previewed entry with the boss on
// it: the boss may hear of it second-hand.
type PreviewGap struct {
	Entry *Entry
	Above []*Person // the people in it above your boss
	Boss  *Person   // the boss to preview with
}

// previewGaps finds the preview gaps among entries dated in [start, end).
// An entry the boss was in needs no preview. A journal without a boss has
// none to find.
func (s *Snapshot) previewGaps(start, end time.Time) []PreviewGap {
	bosses := s.Bosses()
	if len(bosses) == 0 {
		return nil
	}
	window := s.Journal.Config.Habits.PreviewWindow()
	var out []PreviewGap
	s.eachInWindow(start, end, func(e *Entry) {
		above := s.aboveBossIn(e)
		if e.Project == "" || len(above) == 0 || s.withBoss(e, bosses) != nil {
			return
		}
		if _, ok := s.lastPreview(e.Project, bosses, before(window, e.Date), e.Date); !ok {
			out = append(out, PreviewGap{Entry: e, Above: above, Boss: bosses[0]})
		}
	})
	return out
}

// aboveBossIn returns the people of e above your boss.
func (s *Snapshot) aboveBossIn(e *Entry) []*Person {
	var out []*Person
	for _, slug := range e.With {
		if p := s.people[slug]; p != nil && s.Journal.Config.Habits.IsAboveBoss(p.Relation) {
			out = append(out, p)
		}
	}
	return out
}

// withBoss returns the first of bosses in e, or nil.
func (s *Snapshot) withBoss(e *Entry, bosses []*Person) *Person {
	for _, b := range bosses {
		if e.Has(b.Slug) {
			return b
		}
	}
	return nil
}

// lastPreview returns the newest entry dated in [from, until] with a boss
// on the project (on any, for "") that records the practice previewed.
func (s *Snapshot) lastPreview(project string, bosses []*Person, from, until time.Time) (*Entry, bool) {
	var last *Entry
	s.eachInWindow(from, until.Add(time.Nanosecond), func(e *Entry) {
		if (project == "" || strings.EqualFold(e.Project, project)) && slices.Contains(e.Practices, PreviewedPractice) && s.withBoss(e, bosses) != nil {
			last = e
		}
	})
	return last, last != nil
}

// PreviewFirst is prep's reminder, before meeting someone above your
// boss, to preview with the boss first: the projects of your work since
// you last met them (or in the last two weeks) that the boss has not had
// a preview of within the preview window, and the wins since then when
// the boss has had no preview at all in it.
type PreviewFirst struct {
	Boss     *Person
	Projects []string
	Wins     int
}

// previewFirst builds the reminder for meeting p at now, with the wins
// since you last met them, nil when p is not above your boss, there is
// no boss, or nothing waits to be previewed.
func (s *Snapshot) previewFirst(p *Person, last *Entry, wins []Win, now time.Time) *PreviewFirst {
	bosses := s.Bosses()
	if !s.Journal.Config.Habits.IsAboveBoss(p.Relation) || len(bosses) == 0 {
		return nil
	}
	since := now.Add(-PrepWinsWindow)
	if last != nil {
		since = last.Date.Add(time.Nanosecond)
	}
	window := s.Journal.Config.Habits.PreviewWindow()
	pf := &PreviewFirst{Boss: bosses[0]}
	s.eachInWindow(since, now.Add(time.Nanosecond), func(e *Entry) {
		if e.Project == "" || slices.ContainsFunc(pf.Projects, func(x string) bool { return strings.EqualFold(x, e.Project) }) {
			return
		}
		if _, ok := s.lastPreview(e.Project, bosses, before(window, now), now); !ok {
			pf.Projects = append(pf.Projects, e.Project)
		}
	})
	if _, previewed := s.lastPreview("", bosses, before(window, now), now); !previewed {
		pf.Wins = len(wins)
	}
	if len(pf.Projects) == 0 && pf.Wins == 0 {
		return nil
	}
	slices.Sort(pf.Projects)
	return pf
}

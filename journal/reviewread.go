package journal

import (
	"slices"
	"time"
)

// LoadReview reads what Snapshot.Review of the window [start, end) at now
// looks at: the people; the entries from the start of the earliest window
// the review counts in up to end; and the open items of the entries
// before that, held apart from them. Of those earlier entries it keeps
// only the ones the review looks up: the newest with each person and the
// newest on each project with a boss, without what their bodies hold.
// A review of years of entries reads a few weeks of them.
func (j *Journal) LoadReview(start, end, now time.Time) *Snapshot {
	s := j.LoadPeople()
	at := reviewAt(end, now)
	since := start.Add(-4 * end.Sub(start)) // the windows balance averages over
	if practices := at.Add(-PracticeWindow); practices.Before(since) {
		since = practices
	}
	scope := &reviewScope{since: since, end: end, people: s.people, bosses: map[string]bool{}}
	for _, b := range s.Bosses() {
		scope.bosses[b.Slug] = true
	}
	j.readEntries(s, reading{detail: openItems, review: scope})
	s.Entries = scope.newest(s.Entries) // each block kept its own newest
	return s
}

// reviewScope is what a review's read keeps (LoadReview): the entries
// dated from since to end whole, nothing later, and of those before, the
// open items, held apart in heldItems, and the newest entry with each
// person (for Snapshot.Contacts) and on each project with a boss (for
// projectChecks), without their bodies. Every window a review counts in
// starts at since or later and ends by end; it judges items and contacts
// at a moment no later than end, and what it looks up before since is
// older than that moment.
type reviewScope struct {
	since, end time.Time
	people     map[string]*Person
	bosses     map[string]bool // by slug
}

// heldItems are the open items of an entry a review's read leaves out.
type heldItems struct {
	date  time.Time // the entry's
	id    string    // the entry's
	items []Item
}

// compareHeld orders held items as their entries are ordered.
func compareHeld(a, b heldItems) int { return newestFirst(a.date, a.id, b.date, b.id) }

// scopeRead is what a review's read of one block finds before since.
type scopeRead struct {
	*reviewScope
	held     []heldItems
	with, on map[string]latest // the newest entry by person; by project, with a boss
}

// latest is the newest entry found so far, and where its record starts.
type latest struct {
	date   time.Time
	id     string
	record int
}

func (sc *reviewScope) read() *scopeRead {
	return &scopeRead{reviewScope: sc, with: map[string]latest{}, on: map[string]latest{}}
}

// note notes e, whose record starts at record, where it is the newest
// entry so far with one of its people or on its project with a boss.
func (r *scopeRead) note(e *Entry, record int) {
	newer := func(m map[string]latest, key string) {
		if l, ok := m[key]; !ok || newestFirst(e.Date, e.ID, l.date, l.id) < 0 {
			m[key] = latest{e.Date, e.ID, record}
		}
	}
	r.looksUp(e, func(person string) { newer(r.with, person) }, func(project string) { newer(r.on, project) })
}

// records returns where the records of the newest entries noted start,
// in order, once each.
func (r *scopeRead) records() []int {
	var out []int
	for _, m := range []map[string]latest{r.with, r.on} {
		for _, l := range m {
			out = append(out, l.record)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// looksUp calls person for each of e's people and project for its
// project when it has one and e a boss: what a review looks up an entry
// before since for.
func (sc *reviewScope) looksUp(e *Entry, person, project func(string)) {
	boss := false
	for _, slug := range e.With {
		if sc.people[slug] != nil {
			person(slug)
		}
		boss = boss || sc.bosses[slug]
	}
	if boss && e.Project != "" {
		project(e.Project)
	}
}

// newest returns the entries, newest first, without those before since
// that are not the newest with one of their people or on their project
// with a boss.
func (sc *reviewScope) newest(entries []*Entry) []*Entry {
	with, on := map[string]bool{}, map[string]bool{}
	out := entries[:0]
	for _, e := range entries {
		keep := !e.Date.Before(sc.since)
		first := func(seen map[string]bool) func(string) {
			return func(key string) {
				keep = keep || !seen[key]
				seen[key] = true
			}
		}
		if !keep {
			sc.looksUp(e, first(with), first(on))
		}
		if keep {
			out = append(out, e)
		}
	}
	return out
}

// reviewAt is the moment a review of a window ending at end judges what
// is open and overdue: end, or now if earlier.
func reviewAt(end, now time.Time) time.Time {
	if now.Before(end) {
		return now
	}
	return end
}

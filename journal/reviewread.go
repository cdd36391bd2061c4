package journal

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal/when"
)

// LoadReview reads what Snapshot.Review of the window [start, end) at now,
// showing up to shown items of each list, looks at: the people; the
// entries from the start of the earliest window the review counts in up
// to end; and of the entries before that, the open items it could show,
// with a count of the rest. Of those earlier entries it keeps only the
// ones the review looks up: the newest with each person and the newest on
// each project with a boss, without what their bodies hold. A review of
// years of entries reads a few weeks of them. The snapshot is for that
// review only.
func (j *Journal) LoadReview(start, end, now time.Time, shown int) *Snapshot {
	s := j.LoadPeople()
	dueFrom, dueUntil := dueSoonDays(end)
	scope := &reviewScope{since: firstCounted(start, end, reviewAt(end, now)), end: end, shown: shown,
		doneSince: when.Day(start), openAt: pastEnd(end, now),
		dueFrom: dueFrom, dueUntil: dueUntil, people: s.People, index: make(map[string]reviewed, len(s.People))}
	for n, p := range s.People {
		scope.index[p.Slug] = reviewed{n, p.Relation == "boss"} // as Snapshot.Bosses
	}
	j.readEntries(s, reading{detail: openItems, review: scope})
	s.Entries = scope.newest(s.Entries) // each block kept its own newest
	return s
}

// reviewScope is what a review's read keeps (LoadReview): the entries
// dated from since to end whole, nothing later, and of those before,
// the newest entry with each person (for Snapshot.Contacts) and on each
// project with a boss (for projectChecks), without their bodies, and the
// open items the review could show. Every window a review counts in
// starts at since or later and ends by end; it judges items and contacts
// at a moment no later than end, and what it looks up before since is
// older than that moment.
type reviewScope struct {
	since, end        time.Time
	doneSince         time.Time // the day the window starts: items ticked since are read (Done this week)
	openAt            time.Time // for a past window, its end: items ticked later were open then
	shown             int       // as Review's; 0 for every item
	dueFrom, dueUntil time.Time // the days of my commitments the review lists as due soon (comingUp)
	people            []*Person
	index             map[string]reviewed // by slug
}

// reviewed is a person as a review's read looks them up.
type reviewed struct {
	n    int // in people
	boss bool
}

// hiddenItems counts the open items of a review's lists that its read
// left out (each in every list it is in); the review counts them in.
type hiddenItems struct {
	mine, theirs int
	agenda       map[string]int // by person
}

func (h *hiddenItems) add(other hiddenItems) {
	h.mine += other.mine
	h.theirs += other.theirs
	for slug, n := range other.agenda {
		if h.agenda == nil {
			h.agenda = map[string]int{}
		}
		h.agenda[slug] += n
	}
}

// compareRead orders items as Items does: their entries newest first (as
// compareNewestFirst), then by line.
func compareRead(a, b *Item) int {
	if a.Path == b.Path {
		return cmp.Compare(a.Line, b.Line)
	}
	if c := b.Date.Compare(a.Date); c != 0 {
		return c
	}
	return cmp.Or(strings.Compare(entryID(b.Path), entryID(a.Path)), strings.Compare(b.Path, a.Path))
}

// compareItems orders items as inOrder does when they are in the order
// of Items.
func compareItems(a, b *Item, byDue bool) int {
	if c := compareItemKeys(keyOfItem(a, 0, byDue), keyOfItem(b, 0, byDue)); c != 0 {
		return c
	}
	return compareRead(a, b)
}

// topItems keeps the first n items added, as inOrder orders them.
type topItems struct {
	n     int
	byDue bool
	items []*Item
}

// admits reports whether it would be kept if added now.
func (t *topItems) admits(it *Item) bool {
	return len(t.items) < t.n || compareItems(it, t.items[t.n-1], t.byDue) < 0
}

func (t *topItems) add(it *Item) {
	at, _ := slices.BinarySearchFunc(t.items, it, func(a, b *Item) int { return compareItems(a, b, t.byDue) })
	t.items = slices.Insert(t.items, at, it)
	if len(t.items) > t.n {
		t.items = t.items[:t.n]
	}
}

// scopeRead is what a review's read of one block finds before since. The
// block is read oldest entry first, so that most items come after those
// that keep them from the first shown of their lists, and are not copied.
type scopeRead struct {
	*reviewScope
	with         []latest          // the newest entry with each person
	on           map[string]latest // the newest on each project, with a boss
	read         []*Item           // the open items kept so far, in the order read
	chunk        []Item            // where they are copied
	mine, theirs topItems
	agenda       []topItems  // by person
	due          []*Item     // my commitments due soon, every one
	done         []*Item     // commitments ticked in the window
	hidden       hiddenItems // the items of each list read, less those kept once items is called
	agendaRead   []int       // the same for each person's agenda
}

// latest is the newest entry found so far, and where its record starts.
type latest struct {
	date   time.Time
	id     string
	record int
	found  bool
}

func (sc *reviewScope) read() *scopeRead {
	r := &scopeRead{reviewScope: sc, with: make([]latest, len(sc.people)), on: map[string]latest{},
		mine: topItems{n: sc.shown, byDue: true}, theirs: topItems{n: sc.shown, byDue: true},
		agenda: make([]topItems, len(sc.people)), agendaRead: make([]int, len(sc.people))}
	for n := range r.agenda {
		r.agenda[n].n = sc.shown
	}
	return r
}

// hold keeps the open items of e, an entry before since, that the review
// could show, and reports whether it kept any: copies of all of them when
// it shows every item; otherwise, of those among the first shown of their
// lists so far, and of my commitments due soon.
func (r *scopeRead) hold(e *Entry) (kept bool) {
	for i := range e.Items {
		it := &e.Items[i]
		if it.Done && (it.Agenda || !r.openThen(it)) {
			if !it.Agenda && it.doneIn(r.doneSince, r.end) { // done in the window
				r.done = append(r.done, r.copy(nil, it))
				kept = true
			}
			continue
		}
		if r.shown == 0 {
			r.copy(nil, it)
			kept = true
			continue
		}
		var c *Item // its copy, once a list takes it
		take := func(t *topItems) {
			if t.admits(it) {
				c = r.copy(c, it)
				t.add(c)
			}
		}
		switch {
		case it.Agenda:
			for _, slug := range it.With {
				if p, ok := r.index[slug]; ok {
					r.agendaRead[p.n]++
					take(&r.agenda[p.n])
				}
			}
		case it.Mine():
			r.hidden.mine++
			take(&r.mine)
			if !it.Due.IsZero() && it.Due.Before(r.dueUntil) && !it.Due.Before(r.dueFrom) {
				c = r.copy(c, it)
				r.due = append(r.due, c)
			}
		default:
			r.hidden.theirs++
			take(&r.theirs)
		}
		kept = kept || c != nil
	}
	return kept
}

// openThen reports whether a ticked item was open at the end of a past
// window.
func (r *scopeRead) openThen(it *Item) bool { return !r.openAt.IsZero() && it.openAt(r.openAt) }

// copy returns c, or a copy of it when c is nil, kept in the order read.
func (r *scopeRead) copy(c, it *Item) *Item {
	if c != nil {
		return c
	}
	if len(r.chunk) == cap(r.chunk) {
		r.chunk = make([]Item, 0, 64)
	}
	r.chunk = append(r.chunk, *it)
	c = &r.chunk[len(r.chunk)-1]
	r.read = append(r.read, c)
	return c
}

// items returns the items kept that are still in a list, in the order
// of Items, and counts in hidden the items of each list it leaves out.
func (r *scopeRead) items() []*Item {
	slices.Reverse(r.read) // read oldest first
	if r.shown == 0 {
		r.hidden = hiddenItems{}
		return r.read
	}
	listed := make(map[*Item]bool, 2*r.shown+len(r.due))
	for _, list := range [][]*Item{r.mine.items, r.theirs.items, r.due, r.done} {
		for _, it := range list {
			listed[it] = true
		}
	}
	for _, t := range r.agenda {
		for _, it := range t.items {
			listed[it] = true
		}
	}
	out := r.read[:0]
	for _, it := range r.read {
		if !listed[it] {
			continue
		}
		out = append(out, it)
		switch {
		case it.Done && !r.openThen(it): // in done, never counted
		case it.Agenda:
			for _, slug := range it.With {
				if p, ok := r.index[slug]; ok {
					r.agendaRead[p.n]--
				}
			}
		case it.Mine():
			r.hidden.mine--
		default:
			r.hidden.theirs--
		}
	}
	r.hidden.agenda = map[string]int{}
	for n, left := range r.agendaRead {
		if left > 0 {
			r.hidden.agenda[r.people[n].Slug] = left
		}
	}
	return out
}

// note notes e, whose record starts at record, where it is the newest
// entry so far with one of its people or on its project with a boss.
func (r *scopeRead) note(e *Entry, record int) {
	newer := func(l *latest) {
		if !l.found || newestFirst(e.Date, e.ID, l.date, l.id) < 0 {
			*l = latest{e.Date, e.ID, record, true}
		}
	}
	boss := false
	for _, slug := range e.With {
		if p, ok := r.index[slug]; ok {
			newer(&r.with[p.n])
			boss = boss || p.boss
		}
	}
	if boss && e.Project != "" {
		l := r.on[e.Project]
		newer(&l)
		r.on[e.Project] = l
	}
}

// records returns where the records of the newest entries noted start,
// in order, once each.
func (r *scopeRead) records() []int {
	var out []int
	for _, l := range r.with {
		if l.found {
			out = append(out, l.record)
		}
	}
	for _, l := range r.on {
		out = append(out, l.record)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// newest returns the entries, newest first, without those before since
// that are not the newest with one of their people or on their project
// with a boss.
func (sc *reviewScope) newest(entries []*Entry) []*Entry {
	with, on := make([]bool, len(sc.people)), map[string]bool{}
	out := entries[:0]
	for _, e := range entries {
		keep := !e.Date.Before(sc.since)
		if !keep {
			boss := false
			for _, slug := range e.With {
				if p, ok := sc.index[slug]; ok {
					keep = keep || !with[p.n]
					with[p.n], boss = true, boss || p.boss
				}
			}
			if boss && e.Project != "" {
				keep = keep || !on[e.Project]
				on[e.Project] = true
			}
		}
		if keep {
			out = append(out, e)
		}
	}
	return out
}

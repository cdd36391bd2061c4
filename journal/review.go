package journal

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/lead-journal/lead/journal/when"
)

// Review is the weekly review: what happened in a window and what to do
// about it. See docs/guide.md, "A week with lead".
type Review struct {
	Week  string    `json:"week"`  // "2026-W47", or "" for a window given by --since
	Start time.Time `json:"start"` // inclusive
	End   time.Time `json:"end"`   // exclusive
	At    time.Time `json:"at"`    // the moment "open" and "overdue" are judged: End, or now if earlier

	Entries    int                `json:"entries"`
	Directions []DirectionBalance `json:"directions"`
	Overdue    []Contact          `json:"-"`
	// MyOpen and Waiting are my open commitments and those owed to me,
	// most urgent first, cut to the number of items the review was asked
	// to show; MyOpenCount and WaitingCount say how many there are.
	MyOpen       []*Item         `json:"-"`
	MyOpenCount  int             `json:"-"`
	Waiting      []*Item         `json:"-"`
	WaitingCount int             `json:"-"`
	Wins         []Win           `json:"-"`
	Feedback     []Feedback      `json:"-"`
	Bosses       []BossPractices `json:"-"`
	Projects     []ProjectCheck  `json:"-"`
	Coming       []ComingUp      `json:"-"`
	DueSoon      []*Item         `json:"-"`
	Unlogged     []Meeting       `json:"-"` // see SetUnlogged
	// DoneMine and DoneTheirs are the commitments ticked in the window,
	// on the day ticking recorded (DoneKey), oldest first.
	DoneMine   []*Item `json:"-"`
	DoneTheirs []*Item `json:"-"`

	// The habits of leading up, down and across: see reviewhabits.go.
	FollowUps   []FollowUp       `json:"-"`
	Unthanked   []Unthanked      `json:"-"`
	PreviewGaps []PreviewGap     `json:"-"`
	Oversight   []OversightTrend `json:"-"` // rising only
	Shares      []DirectionShare `json:"-"` // the last quarter against the last year

	s *Snapshot

	calendarRead bool // SetUnlogged was called
}

// DirectionBalance counts interactions in one direction: in the window,
// and on average over the four windows of the same length before it.
type DirectionBalance struct {
	Direction string  `json:"direction"`
	Count     int     `json:"count"`
	Average   float64 `json:"average"`
}

// BossPractices is how often each practice that applies to bosses was
// shown with one boss over the four weeks up to the window's end.
type BossPractices struct {
	Person  *Person
	Counts  []PracticeCount
	Missing []Practice // practices not shown at all, each with its nudge
}

// PracticeCount is one practice and the entries that record it.
type PracticeCount struct {
	Practice Practice
	Count    int
}

// ProjectCheck is a project active in the window and whether the boss has
// been in an entry about it in the two weeks up to the window's end.
type ProjectCheck struct {
	Project     string
	Entries     int       // in the window
	BossLast    time.Time // the newest entry on the project with a boss; zero if none
	BossInvolve bool      // BossLast within two weeks
}

// ComingUp is someone due for contact in the week after the window, with
// what is queued to raise with them: the oldest first, cut to the number
// of items the review was asked to show, of AgendaCount.
type ComingUp struct {
	Contact     Contact
	Agenda      []*Item
	AgendaCount int
}

// PracticeWindow and BossWindow are how far back the review looks for
// practices with the boss and for the boss's involvement in projects.
const (
	PracticeWindow = 28 * 24 * time.Hour
	BossWindow     = 14 * 24 * time.Hour
)

// ReviewWeek reviews the ISO week that contains t, in t's location,
// showing up to shown items of each list as Review does.
func (s *Snapshot) ReviewWeek(t, now time.Time, shown int) *Review {
	start := when.WeekStart(t)
	r := s.Review(start, start.AddDate(0, 0, 7), now, shown)
	r.Week = when.WeekName(start)
	return r
}

// ReviewSince reviews from since to the end of now's day.
func (s *Snapshot) ReviewSince(since, now time.Time, shown int) *Review {
	return s.Review(since, when.Day(now).AddDate(0, 0, 1), now, shown)
}

// Review reviews the window [start, end) as seen at now. Each of its
// lists of items keeps the first shown (all of them when shown is 0):
// ReviewListLimit for a review to read, which then sorts only what it
// shows of tens of thousands of open items.
func (s *Snapshot) Review(start, end, now time.Time, shown int) *Review {
	r := &Review{Start: start, End: end, At: reviewAt(end, now), s: s}
	openAt := pastEnd(end, now)
	// The lists of commitments and the agenda go through every open item of
	// the journal: they are made while the rest is, once the items are
	// gathered.
	s.Items()
	var mine []*Item
	var lists sync.WaitGroup
	lists.Go(func() {
		mine = asItWas(s.commitments(TodoFilter{Mine: true, AsOf: r.At, OpenAt: openAt}, r.At))
		r.MyOpenCount = len(mine)
		r.MyOpen = inOrder(mine, shown, true)
	})
	lists.Go(func() {
		theirs := asItWas(s.commitments(TodoFilter{Theirs: true, AsOf: r.At, OpenAt: openAt}, r.At))
		r.WaitingCount = len(theirs)
		r.Waiting = inOrder(theirs, shown, true)
	})
	lists.Go(func() { s.agendas() })
	lists.Go(func() {
		for _, it := range s.commitments(TodoFilter{Done: true, AsOf: r.At}, r.At) {
			switch {
			case !it.DoneIn(start, end):
			case it.Mine():
				r.DoneMine = append(r.DoneMine, it)
			default:
				r.DoneTheirs = append(r.DoneTheirs, it)
			}
		}
		r.DoneMine, r.DoneTheirs = inOrder(r.DoneMine, 0, false), inOrder(r.DoneTheirs, 0, false)
	})
	r.Directions = s.balance(start, end, r.At)
	s.eachInWindow(start, end, func(*Entry) { r.Entries++ })
	contacts := s.Contacts(r.At)
	if !openAt.IsZero() {
		contacts = s.knownBy(contacts, r.At)
	}
	r.Overdue = overdue(contacts, r.At)
	r.Wins = s.Wins(start, end)
	r.Feedback = s.FeedbackIn(start, end)
	r.Bosses = s.bossPractices(r.At)
	r.Projects = s.projectChecks(start, end, r.At)
	lists.Wait()
	r.Coming, r.DueSoon = s.comingUp(contacts, end, r.At, mine, shown)
	s.reviewHabits(r)
	return r
}

// reviewAt is the moment a review of a window ending at end judges what
// is open and overdue: end, or now if earlier.
func reviewAt(end, now time.Time) time.Time {
	if now.Before(end) {
		return now
	}
	return end
}

// LastDay is the moment days are counted to in the review ("5d ago"): now
// in a window under way, the window's last instant in one that is over,
// so that a past week counts to its Sunday, not to the Monday after.
func (r *Review) LastDay() time.Time {
	if r.At.Before(r.End) {
		return r.At
	}
	return r.End.Add(-time.Nanosecond)
}

// firstCounted is where the earliest window a review of [start, end) at
// at counts entries in starts: the four windows balance averages over,
// or the weeks of bossPractices.
func firstCounted(start, end, at time.Time) time.Time {
	first := start.Add(-4 * end.Sub(start))
	if practices := at.Add(-PracticeWindow); practices.Before(first) {
		return practices
	}
	return first
}

// dueSoonDays is the week after a review's window ending at end, from
// end's day: who is due for contact in it, and my commitments due in it.
func dueSoonDays(end time.Time) (from, until time.Time) {
	return when.Day(end), end.AddDate(0, 0, 7)
}

// balance counts entries per direction in [start, end) up to at and
// averages the four windows of the same length before it, fairly: of a
// window still under way at at, only the part elapsed so far is counted,
// and the same part of each window before; windows that end before the
// journal's first entry are not averaged in. An entry with people in two
// directions counts in both.
func (s *Snapshot) balance(start, end, at time.Time) []DirectionBalance {
	length, elapsed := end.Sub(start), end.Sub(start)
	if at.Before(end) {
		elapsed = at.Sub(start) + time.Nanosecond
	}
	count := func(from, to time.Time, n map[string]int) {
		s.eachInWindow(from, to, func(e *Entry) {
			for _, d := range s.Directions(e) {
				n[d]++
			}
		})
	}
	now, before := map[string]int{}, map[string]int{}
	count(start, start.Add(elapsed), now)
	windows := 0
	for k := 1; k <= 4; k++ {
		from := start.Add(-time.Duration(k) * length)
		if len(s.Entries) > 0 && !from.Add(length).After(s.Entries[len(s.Entries)-1].Date) {
			break // before the first entry
		}
		count(from, from.Add(elapsed), before)
		windows++
	}
	out := make([]DirectionBalance, len(Directions))
	for i, d := range Directions {
		out[i] = DirectionBalance{Direction: d, Count: now[d]}
		if windows > 0 {
			out[i].Average = float64(before[d]) / float64(windows)
		}
	}
	return out
}

// Bosses returns the people whose relation is boss.
func (s *Snapshot) Bosses() []*Person {
	var out []*Person
	for _, p := range s.People {
		if p.Relation == "boss" {
			out = append(out, p)
		}
	}
	return out
}

func (s *Snapshot) bossPractices(at time.Time) []BossPractices {
	var out []BossPractices
	for _, boss := range s.Bosses() {
		bp := BossPractices{Person: boss}
		counts := map[string]int{}
		s.eachInWindow(at.Add(-PracticeWindow), at.Add(time.Nanosecond), func(e *Entry) {
			if e.Has(boss.Slug) {
				for _, p := range e.Practices {
					counts[p]++
				}
			}
		})
		for _, p := range s.Journal.Config.Practices {
			if !p.AppliesTo("boss") {
				continue
			}
			bp.Counts = append(bp.Counts, PracticeCount{p, counts[p.Name]})
			if counts[p.Name] == 0 && p.Name != ThankedPractice { // thanks have a section of their own
				bp.Missing = append(bp.Missing, p)
			}
		}
		out = append(out, bp)
	}
	return out
}

func (s *Snapshot) projectChecks(start, end, at time.Time) []ProjectCheck {
	byName := map[string]*ProjectCheck{}
	var names []string
	s.eachInWindow(start, end, func(e *Entry) {
		if e.Project == "" {
			return
		}
		if byName[e.Project] == nil {
			byName[e.Project] = &ProjectCheck{Project: e.Project}
			names = append(names, e.Project)
		}
		byName[e.Project].Entries++
	})
	bosses := s.Bosses()
	for _, e := range s.Entries { // newest first: the first match is the latest
		pc := byName[e.Project]
		if pc == nil || !pc.BossLast.IsZero() || e.Date.After(at) {
			continue
		}
		for _, b := range bosses {
			if e.Has(b.Slug) {
				pc.BossLast = e.Date
			}
		}
	}
	sort.Strings(names)
	out := make([]ProjectCheck, 0, len(names))
	for _, n := range names {
		pc := byName[n]
		pc.BossInvolve = !pc.BossLast.IsZero() && !pc.BossLast.Before(at.Add(-BossWindow))
		out = append(out, *pc)
	}
	return out
}

// comingUp finds who is due for contact in the week from end (or overdue
// at then), with the first shown items of their agenda as Review keeps
// them, and among my open commitments (in any order), those due in that
// week, soonest first.
func (s *Snapshot) comingUp(contacts []Contact, end, at time.Time, mine []*Item, shown int) ([]ComingUp, []*Item) {
	from, weekEnd := dueSoonDays(end)
	var coming []ComingUp
	for _, c := range contacts {
		queued := pick(s.agendas()[c.Person.Slug], func(it *Item) bool { return !it.Date.After(at) })
		count := len(queued)
		due := !c.Cadence.IsZero() && !c.Snoozed && (c.Overdue || c.Due.Before(weekEnd))
		if due || count > 0 {
			coming = append(coming, ComingUp{c, inOrder(queued, shown, false), count})
		}
	}
	sort.SliceStable(coming, func(a, b int) bool { return coming[a].Contact.Due.Before(coming[b].Contact.Due) })
	dueSoon := pick(mine, func(it *Item) bool {
		return !it.Due.IsZero() && it.Due.Before(weekEnd) && !it.Due.Before(from)
	})
	return coming, inOrder(dueSoon, 0, true)
}

// NudgeFor returns the practice's suggestion addressed to a person: its
// nudge with %s replaced by the name.
func (p Practice) NudgeFor(name string) string {
	if p.Nudge == "" {
		return fmt.Sprintf("Nothing recorded as %q with %s in four weeks.", p.Name, name)
	}
	return strings.ReplaceAll(p.Nudge, "%s", name)
}

package journal

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal/when"
)

// ThankedPractice is the practice an entry records when you thanked the
// people in it.
const ThankedPractice = "thanked"

// Thanks is one time you thanked someone: an entry with them that records
// the practice "thanked" (for the entry's title), or a win whose text
// thanks people it names ("Thanked Lee for covering the launch").
type Thanks struct {
	Entry *Entry
	For   string // what for: the win's text, or the entry's label
}

// thankedIn calls f with each person e thanks and what for: first those
// its wins thank, with the win's text, then, with the practice thanked,
// its people, with its label.
func (s *Snapshot) thankedIn(e *Entry, f func(slug, what string)) {
	for _, win := range e.Wins {
		if thanksWords(win) {
			for _, slug := range s.credited(win) {
				f(slug, win)
			}
		}
	}
	if slices.Contains(e.Practices, ThankedPractice) {
		for _, slug := range e.With {
			f(slug, e.Label())
		}
	}
}

// thanksWords reports whether a text has a word that starts with
// "thank" (thanks, thanked, thank-you), in any case.
func thanksWords(text string) bool {
	lower := strings.ToLower(text)
	for i := strings.Index(lower, "thank"); i >= 0; {
		if i == 0 || !isWordByte(lower[i-1]) {
			return true
		}
		next := strings.Index(lower[i+1:], "thank")
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

// LastThanks returns the newest time you thanked the person, up to now.
func (s *Snapshot) LastThanks(slug string, now time.Time) (Thanks, bool) {
	for _, e := range s.Entries { // newest first
		if e.Date.After(now) {
			continue
		}
		var t Thanks
		s.thankedIn(e, func(who, what string) {
			if who == slug && t.Entry == nil {
				t = Thanks{e, what}
			}
		})
		if t.Entry != nil {
			return t, true
		}
	}
	return Thanks{}, false
}

// Unthanked is someone you worked with within their thank window and did
// not thank in it.
type Unthanked struct {
	Person *Person
	Window when.Span
	Met    int // entries with them in the window
}

// unthanked finds, at at, the people with a relation whose thank window
// (Habits.ThankWindow) up to at holds entries with them but no thanks to
// them, by direction (up, down, side, out), then most met first.
func (s *Snapshot) unthanked(at time.Time) []Unthanked {
	habits := s.Journal.Config.Habits
	from := make(map[string]time.Time, len(s.People)) // where each person's window starts
	first := at
	for _, p := range s.People {
		if window := habits.ThankWindow(p.Relation); p.Relation != "" && !window.IsZero() {
			from[p.Slug] = before(window, at)
			first = earliest(first, from[p.Slug])
		}
	}
	met, thanked := map[string]int{}, map[string]bool{}
	s.eachInWindow(first, at.Add(time.Nanosecond), func(e *Entry) {
		in := func(slug string) bool { start, ok := from[slug]; return ok && !e.Date.Before(start) }
		for _, slug := range e.With {
			if in(slug) {
				met[slug]++
			}
		}
		s.thankedIn(e, func(slug, _ string) { thanked[slug] = thanked[slug] || in(slug) })
	})
	var out []Unthanked
	for _, p := range s.People {
		if met[p.Slug] > 0 && !thanked[p.Slug] {
			out = append(out, Unthanked{p, habits.ThankWindow(p.Relation), met[p.Slug]})
		}
	}
	order := func(p *Person) int {
		if i := slices.Index(Directions, s.Direction(p)); i >= 0 {
			return i
		}
		return len(Directions)
	}
	sort.SliceStable(out, func(a, b int) bool {
		x, y := out[a], out[b]
		if order(x.Person) != order(y.Person) {
			return order(x.Person) < order(y.Person)
		}
		return x.Met > y.Met
	})
	return out
}

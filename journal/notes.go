package journal

import (
	"sort"
	"time"
)

// Win is a list item under "## Wins", with the people it credits.
type Win struct {
	Text     string   `json:"text"`
	Credited []string `json:"credited"` // the people it is about (see credited)
	Entry    *Entry   `json:"-"`
}

// Feedback is a list item under "## Feedback" and whom it came from.
type Feedback struct {
	Text  string `json:"text"`
	From  string `json:"from"` // a slug, "" when unknown
	Entry *Entry `json:"-"`
}

// Wins returns the wins recorded in entries dated in [since, until),
// oldest first.
func (s *Snapshot) Wins(since, until time.Time) []Win {
	var out []Win
	s.eachInWindow(since, until, func(e *Entry) {
		for _, text := range e.Wins {
			out = append(out, Win{Text: text, Credited: s.credited(text), Entry: e})
		}
	})
	return out
}

// FeedbackIn returns the feedback recorded in entries dated in
// [since, until), oldest first, each with whom it came from (see
// feedbackFrom).
func (s *Snapshot) FeedbackIn(since, until time.Time) []Feedback {
	var out []Feedback
	s.eachInWindow(since, until, func(e *Entry) {
		for _, text := range e.Feedback {
			out = append(out, Feedback{Text: text, From: s.feedbackFrom(text, e), Entry: e})
		}
	})
	return out
}

// eachInWindow calls f for entries dated in [since, until), oldest first.
// Entries are newest first, so the window is found by binary search.
func (s *Snapshot) eachInWindow(since, until time.Time, f func(*Entry)) {
	first := sort.Search(len(s.Entries), func(i int) bool { return s.Entries[i].Date.Before(until) })
	end := sort.Search(len(s.Entries), func(i int) bool { return s.Entries[i].Date.Before(since) })
	for i := end - 1; i >= first; i-- {
		f(s.Entries[i])
	}
}

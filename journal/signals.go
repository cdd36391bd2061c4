package journal

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Kinds of feedback. An item under "## Feedback" carries one as a hashtag
// anywhere in its text ("Dana: #oversight wants a daily status"); one
// without is a plain note.
const (
	FeedbackNote       = "note"
	FeedbackPraise     = "praise"
	FeedbackCorrection = "correction"
	FeedbackOversight  = "oversight" // close oversight: asked for detail, checked on, took over
)

// FeedbackKinds lists the kinds in display order.
var FeedbackKinds = []string{FeedbackPraise, FeedbackCorrection, FeedbackOversight, FeedbackNote}

// feedbackTags are the hashtags that set a kind, and the kind each sets.
var feedbackTags = map[string]string{
	"praise": FeedbackPraise, "correction": FeedbackCorrection, "oversight": FeedbackOversight,
}

// FeedbackKind reads the kind of a feedback text: its first word that is
// #praise, #correction or #oversight (any case, punctuation around it
// allowed), else FeedbackNote.
func FeedbackKind(text string) string {
	if !strings.Contains(text, "#") {
		return FeedbackNote
	}
	for _, word := range strings.Fields(text) {
		tag, ok := strings.CutPrefix(strings.TrimLeft(word, "(["), "#")
		if !ok {
			continue
		}
		tag = strings.TrimRightFunc(tag, func(r rune) bool { return !unicode.IsLetter(r) })
		if kind, ok := feedbackTags[strings.ToLower(tag)]; ok {
			return kind
		}
	}
	return FeedbackNote
}

// Kind is the feedback's kind (see FeedbackKind).
func (f Feedback) Kind() string { return FeedbackKind(f.Text) }

// FeedbackMonth is the feedback from one person in one calendar month.
type FeedbackMonth struct {
	Month    time.Time // the first day of the month
	Counts   map[string]int
	Feedback []Feedback // oldest first
}

// FeedbackFrom returns the feedback attributed to the person, in entries
// up to now, by month, oldest first: their feedback over time.
func (s *Snapshot) FeedbackFrom(slug string, now time.Time) []FeedbackMonth {
	var out []FeedbackMonth
	for i := len(s.Entries) - 1; i >= 0; i-- { // oldest first
		e := s.Entries[i]
		if e.Date.After(now) {
			break
		}
		for _, text := range e.Feedback {
			if s.feedbackFrom(text, e) != slug {
				continue
			}
			d := e.Date.In(now.Location())
			month := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, now.Location())
			if len(out) == 0 || !out[len(out)-1].Month.Equal(month) {
				out = append(out, FeedbackMonth{Month: month, Counts: map[string]int{}})
			}
			m := &out[len(out)-1]
			f := Feedback{Text: text, From: slug, Entry: e}
			m.Counts[f.Kind()]++
			m.Feedback = append(m.Feedback, f)
		}
	}
	return out
}

// OversightTrend is the share of a boss's feedback that was close
// oversight in the last OversightWeeks weeks, against the weeks before.
type OversightTrend struct {
	Boss                *Person
	Recent, RecentAll   int // oversight, and all feedback from them, in the last weeks
	Earlier, EarlierAll int // the same in the weeks before
}

// Rising reports whether close oversight is at least twice in the last
// weeks and a larger share of the boss's feedback than before (any share
// is larger than none before).
func (t OversightTrend) Rising() bool {
	return t.Recent >= 2 && (t.EarlierAll == 0 || t.Recent*t.EarlierAll > t.Earlier*t.RecentAll)
}

// Advice says what the writing on leading up suggests for rising
// oversight: it is a signal of trust to earn, not a fault of the boss.
func (t OversightTrend) Advice() string {
	name := t.Boss.Name
	return fmt.Sprintf("Close oversight from %s is rising: %d of %d signals in the last %d weeks, against %d of %d in the %d before. "+
		"Read it as a trust signal, not a fault: involve %s early, show progress before being asked, and preview results before they go wider.",
		name, t.Recent, t.RecentAll, OversightWeeks, t.Earlier, t.EarlierAll, OversightWeeks, name)
}

// oversightTrends measures OversightTrend for each boss at at.
func (s *Snapshot) oversightTrends(at time.Time) []OversightTrend {
	var out []OversightTrend
	for _, boss := range s.Bosses() {
		out = append(out, s.oversightTrend(boss, at))
	}
	return out
}

// oversightTrend measures OversightTrend for one boss at at.
func (s *Snapshot) oversightTrend(boss *Person, at time.Time) OversightTrend {
	recentFrom := at.AddDate(0, 0, -7*OversightWeeks)
	earlierFrom := recentFrom.AddDate(0, 0, -7*OversightWeeks)
	t := OversightTrend{Boss: boss}
	s.eachInWindow(earlierFrom, at.Add(time.Nanosecond), func(e *Entry) {
		for _, text := range e.Feedback {
			if s.feedbackFrom(text, e) != boss.Slug {
				continue
			}
			over := FeedbackKind(text) == FeedbackOversight
			if e.Date.Before(recentFrom) {
				t.EarlierAll++
				t.Earlier += btoi(over)
			} else {
				t.RecentAll++
				t.Recent += btoi(over)
			}
		}
	})
	return t
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

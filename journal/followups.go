package journal

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/store"
	"github.com/lead-journal/lead/journal/when"
)

// owedText is the text of an item someone owes, without the mention of
// them it starts with and without its nudged: tokens.
func owedText(it *Item) string {
	text := format.WithoutNudges(it.Text)
	if name, ok := format.Mention(text); ok {
		text = text[1+len(name):]
	}
	return strings.TrimSpace(text)
}

// FollowUp is something someone owes you that has waited longer than the
// chase window of their relation.
type FollowUp struct {
	Item    *Item
	Waiting int // days since it was written or last chased
	Nudges  int // how many times it was chased
}

// chaseWindow is how long what the person with slug owes you may wait
// before it is worth chasing, by their relation.
func (s *Snapshot) chaseWindow(slug string) when.Span {
	relation := ""
	if p := s.people[slug]; p != nil {
		relation = p.Relation
	}
	return s.Journal.Config.Habits.ChaseWindow(relation)
}

// FollowUps picks, of items owed to you, those that have waited at least
// their chase window at now, longest waiting first.
func (s *Snapshot) FollowUps(items []*Item, now time.Time) []FollowUp {
	var out []FollowUp
	for _, it := range items {
		if it.Mine() || it.Done || it.Agenda {
			continue
		}
		window := s.chaseWindow(it.Owner)
		if window.IsZero() || window.After(when.Day(it.WaitingSince(now).In(now.Location()))).After(now) {
			continue
		}
		out = append(out, FollowUp{Item: it, Waiting: it.WaitingDays(now), Nudges: it.NudgesBy(now)})
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Waiting > out[b].Waiting })
	return out
}

// ByWaiting sorts items owed to you longest waiting at now first, then
// as they came.
func ByWaiting(items []*Item, now time.Time) {
	slices.SortStableFunc(items, func(a, b *Item) int { return a.WaitingSince(now).Compare(b.WaitingSince(now)) })
}

// Nudge records that you chased an item on day: " nudged:YYYY-MM-DD" is
// appended to its line, and nothing else in the file changes. Its id
// stays the same. The file is read again first, under the journal's
// write lock; if the item is no longer there, nothing is written.
func (j *Journal) Nudge(it Item, day time.Time) error {
	if it.Mine() {
		return fmt.Errorf("%q is yours to do, not someone else's to chase", it.Text)
	}
	return j.editItem(it, func(l itemLine) error {
		end := l.start + len(bytes.TrimRight(l.text, " \t\r"))
		token := " " + format.NudgedToken + day.Format(time.DateOnly)
		if bytes.HasSuffix(l.data[l.start:end], []byte(token)) {
			return nil // chased that day already
		}
		return store.ReplaceFile(l.path, l.data, slices.Concat(l.data[:end], []byte(token), l.data[end:]))
	})
}

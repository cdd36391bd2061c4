package format

import (
	"strings"
	"time"

	"github.com/lead-journal/lead/journal/when"
)

// NudgedToken marks, in an item's text, a day you chased it:
// "nudged:2026-11-30". `lead nudge` appends one; an item may hold several.
const NudgedToken = "nudged:"

// Nudges returns the days the item was chased, in the order written: the
// values of its nudged: tokens (each a word of its own) that are days.
func (it Item) Nudges() []time.Time {
	if !strings.Contains(it.Text, NudgedToken) {
		return nil
	}
	var out []time.Time
	for _, word := range strings.Fields(it.Text) {
		if v, ok := strings.CutPrefix(word, NudgedToken); ok {
			if d, ok := parseDay(v); ok {
				out = append(out, d)
			}
		}
	}
	return out
}

// NudgesBy counts the times the item was chased up to now.
func (it Item) NudgesBy(now time.Time) int {
	n := 0
	for _, d := range it.Nudges() {
		if !d.After(now) {
			n++
		}
	}
	return n
}

// WaitingSince is when the wait for an item began, as seen at now: its
// entry's date, or the latest day up to now it was chased.
func (it Item) WaitingSince(now time.Time) time.Time {
	since := it.Date
	for _, d := range it.Nudges() {
		if d.After(since) && !d.After(now) {
			since = d
		}
	}
	return since
}

// WaitingDays is how many calendar days the item has waited at now.
func (it Item) WaitingDays(now time.Time) int {
	return when.DaysBetween(it.WaitingSince(now), now)
}

// WithoutNudges is an item's text without its nudged: words: what its id
// is made from, so that chasing an item keeps its id.
func WithoutNudges(text string) string {
	if !strings.Contains(text, NudgedToken) {
		return text
	}
	fields := strings.Fields(text)
	kept := fields[:0]
	for _, f := range fields {
		if !strings.HasPrefix(f, NudgedToken) {
			kept = append(kept, f)
		}
	}
	return strings.Join(kept, " ")
}

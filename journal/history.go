package journal

import (
	"os"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal/when"
)

// History: what a ticked item records, so that a past week can be seen as
// it was at its end.

// DoneKey marks, in a ticked item's text, the day it was ticked:
// "- [x] Send the deck due:2026-11-25 done:2026-11-24". lead done writes it
// at the end of the line and lead done --undo removes it; the item's id
// does not include it.
const DoneKey = "done:"

// AddedKey marks, in an agenda item of a person file, the day it was
// queued: "- [ ] Raise the hiring plan added:2026-11-22". lead agenda add
// writes it; it is the item's date, so that a review of an earlier week
// does not show it.
const AddedKey = "added:"

// addedOn reads the day a trailing AddedKey token in text records, and
// returns the text without it.
func addedOn(text string) (string, time.Time) {
	i := strings.LastIndex(text, " "+AddedKey)
	if i < 0 || len(text) != i+1+len(AddedKey)+len("2006-01-02") {
		return text, time.Time{}
	}
	day, ok := parseDay(text[i+1+len(AddedKey):])
	if !ok {
		return text, time.Time{}
	}
	return text[:i], day
}

// doneToken finds " done:YYYY-MM-DD" in an item's text: where it starts
// (at its space) and ends, and the day.
func doneToken(text string) (start, end int, day time.Time, ok bool) {
	if !strings.Contains(text, DoneKey) {
		return 0, 0, time.Time{}, false
	}
	for from := 0; ; {
		i := strings.Index(text[from:], " "+DoneKey)
		if i < 0 {
			return 0, 0, time.Time{}, false
		}
		start = from + i
		end = start + 1 + len(DoneKey) + len("2006-01-02")
		if end <= len(text) && (end == len(text) || isSpace(text[end])) {
			if day, ok := parseDay(text[start+1+len(DoneKey) : end]); ok {
				return start, end, day, true
			}
		}
		from = start + 1
	}
}

// idText is the part of an item's text its id is made from: all of it but
// the day it was ticked.
func idText(text string) string {
	if start, end, _, ok := doneToken(text); ok {
		return text[:start] + text[end:]
	}
	return text
}

// doneOn is the day a ticked item records it was ticked, or zero.
func doneOn(text string) time.Time {
	_, _, day, _ := doneToken(text)
	return day
}

// openAt reports whether the item was open at the end of a past window
// ending at end: open now, or ticked on end's day or later. An item
// ticked without a day recorded counts as ticked before.
func (it *Item) openAt(end time.Time) bool {
	return !it.Done || !it.DoneOn.IsZero() && !it.DoneOn.Before(when.Day(end))
}

// doneIn reports whether the item was ticked on a day in [start, end).
func (it *Item) doneIn(start, end time.Time) bool {
	return it.Done && !it.DoneOn.IsZero() && !it.DoneOn.Before(when.Day(start)) && it.DoneOn.Before(end)
}

// pastEnd is the end of a window that has ended by now, or zero for one
// that has not: a past window is shown as it was at its end.
func pastEnd(end, now time.Time) time.Time {
	if now.Before(end) {
		return time.Time{}
	}
	return end
}

// asItWas returns the items as they were at the end of a past window:
// those ticked since are open copies, without the day they were ticked.
func asItWas(items []*Item) []*Item {
	for i, it := range items {
		if it.Done {
			was := *it
			was.Done, was.DoneOn, was.Text = false, time.Time{}, idText(it.Text)
			items[i] = &was
		}
	}
	return items
}

// knownBy keeps the contacts with people the journal knew at at: met by
// then, or with a person file last changed by then. A person added after
// a past window is not in its review.
func (s *Snapshot) knownBy(contacts []Contact, at time.Time) []Contact {
	out := contacts[:0:0]
	for _, c := range contacts {
		if c.Last == nil {
			info, err := os.Stat(s.Journal.Abs(c.Person.Path))
			if err == nil && info.ModTime().After(at) {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

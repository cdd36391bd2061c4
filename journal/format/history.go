package format

import (
	"strings"
	"time"

	"github.com/lead-journal/lead/journal/when"
)

// What an item's text records of its history, so that a past week can be
// seen as it was at its end.

// DoneKey marks, in a ticked item's text, the day it was ticked:
// "- [x] Send the deck due:2026-11-25 done:2026-11-24". lead done writes it
// at the end of the line and lead done --undo removes it; the item's id
// does not include it.
const DoneKey = "done:"

// AddedKey marks, in an agenda item of a person file, the day it was
// queued: "- [ ] Raise the hiring plan added:2026-11-22". lead agenda add
// writes it; it is the item's date, and the item's text leaves it out.
const AddedKey = "added:"

// DoneToken finds " done:YYYY-MM-DD" in an item's text: where it starts
// (at its space) and ends, and the day.
func DoneToken(text string) (start, end int, day time.Time, ok bool) {
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
		if end <= len(text) && (end == len(text) || IsSpace(text[end])) {
			if day, ok := parseDay(text[start+1+len(DoneKey) : end]); ok {
				return start, end, day, true
			}
		}
		from = start + 1
	}
}

// IDText is the part of an item's text its id is made from: all of it but
// the days it was nudged and the day it was ticked.
func IDText(text string) string {
	text = WithoutNudges(text)
	if start, end, _, ok := DoneToken(text); ok {
		return text[:start] + text[end:]
	}
	return text
}

// DoneDay is the day a ticked item's text records it was ticked, or zero.
func DoneDay(text string) time.Time {
	_, _, day, _ := DoneToken(text)
	return day
}

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

// OpenAt reports whether the item was open at the end of a past window
// ending at end: open now, or ticked on end's day or later. An item
// ticked without a day recorded counts as ticked before.
func (it Item) OpenAt(end time.Time) bool {
	return !it.Done || !it.DoneOn.IsZero() && !it.DoneOn.Before(when.Day(end))
}

// DoneIn reports whether the item was ticked on a day in [start, end).
func (it Item) DoneIn(start, end time.Time) bool {
	return it.Done && !it.DoneOn.IsZero() && !it.DoneOn.Before(when.Day(start)) && it.DoneOn.Before(end)
}

// AsItWas is the item before it was ticked: open, without the day.
func (it Item) AsItWas() Item {
	it.Done, it.DoneOn, it.Text = false, time.Time{}, IDText(it.Text)
	return it
}

package journal

import (
	"os"
	"time"
)

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
			was := it.AsItWas()
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

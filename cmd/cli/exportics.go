package cli

import (
	"bufio"
	"cmp"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/calendar"
)

// icsUIDDomain ends the UID of every exported commitment.
const icsUIDDomain = "@lead"

// deadlineUID is the UID of a commitment's event: the first 16 hex digits
// of the SHA-1 of its file, owner and text without due: (Item.Task), so
// that moving the due date updates the event on the next import; seen
// numbers identical items of one file.
func deadlineUID(it *journal.Item, seen map[string]int) string {
	key := it.Path + "\n" + it.Owner + "\n" + it.Task()
	if n := seen[key]; n > 0 {
		seen[key]++
		key += "\n" + strconv.Itoa(n)
	} else {
		seen[key] = 1
	}
	sum := sha1.Sum([]byte(key))
	return hex.EncodeToString(sum[:8]) + icsUIDDomain
}

// exportICS writes the open commitments with a due date, of the entries
// that pass the filters, as an iCalendar file.
func (a *app) exportICS(f *filterFlags) error {
	if f.grep != "" {
		return usagef("--grep does not apply to --format ics")
	}
	s, err := a.loadOpen()
	if err != nil {
		return err
	}
	now := a.env.Now()
	filter, err := f.build(s, now)
	if err != nil {
		return err
	}
	entries := map[string]*journal.Entry{}
	for _, e := range s.Query(filter) {
		entries[e.Path] = e
	}
	var items []*journal.Item
	for _, it := range s.Commitments(journal.TodoFilter{}, now) {
		if entries[it.Path] != nil && !it.Due.IsZero() {
			items = append(items, it)
		}
	}
	slices.SortFunc(items, func(x, y *journal.Item) int { // file order, for the UIDs of identical items
		return cmp.Or(strings.Compare(x.Path, y.Path), cmp.Compare(x.Line, y.Line))
	})
	var deadlines []calendar.Deadline
	seen := map[string]int{}
	for _, it := range items {
		e := entries[it.Path]
		d := calendar.Deadline{UID: deadlineUID(it, seen), Day: it.Due, Categories: []string{"lead"}}
		if it.Mine() { // the event's day says when: Task leaves due: out
			d.Summary = "Due: " + it.Task()
			d.Categories = append(d.Categories, "mine")
		} else {
			d.Summary = s.Names([]string{it.Owner}) + " owes: " + it.Task()
			d.Categories = append(d.Categories, "theirs")
		}
		d.Description = e.Date.Format("2006-01-02") + ", " + e.Kind
		if e.Title != "" {
			d.Description += " “" + e.Title + "”"
		}
		if len(e.With) > 0 {
			d.Description += " with " + s.Names(e.With)
		}
		d.Description += "\n" + it.Path + ":" + fmt.Sprint(it.Line) + "\nlead done " + it.ShortID()
		deadlines = append(deadlines, d)
	}
	w := bufio.NewWriter(a.env.Stdout)
	if err := calendar.Write(w, "lead commitments", now, deadlines); err != nil {
		return err
	}
	return w.Flush()
}

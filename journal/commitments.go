package journal

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/store"
)

// Items returns every task item in the journal's entries and people
// files, with @mentions
// resolved to person slugs where they match one. The items are the
// snapshot's own, not copies.
func (s *Snapshot) Items() []*Item {
	if s.items != nil {
		return s.items
	}
	n := 0
	for _, e := range s.Entries {
		n += len(e.Items)
	}
	out := make([]*Item, 0, n)
	add := func(items []Item) {
		for i := range items {
			out = append(out, &items[i])
		}
	}
	for _, p := range s.People {
		add(p.Items)
	}
	for _, e := range s.Entries {
		add(e.Items)
	}
	for _, it := range out {
		if o := it.Owner; o != "" && s.people[o] == nil {
			if p, err := s.FindPerson(o); err == nil {
				it.Owner = p.Slug
			}
		}
	}
	s.items = out
	return out
}

// TodoFilter selects commitments. Mine and Theirs both false means both.
type TodoFilter struct {
	Mine, Theirs bool
	With         []string  // person slugs, all of whom must match: in an entry with them or owed by them; with Theirs alone, owed by them
	Overdue      bool      // open and past due
	Done         bool      // include ticked items
	AsOf         time.Time // when set, only items written by then
	OpenAt       time.Time // when set, items ticked on its day or later count as open: a past window's end
	IDPrefix     string    // when set, only items whose id starts with it
	Limit        int       // when set, only the first this many
}

// Commitments returns the commitments (not agenda) that pass f: overdue
// first, then by due date, then oldest first. The items are the
// snapshot's own, not copies.
func (s *Snapshot) Commitments(f TodoFilter, now time.Time) []*Item {
	return inOrder(s.commitments(f, now), f.Limit, true)
}

// commitments returns the commitments that pass f in the order of Items.
func (s *Snapshot) commitments(f TodoFilter, now time.Time) []*Item {
	return pick(s.Items(), func(it *Item) bool {
		return !it.Agenda && (!it.Done || f.Done || !f.OpenAt.IsZero() && it.OpenAt(f.OpenAt)) &&
			(!f.Mine || f.Theirs || it.Mine()) &&
			(!f.Theirs || f.Mine || !it.Mine()) &&
			f.withMatches(it) &&
			(!f.Overdue || it.Overdue(now)) &&
			(f.AsOf.IsZero() || !it.Date.After(f.AsOf)) &&
			strings.HasPrefix(it.ID, f.IDPrefix)
	})
}

// pick returns the items keep accepts.
func pick(items []*Item, keep func(*Item) bool) []*Item {
	var out []*Item
	for _, it := range items {
		if keep(it) {
			out = append(out, it)
		}
	}
	return out
}

// itemKey is where an item goes in a sorted list, in plain numbers: a
// journal can hold a hundred thousand open items.
type itemKey struct {
	due, sec    int64
	nsec, order int
	item        *Item
}

// keyOfItem is the key of the item at position order of a list, sorted
// by due date (undated last) when byDue, then by date, then by order.
func keyOfItem(it *Item, order int, byDue bool) itemKey {
	due := int64(math.MaxInt64)
	if byDue && !it.Due.IsZero() {
		due = it.Due.Unix()
	}
	return itemKey{due, it.Date.Unix(), it.Date.Nanosecond(), order, it}
}

// compareItemKeys orders keys as inOrder orders items.
func compareItemKeys(x, y itemKey) int {
	switch {
	case x.due != y.due:
		return cmp.Compare(x.due, y.due)
	case x.sec != y.sec:
		return cmp.Compare(x.sec, y.sec)
	case x.nsec != y.nsec:
		return cmp.Compare(x.nsec, y.nsec)
	}
	return cmp.Compare(x.order, y.order)
}

// inOrder returns the first n items in order of due date (undated last)
// when byDue, then of date, and otherwise in the order they came in.
// With n 0 or at least len(items), it sorts items in place and returns
// them; otherwise it leaves items as they are and picks the first n,
// which costs little more than a look at each: a review shows a page of
// each of its lists, from tens of thousands of open items.
func inOrder(items []*Item, n int, byDue bool) []*Item {
	if n > 0 && n < len(items) {
		first := make([]itemKey, 0, n)
		for i, it := range items {
			k := keyOfItem(it, i, byDue)
			if len(first) == n {
				if compareItemKeys(k, first[n-1]) >= 0 {
					continue
				}
				first = first[:n-1]
			}
			at, _ := slices.BinarySearchFunc(first, k, compareItemKeys)
			first = slices.Insert(first, at, k)
		}
		out := make([]*Item, n)
		for i, k := range first {
			out[i] = k.item
		}
		return out
	}
	keys := make([]itemKey, len(items))
	for i, it := range items {
		keys[i] = keyOfItem(it, i, byDue)
	}
	slices.SortFunc(keys, compareItemKeys)
	for i, k := range keys {
		items[i] = k.item
	}
	return items
}

// withMatches reports whether every person of f.With matches it: it is in
// an entry with them or they owe it; when only theirs are asked for, they
// owe it.
func (f TodoFilter) withMatches(it *Item) bool {
	theirsOnly := f.Theirs && !f.Mine
	for _, slug := range f.With {
		if it.Owner != slug && (theirsOnly || !slices.Contains(it.With, slug)) {
			return false
		}
	}
	return true
}

// OpenWith returns the open commitments with a person, both ways: mine in
// entries with them, and theirs.
func (s *Snapshot) OpenWith(slug string) []*Item {
	return inOrder(slices.Clone(s.openByPerson()[slug]), 0, true)
}

// openByPerson is every person's open commitments, both ways, in the order
// of Items, made on first use: what OpenWith picks for one person, for
// all of them in one pass.
func (s *Snapshot) openByPerson() map[string][]*Item {
	if s.open == nil {
		s.open = map[string][]*Item{}
		for _, it := range s.Items() {
			switch {
			case it.Agenda || it.Done:
			case !it.Mine():
				s.open[it.Owner] = append(s.open[it.Owner], it)
			default:
				for i, w := range it.With {
					if !slices.Contains(it.With[:i], w) {
						s.open[w] = append(s.open[w], it)
					}
				}
			}
		}
	}
	return s.open
}

// Agenda returns what is queued to raise with a person: open items under
// "## Agenda" in their file and under "## Next time" in entries with them,
// oldest first.
func (s *Snapshot) Agenda(slug string) []*Item {
	return inOrder(slices.Clone(s.agendas()[slug]), 0, false)
}

// AllAgenda returns everyone's queue: every open agenda item, once, oldest
// first.
func (s *Snapshot) AllAgenda() []*Item {
	return inOrder(pick(s.Items(), func(it *Item) bool { return it.Agenda && !it.Done }), 0, false)
}

// agendas is every person's agenda in the order of Items, made on first
// use.
func (s *Snapshot) agendas() map[string][]*Item {
	if s.agenda == nil {
		s.agenda = map[string][]*Item{}
		for _, it := range s.Items() {
			if it.Agenda && !it.Done {
				for _, w := range it.With {
					s.agenda[w] = append(s.agenda[w], it)
				}
			}
		}
	}
	return s.agenda
}

// FindItem resolves an item id or unique prefix of one to the snapshot's
// item.
func (s *Snapshot) FindItem(ref string) (*Item, error) {
	ref = strings.ToLower(strings.TrimSpace(ref))
	var matches []*Item
	for _, it := range s.Items() {
		if ref != "" && strings.HasPrefix(it.ID, ref) {
			matches = append(matches, it)
		}
	}
	switch len(matches) {
	case 0:
		return nil, &NotFoundError{"item", ref}
	case 1:
		return matches[0], nil
	}
	var ids []string
	for _, it := range matches {
		ids = append(ids, it.ID[:12]+" "+it.Text)
	}
	return nil, &AmbiguousError{"item", ref, ids}
}

// SetDone ticks (done) or unticks an item's box, and records the day it
// was ticked, on, at the end of the line (DoneKey); unticking removes that
// record. Only the item's line changes, and the file is replaced
// atomically (store.ReplaceFile: lines a program appended to it meanwhile
// are kept). The file is read again first, under the journal's write
// lock; if the item is no longer there, nothing is written.
func (j *Journal) SetDone(it Item, done bool, on time.Time) error {
	return j.editItem(it, func(l itemLine) error {
		box, _, end, ok := format.TaskItem(string(l.text))
		if !ok {
			return fmt.Errorf("%s:%d: no task item on this line; nothing was written", l.path, l.number)
		}
		mark := byte(' ')
		if done {
			mark = 'x'
		}
		if l.data[l.start+box] == mark || (done && l.data[l.start+box] == 'X') {
			return nil
		}
		edited := slices.Clone(l.text)
		edited[box] = mark
		if done {
			edited = slices.Insert(edited, end, []byte(" "+format.DoneKey+on.Format("2006-01-02"))...)
		} else if from, to, _, ok := format.DoneToken(string(l.text[:end])); ok {
			edited = slices.Delete(edited, from, to)
		}
		return store.ReplaceFile(l.path, l.data, slices.Concat(l.data[:l.start], edited, l.data[l.start+len(l.text):]))
	})
}

// editItem finds it in its file again, under the journal's write lock,
// and passes its line to edit.
func (j *Journal) editItem(it Item, edit func(itemLine) error) error {
	unlock, err := j.lockWrites()
	if err != nil {
		return err
	}
	defer unlock()
	l, err := j.findItem(it)
	if err != nil {
		return err
	}
	return edit(l)
}

// itemLine is an item's line as its file holds it now.
type itemLine struct {
	path   string // the file
	data   []byte // its bytes
	start  int    // where the line starts in data
	text   []byte // the line, without its line break
	number int    // 1-based
}

// findItem reads the file of it again and finds the item in it by its id.
// An item no longer there is an error.
func (j *Journal) findItem(it Item) (itemLine, error) {
	var l itemLine
	var err error
	if l.path, err = j.writable(it.Path); err != nil {
		return l, err
	}
	if l.data, err = store.ReadFile(l.path); err != nil {
		return l, err
	}
	current, err := j.itemsOf(it.Path, l.data)
	if err != nil {
		return l, err
	}
	i := slices.IndexFunc(current, func(c Item) bool { return c.ID == it.ID })
	if i < 0 {
		return l, fmt.Errorf("%s: the item %q is no longer in the file (changed or removed since it was listed); nothing was written", l.path, it.Text)
	}
	l.number = current[i].Line
	l.start = lineStart(l.data, l.number)
	l.text, _, _ = bytes.Cut(l.data[l.start:], []byte("\n"))
	return l, nil
}

// itemsOf parses the items of an entry or person file's current bytes.
func (j *Journal) itemsOf(rel string, data []byte) ([]Item, error) {
	if strings.HasPrefix(rel, PeopleDir+"/") {
		p, err := format.ParsePerson(rel, j.Abs(rel), data)
		if err != nil {
			return nil, err
		}
		return p.Items, nil
	}
	e, err := format.ParseEntry(rel, j.Abs(rel), data, j.Config.Clock())
	if err != nil {
		return nil, err
	}
	return e.Items, nil
}

// lineStart returns the byte offset where 1-based line n starts.
func lineStart(data []byte, n int) int {
	off := 0
	for line := 1; line < n; line++ {
		i := slices.Index(data[off:], '\n')
		if i < 0 {
			return len(data)
		}
		off += i + 1
	}
	return off
}

// AddAgenda queues text to raise with a person: a task item appended to
// the "## Agenda" section of their file, which is created at the end of
// the file when missing, with the day it was added, on (AddedKey). Only
// the new lines are added.
func (j *Journal) AddAgenda(p *Person, text string, on time.Time) (Item, error) {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\n", " "))
	if text == "" {
		return Item{}, fmt.Errorf("nothing to add")
	}
	unlock, err := j.lockWrites()
	if err != nil {
		return Item{}, err
	}
	defer unlock()
	path, err := j.writable(p.Path)
	if err != nil {
		return Item{}, err
	}
	data, err := store.ReadFile(path)
	if err != nil {
		return Item{}, err
	}
	d, err := format.ParseDocument(path, data)
	if err != nil {
		return Item{}, err
	}
	head := len(data) - len(d.Body)
	lines := strings.SplitAfter(string(d.Body), "\n")
	at, inSection := -1, false
	for i, line := range lines {
		if name, level := format.Heading(strings.TrimRight(line, "\r\n")); level > 0 && level <= 2 {
			if inSection {
				break
			}
			inSection = strings.EqualFold(name, "agenda")
			if inSection {
				at = i + 1
			}
			continue
		}
		if inSection && strings.TrimSpace(line) != "" {
			at = i + 1
		}
	}
	newline := "\n"
	if strings.Contains(string(data), "\r\n") {
		newline = "\r\n"
	}
	item := "- [ ] " + text + " " + format.AddedKey + on.Format("2006-01-02") + newline
	var body string
	if at < 0 {
		body = string(d.Body)
		if body != "" && !strings.HasSuffix(body, "\n") {
			body += newline
		}
		if strings.TrimSpace(body) != "" {
			body += newline
		}
		body += "## Agenda" + newline + item
	} else {
		if at > 0 && !strings.HasSuffix(lines[at-1], "\n") {
			lines[at-1] += newline
		}
		body = strings.Join(lines[:at], "") + item + strings.Join(lines[at:], "")
	}
	updated := append(slices.Clone(data[:head]), body...)
	if err := store.ReplaceFile(path, data, updated); err != nil {
		return Item{}, err
	}
	items, err := j.itemsOf(p.Path, updated)
	if err != nil {
		return Item{}, err
	}
	for i := len(items) - 1; i >= 0; i-- {
		if items[i].Agenda && items[i].Text == text {
			return items[i], nil
		}
	}
	return Item{}, fmt.Errorf("%s: the new item was not read back", path)
}

// Validate reads one entry or person file and returns its first problem.
func (j *Journal) Validate(rel string) error {
	data, err := store.ReadFile(j.Abs(rel))
	if err != nil {
		return err
	}
	_, err = j.itemsOf(rel, data)
	return err
}

package journal

import (
	"sort"
	"sync"
	"time"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/index"
	"github.com/lead-journal/lead/journal/store"
	"github.com/lead-journal/lead/journal/when"
)

// Entries is how much of the entries a read takes.
type Entries int

const (
	// NoEntries reads the people only.
	NoEntries Entries = iota
	// Headers reads the front matter of every entry, not what the bodies
	// hold (items, wins, feedback, summaries): enough to filter and list.
	Headers
	// OpenItems reads what the bodies hold but the ticked items: enough
	// for what is still to do.
	OpenItems
	// Everything reads every item too.
	Everything
	// Tallies reads no person and no entry, only how many entries carry
	// each tag and project (Snapshot.Tags and Snapshot.Projects), as the
	// index keeps them; a filter does not apply to them.
	Tallies
)

// ReadOptions says what Journal.Read reads.
type ReadOptions struct {
	Entries Entries
	// Filter, when set, is made from the people once they are read; the
	// snapshot then holds only the entries that pass it, up to its Limit,
	// and the others are never held in memory.
	Filter func(*Snapshot) (Filter, error)
	// DoneSince, with OpenItems, keeps also the items ticked on its day or
	// later (by their done: day): what a review of a window from then needs
	// to show it as it was, and what was done in it.
	DoneSince time.Time
	// Indexed takes the entries as the index recorded them at the last
	// read, checking no file: for completion, quick at any size.
	Indexed bool
}

// Read reads the people and the entries as o asks, newest first. Files
// that cannot be read are reported in the snapshot's Problems and left
// out; nothing else is lost. The error is the filter's.
func (j *Journal) Read(o ReadOptions) (*Snapshot, error) {
	if o.Entries == Tallies {
		t, problems := j.reader().Tally(o.Indexed)
		return &Snapshot{Journal: j, people: map[string]*Person{}, Tags: t.Tags, Projects: t.Projects, Problems: problems}, nil
	}
	s := j.readPeople()
	if o.Entries == NoEntries {
		return s, nil
	}
	read := index.Options{Detail: map[Entries]index.Detail{Headers: index.Headers, OpenItems: index.OpenItems, Everything: index.Everything}[o.Entries],
		Indexed: o.Indexed}
	if !o.DoneSince.IsZero() {
		read.DoneSince = when.Day(o.DoneSince)
	}
	var f Filter
	if o.Filter != nil {
		var err error
		if f, err = o.Filter(s); err != nil {
			return s, err
		}
		unlimited := f
		unlimited.Limit = 0
		read.Keep = func(e *Entry) bool { return s.matches(e, unlimited) }
		if f.Grep != nil {
			read.Grep = f.Grep.Match
		}
	}
	entries, problems := j.reader().Read(read)
	s.Entries = entries
	s.Problems = append(s.Problems, problems...)
	if o.Filter != nil && f.Limit > 0 && len(s.Entries) > f.Limit {
		s.Entries = s.Entries[:f.Limit]
	}
	return s, nil
}

// reader is the read engine over the journal's entries.
func (j *Journal) reader() *index.Reader {
	return &index.Reader{Root: j.Root, DefaultTime: j.Config.DefaultTime, Clock: j.Config.Clock()}
}

// readPeople reads every person file.
func (j *Journal) readPeople() *Snapshot {
	s := &Snapshot{Journal: j, people: map[string]*Person{}}
	var (
		mu   sync.Mutex
		rels []string
	)
	problems := store.Walk(j.Root, PeopleDir, store.WalkOptions{}, func(ls *store.Listing) {
		mu.Lock()
		defer mu.Unlock()
		for _, f := range ls.Files {
			rels = append(rels, ls.Dir+"/"+f.Name)
		}
	})
	for _, rel := range rels {
		p, err := j.readPerson(rel)
		if err != nil {
			problems = append(problems, format.AsProblem(j.Abs(rel), err))
			continue
		}
		s.People = append(s.People, p)
		s.people[p.Slug] = p
	}
	sort.Slice(s.People, func(a, b int) bool { return s.People[a].Slug < s.People[b].Slug })
	s.Problems = problems
	return s
}

package index

import "github.com/lead-journal/lead/journal/format"

// Tally is how many entries carry each tag and each project.
type Tally struct {
	Tags, Projects map[string]int
}

// Tally counts the entries that carry each tag and each project from the
// tallies in the blocks of the index. With indexed, it takes the index as
// it was last written when no directory of the entries changed since, as
// Read does with Options.Indexed, and then decodes no record; otherwise,
// or when a block cannot be read, every file is checked first and the
// blocks of those that changed rebuilt, as a read of the headers does.
func (j *Reader) Tally(indexed bool) (Tally, []*format.Problem) {
	var (
		blocks   []*block
		problems []*format.Problem
		current  bool
	)
	idx := j.openIndex()
	if indexed && idx != nil && j.recent(idx) {
		blocks, current = idx.opened()
	}
	if !current {
		if indexed && idx != nil {
			defer j.checked()
		}
		_, problems, blocks = j.scan(idx, &Options{Detail: Headers, Keep: func(*format.Entry) bool { return false }})
	}
	t := Tally{Tags: map[string]int{}, Projects: map[string]int{}}
	for _, b := range blocks {
		for _, c := range b.tags {
			t.Tags[b.table[c.ref]] += c.entries
		}
		for _, c := range b.projects {
			t.Projects[b.table[c.ref]] += c.entries
		}
	}
	return t, problems
}

// opened opens every block of the index; false when one cannot be read.
func (idx *index) opened() ([]*block, bool) {
	blocks := make([]*block, 0, len(idx.blocks))
	for _, b := range idx.blocks {
		if b.open() != nil {
			return nil, false
		}
		blocks = append(blocks, b)
	}
	return blocks, true
}

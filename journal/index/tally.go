package index

import "github.com/lead-journal/lead/journal/format"

// Tally is how many entries carry each tag and each project.
type Tally struct {
	Tags, Projects map[string]int
}

// Tally counts the entries that carry each tag and each project from the
// blocks of the index, decoding no record. With indexed, it takes the
// index as it was last written when no directory of the entries changed
// since, as Read does with Options.Indexed; otherwise every file is
// checked first, and the blocks of those that changed rebuilt.
func (j *Reader) Tally(indexed bool) (Tally, []*format.Problem) {
	var (
		blocks   []*block
		problems []*format.Problem
	)
	idx := j.openIndex()
	if indexed && idx != nil && j.recent(idx) {
		for _, b := range idx.blocks {
			if b.open() == nil {
				blocks = append(blocks, b)
			}
		}
	} else {
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

package index

import (
	"os"
	"path"
	"sync"
	"time"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/store"
)

// recent reports whether no directory of the entries changed since the
// index was written: a file added, removed or renamed in one (as lead
// writes every file) makes its directory newer. It checks the directories
// alone, not the files in them.
func (j *Reader) recent(idx *index) bool {
	written, err := os.Stat(j.abs(File))
	if err != nil {
		return false
	}
	dirs := map[string]bool{format.EntriesDir: true}
	for key := range idx.blocks {
		dir, _, _ := dirOf(key) // a part of a large directory is in it
		for ; dir != "." && dir != format.EntriesDir && !dirs[dir]; dir = path.Dir(dir) {
			dirs[dir] = true
		}
	}
	for dir := range dirs {
		if fi, err := os.Stat(j.abs(dir)); err != nil || fi.ModTime().After(written.ModTime()) {
			return false
		}
	}
	return true
}

// checked marks the index as current as of now, after a read that
// checked every file: a directory that changed without an entry changing
// (an editor's swap file came and went) is not checked again for it.
func (j *Reader) checked() {
	now := time.Now()
	_ = os.Chtimes(j.abs(File), now, now) // an index not marked is checked again next time
}

// readIndexed decodes the entries o keeps as the index recorded them,
// every block at once, without listing a directory or checking a file.
func (j *Reader) readIndexed(idx *index, o *Options) []*format.Entry {
	blocks := make([]*block, 0, len(idx.blocks))
	for _, b := range idx.blocks {
		blocks = append(blocks, b)
	}
	var (
		mu   sync.Mutex
		runs [][]*format.Entry
	)
	store.Parallel(len(blocks), func(i int) {
		b := blocks[i]
		if b.open() != nil {
			return
		}
		list, err := b.decode(b.newestFirst(b.records()), o)
		if err != nil {
			return
		}
		format.SortNewestFirst(list)
		mu.Lock()
		defer mu.Unlock()
		runs = append(runs, list)
	})
	return mergeNewestFirst(runs, format.CompareNewestFirst)
}

// records returns where each of an opened block's records starts, in the
// block's order.
func (b *block) records() []int {
	offsets := make([]int, 0, b.entries)
	d := &decoder{data: b.data, text: b.text}
	for d.off = b.start; d.off < len(d.data) && d.err == nil; {
		offsets = append(offsets, d.off)
		size := d.count()
		d.off += size
	}
	return offsets
}

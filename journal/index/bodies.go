package index

import (
	"path"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/store"
)

// Bodies reads the body of each entry and passes it to f with the entry
// and its index in entries, in parallel: f must be safe to call from
// several goroutines and must not keep the body, whose memory is reused.
// A file that cannot be read gives f "" and the error. Each run of
// entries in one directory is read by one goroutine, relative to the
// directory: opening a file by its whole path costs the system a lookup
// per directory on the way.
func (j *Reader) Bodies(entries []*format.Entry, f func(i int, e *format.Entry, body string, err error)) {
	var runs []int // where each run starts, and the end
	for i, e := range entries {
		if i == 0 || path.Dir(e.Path) != path.Dir(entries[i-1].Path) {
			runs = append(runs, i)
		}
	}
	runs = append(runs, len(entries))
	store.Parallel(len(runs)-1, func(r int) {
		store.InDir(j.abs(path.Dir(entries[runs[r]].Path)), func(l *store.Lister, dirErr error) {
			for i := runs[r]; i < runs[r+1]; i++ {
				e := entries[i]
				name := baseName(e.Path)
				body, err := "", dirErr
				if err == nil {
					var data []byte
					if data, _, err = l.ReadFile(name); err == nil {
						body, err = format.Body(l.Path(name), data)
					}
				}
				f(i, e, body, err)
			}
		})
	})
}

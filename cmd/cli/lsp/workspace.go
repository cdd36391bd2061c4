package lsp

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/lead-journal/lead/journal"
)

// workspace is one journal the server answers for, read into memory and
// read again, in the background, when its files change.
type workspace struct {
	root    string
	changed func(*workspace) // called after each new read
	reads   *sync.WaitGroup  // the reads under way, of every workspace

	mu      sync.Mutex
	view    *view
	ready   chan struct{} // closed when the first read is done
	reading bool          // a read is under way
	again   bool          // and another was asked for meanwhile
	read    time.Time     // when the view's read started
}

// view is what one read of a journal holds, with what completion and
// hover need computed once.
type view struct {
	snap     *journal.Snapshot
	tags     []string // in use, most used first
	projects []string
	entries  map[string][]*journal.Entry // by person, newest first
}

// newWorkspace starts reading the journal j, and answers for it.
func newWorkspace(j *journal.Journal, reads *sync.WaitGroup, changed func(*workspace)) *workspace {
	w := &workspace{root: j.Root, changed: changed, reads: reads, ready: make(chan struct{})}
	w.view = &view{snap: &journal.Snapshot{Journal: j}} // replaced by the first read, before anyone sees it
	w.refresh()
	return w
}

// current returns the latest view, waiting for the first read.
func (w *workspace) current() *view {
	<-w.ready
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.view
}

// refresh reads the journal again in the background. Only files changed
// since the last read are parsed (the journal's index knows the others),
// and answers come from the previous view until the new one is ready.
func (w *workspace) refresh() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.reading {
		w.again = true
		return
	}
	w.reading = true
	w.reads.Go(w.reread)
}

// refreshIfOlder reads the journal again when the last read started more
// than age ago: files changed on disk by other programs are found on the
// next answer after that.
func (w *workspace) refreshIfOlder(age time.Duration) {
	w.mu.Lock()
	stale := !w.read.IsZero() && time.Since(w.read) > age
	w.mu.Unlock()
	if stale {
		w.refresh()
	}
}

func (w *workspace) reread() {
	for {
		started := time.Now()
		w.mu.Lock()
		j := w.view.snap.Journal
		w.mu.Unlock()
		// lead.yaml is read again too: kinds and practices may have changed.
		if info, err := os.Stat(w.root); err == nil && info.IsDir() {
			if again, _, err := journal.Open(w.root); err == nil {
				j = again
			}
		}
		s, _ := j.Read(journal.ReadOptions{Entries: journal.Everything}) // no filter, no error
		v := newView(s)
		w.mu.Lock()
		first := w.read.IsZero()
		w.view, w.read = v, started
		again := w.again
		w.again, w.reading = false, again
		w.mu.Unlock()
		if first {
			close(w.ready)
		}
		w.changed(w)
		if !again {
			return
		}
	}
}

func newView(s *journal.Snapshot) *view {
	v := &view{snap: s, entries: map[string][]*journal.Entry{}}
	tags, projects := map[string]int{}, map[string]int{}
	for _, e := range s.Entries {
		for _, t := range e.Tags {
			tags[t]++
		}
		if e.Project != "" {
			projects[e.Project]++
		}
		for _, w := range e.With {
			v.entries[w] = append(v.entries[w], e)
		}
	}
	v.tags, v.projects = byUse(tags), byUse(projects)
	s.Items() // gathered once here, not on the first hover
	return v
}

// byUse returns the keys of counts, most used first, then by name.
func byUse(counts map[string]int) []string {
	out := make([]string, 0, len(counts))
	for k := range counts {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		if a < b {
			return -1
		}
		return 1
	})
	return out
}

// journalRoot finds the journal a file belongs to: the directory that
// holds the entries/, people/ or .lead/ directory the file is under, when
// it looks like a journal (it has lead.yaml, .lead/, or both entries/ and
// people/). ok is false for a file in no journal.
func journalRoot(path string) (root string, ok bool) {
	for dir := filepath.Dir(path); ; {
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		switch filepath.Base(dir) {
		case journal.EntriesDir, journal.PeopleDir, journal.CacheDir:
			if isJournal(parent) {
				return parent, true
			}
		}
		dir = parent
	}
}

func isJournal(dir string) bool {
	exists := func(name string) bool { _, err := os.Stat(filepath.Join(dir, name)); return err == nil }
	return exists(journal.ConfigFile) || exists(journal.CacheDir) || exists(journal.EntriesDir) && exists(journal.PeopleDir)
}

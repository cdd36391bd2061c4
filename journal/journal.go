// Package journal is lead's domain: a directory of Markdown files with
// YAML front matter holding entries (interactions) and people, and the
// queries, commitments, cadences and reviews computed from them. It knows
// nothing of the command line or the terminal.
package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/index"
	"github.com/lead-journal/lead/journal/store"
	"github.com/lead-journal/lead/journal/when"
)

// Directories inside a journal (see format for what each holds).
const (
	EntriesDir = format.EntriesDir
	PeopleDir  = format.PeopleDir
	ReviewsDir = format.ReviewsDir
	CacheDir   = format.CacheDir
	// CacheFile is the index of parsed entries, disposable.
	CacheFile = index.File
	// DraftsDir holds entries being edited, and drafts kept after a failure.
	DraftsDir = CacheDir + "/drafts"
)

// Journal is an opened journal directory.
type Journal struct {
	Root   string
	Config Config
}

// Open opens the journal at root, creating it first when it does not
// exist. created reports whether it was created.
func Open(root string) (j *Journal, created bool, err error) {
	info, err := os.Stat(root)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := create(root); err != nil {
			return nil, false, err
		}
		created = true
	case err != nil:
		return nil, false, err
	case !info.IsDir():
		return nil, false, fmt.Errorf("%s is not a directory", root)
	}
	cfg, err := LoadConfig(root)
	if err != nil {
		return nil, false, err
	}
	return &Journal{Root: root, Config: cfg}, created, nil
}

// Init makes root a journal: its directories and a .gitignore for the
// disposable .lead/ directory. Existing files are left alone.
func Init(root string) (*Journal, error) {
	if err := create(root); err != nil {
		return nil, err
	}
	j, _, err := Open(root)
	return j, err
}

// GitIgnore is the .gitignore a new journal gets.
const GitIgnore = CacheDir + "/\n"

func create(root string) error {
	for _, dir := range []string{root, filepath.Join(root, EntriesDir), filepath.Join(root, PeopleDir), filepath.Join(root, CacheDir)} {
		if err := os.MkdirAll(dir, DirMode); err != nil {
			return err
		}
	}
	for _, ignore := range []struct{ path, text string }{
		{filepath.Join(root, ".gitignore"), GitIgnore},
		// Inside .lead too, so that a journal whose own .gitignore does not
		// name .lead/ still never commits a cache or a draft.
		{filepath.Join(root, CacheDir, ".gitignore"), "*\n"},
	} {
		if err := store.CreateFile(ignore.path, []byte(ignore.text)); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	return nil
}

// Abs returns the absolute file path of a journal-relative slash path.
func (j *Journal) Abs(rel string) string {
	return filepath.Join(j.Root, filepath.FromSlash(rel))
}

// writable returns the absolute path of a journal-relative path lead is
// about to write, refusing one that would land outside the journal,
// whether by "..", an absolute path, or a symbolic link on the way.
func (j *Journal) writable(rel string) (string, error) {
	abs := j.Abs(rel)
	if _, err := store.Inside(j.Root, abs); err != nil {
		return "", err
	}
	// The parent may not exist yet: check the deepest part that does.
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(dir); err == nil {
			if _, err := store.Inside(j.Root, dir); err != nil {
				return "", err
			}
			break
		}
		if dir == filepath.Dir(dir) {
			break
		}
	}
	return abs, nil
}

// Load reads every person and entry. Files that cannot be read are
// reported in the snapshot's Problems and left out; nothing else is lost.
func (j *Journal) Load() *Snapshot { return j.load(index.Everything) }

// LoadOpen reads every person and entry but leaves out the task items of
// entries that are ticked: enough for what is still to do, and faster.
func (j *Journal) LoadOpen() *Snapshot { return j.load(index.OpenItems) }

// LoadHeaders reads every person and the front matter of every entry, but
// not what entry bodies hold (items, wins, feedback, summaries): enough to
// filter and list entries, and faster.
func (j *Journal) LoadHeaders() *Snapshot { return j.load(index.Headers) }

func (j *Journal) load(d index.Detail) *Snapshot {
	s := j.LoadPeople()
	j.readEntries(s, index.Options{Detail: d})
	return s
}

// LoadOpenSince reads as LoadOpen does, and keeps also the items ticked on
// since's day or later: what a review of a window from since needs to show
// it as it was, and what was done in it.
func (j *Journal) LoadOpenSince(since time.Time) *Snapshot {
	s := j.LoadPeople()
	j.readEntries(s, index.Options{Detail: index.OpenItems, DoneSince: when.Day(since)})
	return s
}

// reader is the read engine over the journal's entries.
func (j *Journal) reader() *index.Reader {
	return &index.Reader{Root: j.Root, DefaultTime: j.Config.DefaultTime, Clock: j.Config.Clock()}
}

// readEntries reads the entries o keeps into s, with the problems met.
func (j *Journal) readEntries(s *Snapshot, o index.Options) {
	entries, problems := j.reader().Read(o)
	s.Entries = entries
	s.Problems = append(s.Problems, problems...)
}

// Query reads the people, makes a filter from them with build, and reads
// the front matter of the entries, keeping only those that pass the
// filter: LoadHeaders followed by Snapshot.Query, without holding every
// entry in memory. The snapshot's Entries are the ones kept.
func (j *Journal) Query(build func(*Snapshot) (Filter, error)) (*Snapshot, []*Entry, error) {
	s := j.LoadPeople()
	f, err := build(s)
	if err != nil {
		return s, nil, err
	}
	unlimited := f
	unlimited.Limit = 0
	o := index.Options{Detail: index.Headers, Keep: func(e *Entry) bool { return s.matches(e, unlimited) }}
	if f.Grep != nil {
		o.Grep = f.Grep.Match
	}
	j.readEntries(s, o)
	return s, s.Query(f), nil
}

// LoadPeople reads the people only, for commands that need no entries.
func (j *Journal) LoadPeople() *Snapshot {
	s := &Snapshot{Journal: j, people: map[string]*Person{}}
	var (
		mu   sync.Mutex
		rels []string
	)
	problems := store.Walk(j.Root, PeopleDir, false, false, func(relDir string, _ *store.Lister, files []store.Dirent) {
		mu.Lock()
		defer mu.Unlock()
		for _, f := range files {
			rels = append(rels, relDir+"/"+f.Name)
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

// readPerson reads one person file.
func (j *Journal) readPerson(rel string) (*Person, error) {
	data, err := store.ReadFile(j.Abs(rel))
	if err != nil {
		return nil, err
	}
	return format.ParsePerson(rel, j.Abs(rel), data)
}

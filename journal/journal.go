// Package journal is lead's domain: a directory of Markdown files with
// YAML front matter holding entries (interactions) and people, and the
// queries, commitments, cadences and reviews computed from them. It knows
// nothing of the command line or the terminal.
package journal

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Directories inside a journal.
const (
	EntriesDir = "entries"
	PeopleDir  = "people"
	ReviewsDir = "reviews"
	// CacheDir holds everything disposable: drafts, caches. It is git-ignored.
	CacheDir = ".lead"
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
		if err := createFile(ignore.path, []byte(ignore.text)); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	return nil
}

// Abs returns the absolute file path of a journal-relative slash path.
func (j *Journal) Abs(rel string) string {
	return filepath.Join(j.Root, filepath.FromSlash(rel))
}

// Load reads every person and entry. Files that cannot be read are
// reported in the snapshot's Problems and left out; nothing else is lost.
func (j *Journal) Load() *Snapshot { return j.load(true) }

// LoadHeaders reads every person and the front matter of every entry, but
// not what entry bodies hold (items, wins, feedback, summaries): enough to
// filter and list entries, and faster.
func (j *Journal) LoadHeaders() *Snapshot { return j.load(false) }

func (j *Journal) load(full bool) *Snapshot {
	s := j.LoadPeople()
	entries, problems := j.readEntries(full)
	s.Entries = entries
	s.Problems = append(s.Problems, problems...)
	return s
}

// LoadPeople reads the people only, for commands that need no entries.
func (j *Journal) LoadPeople() *Snapshot {
	s := &Snapshot{Journal: j, people: map[string]*Person{}}
	files, problems := j.scan(PeopleDir, false, false)
	for _, f := range files {
		p, err := j.readPerson(f.rel)
		if err != nil {
			problems = append(problems, asProblem(j.Abs(f.rel), err))
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
	data, err := readFile(j.Abs(rel))
	if err != nil {
		return nil, err
	}
	return parsePerson(rel, j.Abs(rel), data)
}

func (j *Journal) readEntries(full bool) ([]*Entry, []*Problem) {
	// Read the index while the tree is scanned: the two do not wait on
	// each other. Without an index, files are read whole anyway, which
	// gives their identities: the scan need not ask for them.
	cacheDone := make(chan map[string]cached)
	go func() { cacheDone <- j.loadCache(full) }()
	_, err := os.Stat(j.Abs(CacheFile))
	files, problems := j.scan(EntriesDir, true, err == nil)
	cache := <-cacheDone
	entries := make([]*Entry, len(files))
	keys := make([]fileKey, len(files))
	errs := make([]error, len(files))
	reread := make([]bool, len(files))
	clock := j.Config.Clock()
	parallel(len(files), func(i int) {
		if c, ok := cache[files[i].rel]; ok && c.key == files[i].key {
			entries[i], keys[i] = c.entry, c.key
			return
		}
		reread[i] = true
		abs := j.Abs(files[i].rel)
		data, key, err := readFileKey(abs)
		if err == nil {
			entries[i], err = parseEntry(files[i].rel, abs, data, clock)
		}
		keys[i], errs[i] = key, err
	})
	good := make([]*Entry, 0, len(entries))
	goodKeys := make([]fileKey, 0, len(entries))
	changed := false
	for i, e := range entries {
		changed = changed || reread[i]
		if errs[i] != nil {
			problems = append(problems, asProblem(j.Abs(files[i].rel), errs[i]))
			continue
		}
		good = append(good, e)
		goodKeys = append(goodKeys, keys[i])
	}
	if changed || len(cache) != len(good) {
		if !full && len(cache) > 0 {
			// The index must be rewritten, and its entries were read without
			// their details: read it in full to write it whole.
			return j.readEntries(true)
		}
		_ = j.saveCache(good, goodKeys) // a cache that cannot be written is rebuilt next time
	}
	SortNewestFirst(good)
	return good, problems
}

// SortNewestFirst orders entries by date, newest first, then by id.
func SortNewestFirst(entries []*Entry) {
	slices.SortFunc(entries, func(a, b *Entry) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return strings.Compare(b.ID, a.ID)
	})
}

// scanned is a file found under a journal directory.
type scanned struct {
	rel string  // slash path relative to the journal
	key fileKey // its identity, when asked for
}

// scan finds the .md files under dir, recursively or not, directory by
// directory in parallel, with their identities when stat is set. Hidden
// files and directories and lead's temporary files are skipped; other
// files are reported as misplaced.
func (j *Journal) scan(dir string, recursive, stat bool) ([]scanned, []*Problem) {
	var (
		mu       sync.Mutex
		files    []scanned
		problems []*Problem
	)
	level := []string{j.Abs(dir)}
	for len(level) > 0 {
		var next []string
		parallel(len(level), func(i int) {
			found, subdirs, probs := j.scanDir(level[i], stat)
			mu.Lock()
			defer mu.Unlock()
			files = append(files, found...)
			problems = append(problems, probs...)
			if recursive {
				next = append(next, subdirs...)
			}
		})
		level = next
	}
	sort.Slice(problems, func(a, b int) bool { return problems[a].Path < problems[b].Path })
	return files, problems
}

func (j *Journal) scanDir(dir string, stat bool) (found []scanned, subdirs []string, problems []*Problem) {
	f, err := os.Open(dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			problems = append(problems, &Problem{Path: dir, Msg: err.Error()})
		}
		return nil, nil, problems
	}
	defer f.Close()
	entries, err := f.ReadDir(-1)
	if err != nil {
		problems = append(problems, &Problem{Path: dir, Msg: err.Error()})
	}
	relDir, _ := filepath.Rel(j.Root, dir)
	relDir = filepath.ToSlash(relDir)
	found = make([]scanned, 0, len(entries))
	for _, d := range entries {
		name := d.Name()
		switch {
		case strings.HasPrefix(name, "."):
			removeStaleTemp(filepath.Join(dir, name), d)
		case d.IsDir():
			subdirs = append(subdirs, filepath.Join(dir, name))
		case !strings.HasSuffix(name, ".md"):
			problems = append(problems, &Problem{Path: filepath.Join(dir, name), Msg: "not a Markdown file (.md); lead ignores it"})
		default:
			s := scanned{rel: relDir + "/" + name}
			if stat {
				if s.key, err = statAt(f, name); err != nil {
					problems = append(problems, &Problem{Path: filepath.Join(dir, name), Msg: err.Error()})
					continue
				}
			}
			found = append(found, s)
		}
	}
	return found, subdirs, problems
}

// readFile reads a journal file, refusing one larger than MaxFileSize
// without reading it.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &Problem{path, 0, "not a regular file"}
	}
	if info.Size() > MaxFileSize {
		return nil, &Problem{path, 0, fmt.Sprintf("file is %d bytes, larger than the %d lead reads", info.Size(), MaxFileSize)}
	}
	return io.ReadAll(io.LimitReader(f, MaxFileSize+1))
}

func asProblem(path string, err error) *Problem {
	var p *Problem
	if errors.As(err, &p) {
		return p
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &Problem{Path: path, Msg: pe.Err.Error()}
	}
	return &Problem{Path: path, Msg: err.Error()}
}

// Package journal is lead's domain: a directory of Markdown files with
// YAML front matter holding entries (interactions) and people, and the
// queries, commitments, cadences and reviews computed from them. It knows
// nothing of the command line or the terminal.
package journal

import (
	"cmp"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unsafe"
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
func (j *Journal) Load() *Snapshot { return j.load(everything) }

// LoadOpen reads every person and entry but leaves out the task items of
// entries that are ticked: enough for what is still to do, and faster.
func (j *Journal) LoadOpen() *Snapshot { return j.load(openItems) }

// LoadHeaders reads every person and the front matter of every entry, but
// not what entry bodies hold (items, wins, feedback, summaries): enough to
// filter and list entries, and faster.
func (j *Journal) LoadHeaders() *Snapshot { return j.load(headers) }

// detail is how much of what entry bodies hold a read keeps.
type detail int

const (
	headers   detail = iota // nothing: the front matter only
	openItems               // all but the ticked task items
	everything
)

func (j *Journal) load(d detail) *Snapshot {
	s := j.LoadPeople()
	j.readEntries(s, reading{detail: d})
	return s
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
	j.readEntries(s, reading{detail: headers, keep: func(e *Entry) bool { return s.matches(e, unlimited) }, grep: f.Grep})
	return s, s.Query(f), nil
}

// LoadPeople reads the people only, for commands that need no entries.
func (j *Journal) LoadPeople() *Snapshot {
	s := &Snapshot{Journal: j, people: map[string]*Person{}}
	var (
		mu   sync.Mutex
		rels []string
	)
	problems := j.walk(PeopleDir, false, false, func(relDir string, _ *lister, files []dirent) {
		mu.Lock()
		defer mu.Unlock()
		for _, f := range files {
			rels = append(rels, relDir+"/"+f.name)
		}
	})
	for _, rel := range rels {
		p, err := j.readPerson(rel)
		if err != nil {
			problems = append(problems, asProblem(j.Abs(rel), err))
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

// reading is what a read of the entries keeps.
type reading struct {
	detail detail
	keep   func(*Entry) bool // the entries kept; nil keeps all
	grep   *TextMatcher      // when set, keeps only entries whose whole text it matches
}

// readEntries reads the entries r keeps into s, with the problems met:
// from the index when the file has not changed since, from the file
// otherwise. Each directory is listed, its files' identities checked
// against its block of the index, its block rebuilt when anything
// differs, and its entries decoded, by one goroutine; the index is
// rewritten when any block changed. With r.grep, the files of the entries
// kept are then read whole and matched, in the same goroutine.
func (j *Journal) readEntries(s *Snapshot, r reading) {
	idx := j.openIndex()
	var (
		mu       sync.Mutex
		blocks   []*block
		runs     [][]*Entry // each directory's entries, newest first
		problems []*Problem
		changed  = idx == nil
		found    int // blocks of the index whose directory is still there
	)
	// read reads one block's files: a directory's, or a part of a large one.
	read := func(relDir, key string, l *lister, files []dirent) {
		old := idx.block(key)
		b, offsets, rebuilt, probs := j.refresh(relDir, key, l, old, files)
		list, err := b.decode(b.newestFirst(offsets), &r)
		if err != nil { // damaged, though its checksum held: read the files
			b, offsets, rebuilt, probs = j.refresh(relDir, key, l, nil, files)
			list, _ = b.decode(b.newestFirst(offsets), &r)
		}
		if r.grep != nil {
			list = l.grep(list, r.grep, &probs)
		}
		// In order already, unless newestFirst kept the order given.
		SortNewestFirst(list)
		mu.Lock()
		defer mu.Unlock()
		if old != nil {
			found++
		}
		if b != nil {
			blocks = append(blocks, b)
		}
		changed = changed || rebuilt
		if len(list) > 0 {
			runs = append(runs, list)
		}
		problems = append(problems, probs...)
	}
	listed := j.walk(EntriesDir, true, idx != nil, func(relDir string, l *lister, files []dirent) {
		parts := partition(files)
		if len(parts) == 1 {
			read(relDir, relDir, l, files)
			return
		}
		parallel(len(parts), func(k int) {
			pl := listers.Get().(*lister)
			defer listers.Put(pl)
			pl.borrow(l)
			read(relDir, fmt.Sprintf("%s\x00%d/%d", relDir, k, len(parts)), pl, parts[k])
		})
	})
	if changed || idx != nil && found != len(idx.blocks) {
		_ = j.saveCache(blocks) // a cache that cannot be written is rebuilt next time
	}
	s.Entries = mergeNewestFirst(runs, compareNewestFirst)
	s.Problems = append(s.Problems, sortProblems(append(listed, problems...))...)
}

// partSize is about the most files one block holds: a directory with more
// is split into parts by a hash of the file names, each with its own block,
// read by its own goroutine. A part changes only when a file of it does.
const partSize = 2048

// partition splits a directory's files into a power of two of parts of at
// most about partSize files, keeping the order they were listed in.
func partition(files []dirent) [][]dirent {
	n := 1
	for n*partSize < len(files) {
		n *= 2
	}
	if n == 1 {
		return [][]dirent{files}
	}
	part, sizes := make([]uint32, len(files)), make([]int, n)
	h := fnv.New32a()
	for i, f := range files {
		h.Reset()
		h.Write(unsafe.Slice(unsafe.StringData(f.name), len(f.name)))
		part[i] = h.Sum32() % uint32(n)
		sizes[part[i]]++
	}
	parts := make([][]dirent, n)
	for k := range parts {
		parts[k] = make([]dirent, 0, sizes[k])
	}
	for i, f := range files {
		parts[part[i]] = append(parts[part[i]], f)
	}
	return parts
}

// mergeNewestFirst joins runs each sorted by compare, newest first, into
// one sorted list. Runs are mostly months that do not overlap: laid end
// to end, newest run first, they are sorted already when each run ends
// no older than the next begins, which is checked where runs meet rather
// than over every element. Runs that overlap (the parts of a large
// directory) are merged two by two.
func mergeNewestFirst[T any](runs [][]T, compare func(a, b T) int) []T {
	slices.SortFunc(runs, func(a, b []T) int { return compare(a[0], b[0]) })
	n, overlap := 0, false
	for i, run := range runs {
		n += len(run)
		overlap = overlap || i > 0 && compare(runs[i-1][len(runs[i-1])-1], run[0]) > 0
	}
	if !overlap {
		all := make([]T, 0, n)
		for _, run := range runs {
			all = append(all, run...)
		}
		return all
	}
	for len(runs) > 1 {
		merged := runs[:0]
		for i := 0; i < len(runs); i += 2 {
			if i+1 == len(runs) {
				merged = append(merged, runs[i])
				break
			}
			merged = append(merged, mergeTwo(runs[i], runs[i+1], compare))
		}
		runs = merged
	}
	return runs[0]
}

// mergeTwo merges two runs sorted by compare.
func mergeTwo[T any](a, b []T, compare func(a, b T) int) []T {
	out := make([]T, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if compare(b[0], a[0]) < 0 {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

func sortProblems(problems []*Problem) []*Problem {
	sort.Slice(problems, func(a, b int) bool { return problems[a].Path < problems[b].Path })
	return problems
}

// SortNewestFirst orders entries by date, newest first, then by id and
// path.
func SortNewestFirst(entries []*Entry) { slices.SortFunc(entries, compareNewestFirst) }

func compareNewestFirst(a, b *Entry) int {
	return cmp.Or(newestFirst(a.Date, a.ID, b.Date, b.ID), strings.Compare(b.Path, a.Path))
}

// newestFirst orders what an entry's date and id (a, then b) say, newest
// first.
func newestFirst(aDate time.Time, aID string, bDate time.Time, bID string) int {
	if c := bDate.Compare(aDate); c != 0 {
		return c
	}
	return strings.Compare(bID, aID)
}

// grep keeps the entries, of the directory listed last, whose whole file
// text matches m. A file that cannot be read is added to problems.
func (l *lister) grep(entries []*Entry, m *TextMatcher, problems *[]*Problem) []*Entry {
	kept := entries[:0]
	for _, e := range entries {
		name := baseName(e.Path)
		data, _, err := l.readFile(name)
		if err != nil {
			*problems = append(*problems, asProblem(l.path(name), err))
			continue
		}
		if m.Match(data) {
			kept = append(kept, e)
		}
	}
	return kept
}

// dirent is a name found in a directory.
type dirent struct {
	name  string
	isDir bool
	key   fileKey     // its identity, when asked for
	perm  fs.FileMode // its permissions, when asked for
	err   error       // why its identity could not be had
}

// lister lists directories, reusing its memory from one to the next, and
// reads the files of the directory it listed last.
type lister struct {
	dir     string // the directory open last
	fd      int    // open on dir while open is set, where the system allows
	open    bool
	buf     []byte
	list    []dirent
	pending []int  // the names of list to look at
	text    []byte // the last file read
	paths   []byte // its paths, see filePaths
	scratch scratch
	enc     *blockEncoder
}

var listers = sync.Pool{New: func() any { return new(lister) }}

// path is the path of the file name of the directory open last.
func (l *lister) path(name string) string { return l.dir + string(filepath.Separator) + name }

// filePaths returns the slash path in the journal of the file name of
// the directory at rel, open last, and its path as shown, in memory the
// next call reuses: what is parsed from a file with no index is encoded
// into the index at once, and its paths are not kept.
func (l *lister) filePaths(rel, name string) (string, string) {
	l.paths = append(append(append(l.paths[:0], rel...), '/'), name...)
	n := len(l.paths)
	l.paths = append(append(append(l.paths, l.dir...), filepath.Separator), name...)
	both := unsafe.String(unsafe.SliceData(l.paths), len(l.paths))
	return both[:n], both[n:]
}

// borrow makes l read the files of the directory other has open, without
// closing it: other must keep it open while l is in use.
func (l *lister) borrow(other *lister) { l.dir, l.fd, l.open = other.dir, other.fd, false }

// walk lists dir, and with recursive every directory under it, one
// directory per goroutine at a time, and passes the Markdown files of each
// to visit, with the lister that listed them (it reads those files while
// visit runs). visit may be called from several goroutines at once and
// must copy the names it keeps. With stat, each file comes with its
// identity.
// Hidden files and directories are skipped (lead's own old temporary
// files removed); other files are reported as misplaced.
func (j *Journal) walk(dir string, recursive, stat bool, visit func(relDir string, l *lister, files []dirent)) []*Problem {
	var (
		mu       sync.Mutex
		problems []*Problem
	)
	j.walkDirs(dir, stat, func(relDir string, l *lister, list []dirent, err error) []string {
		var probs []*Problem
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			probs = append(probs, &Problem{Path: j.Abs(relDir), Msg: err.Error()})
		}
		var subdirs []string
		files := list[:0] // filtered in place
		for _, d := range list {
			abs := func() string { return filepath.Join(j.Abs(relDir), d.name) }
			switch {
			case strings.HasPrefix(d.name, "."):
				removeStaleTemp(abs(), d.name)
			case d.err != nil:
				probs = append(probs, &Problem{Path: abs(), Msg: d.err.Error()})
			case d.isDir:
				subdirs = append(subdirs, relDir+"/"+d.name)
			case !strings.HasSuffix(d.name, ".md"):
				probs = append(probs, &Problem{Path: abs(), Msg: "not a Markdown file (.md); lead ignores it"})
			default:
				files = append(files, d)
			}
		}
		visit(relDir, l, files)
		mu.Lock()
		defer mu.Unlock()
		problems = append(problems, probs...)
		if !recursive {
			return nil
		}
		return subdirs
	})
	return sortProblems(problems)
}

// walkDirs lists dir (relative to the journal, "." for its root) and
// every directory visit returns, level by level, one directory per
// goroutine at a time. visit gets each listing, or the error that stopped
// it, with the lister that made it, and may be called from several
// goroutines at once. With stat, each name comes with its identity and
// permissions.
func (j *Journal) walkDirs(dir string, stat bool, visit func(relDir string, l *lister, list []dirent, err error) (subdirs []string)) {
	var mu sync.Mutex
	for level := []string{dir}; len(level) > 0; {
		var next []string
		parallel(len(level), func(i int) {
			l := listers.Get().(*lister)
			defer listers.Put(l)
			list, err := l.listDir(j.Abs(level[i]), stat)
			defer l.close()
			subdirs := visit(level[i], l, list, err)
			mu.Lock()
			defer mu.Unlock()
			next = append(next, subdirs...)
		})
		level = next
	}
}

// readFile reads a journal file, refusing one larger than MaxFileSize
// without reading it.
func readFile(path string) ([]byte, error) {
	data, _, err := readFileKey(path)
	return data, err
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

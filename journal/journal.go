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
	"sort"
	"strings"
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
	err := createFile(filepath.Join(root, ".gitignore"), []byte(GitIgnore))
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// Abs returns the absolute file path of a journal-relative slash path.
func (j *Journal) Abs(rel string) string {
	return filepath.Join(j.Root, filepath.FromSlash(rel))
}

// Load reads every person and entry. Files that cannot be read are
// reported in the snapshot's Problems and left out; nothing else is lost.
func (j *Journal) Load() *Snapshot {
	s := j.LoadPeople()
	entries, problems := j.readEntries()
	s.Entries = entries
	s.Problems = append(s.Problems, problems...)
	return s
}

// LoadPeople reads the people only, for commands that need no entries.
func (j *Journal) LoadPeople() *Snapshot {
	s := &Snapshot{Journal: j, people: map[string]*Person{}}
	files, problems := j.list(PeopleDir, false)
	for _, rel := range files {
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

func (j *Journal) readEntries() ([]*Entry, []*Problem) {
	files, problems := j.list(EntriesDir, true)
	entries := make([]*Entry, len(files))
	errs := make([]error, len(files))
	clock := j.Config.Clock()
	parallel(len(files), func(i int) {
		abs := j.Abs(files[i])
		data, err := readFile(abs)
		if err == nil {
			entries[i], err = parseEntry(files[i], abs, data, clock)
		}
		errs[i] = err
	})
	out := entries[:0]
	for i, e := range entries {
		if errs[i] != nil {
			problems = append(problems, asProblem(j.Abs(files[i]), errs[i]))
			continue
		}
		out = append(out, e)
	}
	SortNewestFirst(out)
	return out, problems
}

// SortNewestFirst orders entries by date, newest first, then by id.
func SortNewestFirst(entries []*Entry) {
	sort.SliceStable(entries, func(a, b int) bool {
		if !entries[a].Date.Equal(entries[b].Date) {
			return entries[a].Date.After(entries[b].Date)
		}
		return entries[a].ID > entries[b].ID
	})
}

// list returns the journal-relative paths of the .md files under dir,
// recursively or not. Hidden files and directories and lead's temporary
// files are skipped; other files are reported as misplaced.
func (j *Journal) list(dir string, recursive bool) ([]string, []*Problem) {
	var files []string
	var problems []*Problem
	top := j.Abs(dir)
	err := filepath.WalkDir(top, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && path == top {
				return nil
			}
			problems = append(problems, &Problem{Path: path, Msg: err.Error()})
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if path != top && (!recursive || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if removeStaleTemp(path, d) || strings.HasPrefix(name, ".") {
			return nil
		}
		if !strings.HasSuffix(name, ".md") {
			problems = append(problems, &Problem{Path: path, Msg: "not a Markdown file (.md); lead ignores it"})
			return nil
		}
		rel, _ := filepath.Rel(j.Root, path)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		problems = append(problems, &Problem{Path: top, Msg: err.Error()})
	}
	return files, problems
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

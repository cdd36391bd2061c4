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

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/index"
	"github.com/lead-journal/lead/journal/store"
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
	// Replaced says what Open found under .lead that led outside the
	// journal (a symbolic link), and replaced by a directory of its own.
	Replaced []string
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
	replaced, err := store.OwnDir(root, CacheDir)
	if err != nil {
		return nil, false, err
	}
	return &Journal{Root: root, Config: cfg, Replaced: replaced}, created, nil
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

// TempPattern is the glob of the names of lead's temporary files.
const TempPattern = store.TempPrefix + "*"

// GitIgnore is the .gitignore a new journal gets: the disposable .lead/
// directory, and the temporary files a killed rewrite can leave.
const GitIgnore = CacheDir + "/\n" + TempPattern + "\n"

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

// readPerson reads one person file.
func (j *Journal) readPerson(rel string) (*Person, error) {
	data, err := store.ReadFile(j.Abs(rel))
	if err != nil {
		return nil, err
	}
	return format.ParsePerson(rel, j.Abs(rel), data)
}

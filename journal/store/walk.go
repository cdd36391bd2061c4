package store

import (
	"errors"
	"io/fs"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lead-journal/lead/journal/format"
)

// Dirent is a name found in a directory.
type Dirent struct {
	Name  string
	IsDir bool
	Key   FileKey     // its identity, when asked for
	Perm  fs.FileMode // its permissions, when asked for
	Err   error       // why its identity could not be had
}

// Lister lists directories, reusing its memory from one to the next, and
// reads the files of the directory it listed last.
type Lister struct {
	dir     string // the directory open last
	fd      int    // open on dir while open is set, where the system allows
	open    bool
	buf     []byte
	list    []Dirent
	pending [][2]int // the names of list to look at: where each is in list and in buf
	text    []byte   // the last file read
}

var listers = sync.Pool{New: func() any { return new(Lister) }}

// Path is the path of the file name of the directory open last.
func (l *Lister) Path(name string) string { return l.dir + string(filepath.Separator) + name }

// Shared passes f a Lister of the pool that reads the files of the
// directory l has open, without closing it: l keeps it open while f runs.
func (l *Lister) Shared(f func(*Lister)) {
	pl := listers.Get().(*Lister)
	defer listers.Put(pl)
	pl.dir, pl.fd, pl.open = l.dir, l.fd, false
	f(pl)
}

// InDir passes f a Lister of the pool with dir (an absolute path) open,
// or the error that opening it gave.
func InDir(dir string, f func(l *Lister, err error)) {
	l := listers.Get().(*Lister)
	defer listers.Put(l)
	err := l.openDir(dir)
	defer l.close()
	f(l, err)
}

// WalkOptions says how Walk lists.
type WalkOptions struct {
	Recursive bool // every directory under the one given too
	Stat      bool // each file with its identity
	// Known, with Stat, gives the names a directory held when its identity
	// was key, as a Listing's Key said, or nil when it does not know them.
	// Walk then looks at those names without listing the directory.
	Known func(relDir string, key FileKey) []string
}

// Listing is the Markdown files Walk found in one directory.
type Listing struct {
	Dir    string   // a slash path relative to the root
	Files  []Dirent // reused once visit returns
	Lister *Lister  // reads the directory's files while visit runs
	// Key, with Stat, is the directory's identity when it held nothing but
	// Markdown files and had not changed for three seconds before the walk
	// began; it is zero otherwise. A name that comes into a directory, goes
	// or is renamed changes its change time, and the three seconds cover
	// file systems whose times are coarse: while the directory keeps this
	// identity, it holds the same names (a file changed in place changes
	// only its own identity).
	Key FileKey
}

// racyMargin is how long before a walk a directory must have changed last
// for its identity to tell that its names are the same: more than the
// coarsest step of file system times (two seconds, FAT's).
const racyMargin = 3 * time.Second

// Walk lists dir (a slash path relative to root), and with o.Recursive
// every directory under it, one directory per goroutine at a time, and
// passes the Markdown files of each to visit. visit may be called from
// several goroutines at once.
// Hidden files and directories are skipped (lead's own old temporary
// files removed); other files are reported as misplaced.
func Walk(root, dir string, o WalkOptions, visit func(*Listing)) []*format.Problem {
	var (
		mu       sync.Mutex
		problems []*format.Problem
		settled  = time.Now().Add(-racyMargin).UnixNano()
	)
	start := Dir{Rel: dir}
	if o.Stat {
		start.Key, _ = dirKey(abs(root, dir)) // when it cannot be had, the listing says why
	}
	WalkDirs(root, start, o.Stat, o.Known, func(d Dir, l *Lister, list []Dirent, err error) []Dir {
		var probs []*format.Problem
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			probs = append(probs, &format.Problem{Path: abs(root, d.Rel), Msg: err.Error()})
		}
		var subdirs []Dir
		files := list[:0] // filtered in place
		for _, f := range list {
			abs := func() string { return filepath.Join(abs(root, d.Rel), f.Name) }
			switch {
			case strings.HasPrefix(f.Name, "."):
				removeStaleTemp(abs(), f.Name)
			case f.Err != nil:
				probs = append(probs, &format.Problem{Path: abs(), Msg: f.Err.Error()})
			case f.IsDir:
				subdirs = append(subdirs, Dir{Rel: d.Rel + "/" + f.Name, Key: f.Key})
			case !strings.HasSuffix(f.Name, ".md"):
				probs = append(probs, &format.Problem{Path: abs(), Msg: "not a Markdown file (.md); lead ignores it"})
			default:
				files = append(files, f)
			}
		}
		ls := &Listing{Dir: d.Rel, Files: files, Lister: l}
		// A system that reports no change time (Ctime 0) never settles one.
		if err == nil && len(files) == len(list) && d.Key.Ctime > 0 && d.Key.Ctime < settled && d.Key.Mtime < settled {
			ls.Key = d.Key
		}
		visit(ls)
		mu.Lock()
		defer mu.Unlock()
		problems = append(problems, probs...)
		if !o.Recursive {
			return nil
		}
		return subdirs
	})
	return SortProblems(problems)
}

// Dir is a directory to list: its slash path relative to the root, and
// its identity when the listing of its parent looked at it.
type Dir struct {
	Rel string
	Key FileKey
}

// WalkDirs lists dir and every directory visit returns, level by level,
// one directory per goroutine at a time. visit gets each listing, or the
// error that stopped it, with the Lister that made it (it reads the
// directory's files while visit runs), and may be called from several
// goroutines at once; the list it gets is reused once it returns. With
// stat, each name comes with its identity and permissions, and a
// directory whose names known gives (nil for none) is not listed: those
// names are looked at.
func WalkDirs(root string, dir Dir, stat bool, known func(relDir string, key FileKey) []string, visit func(d Dir, l *Lister, list []Dirent, err error) (subdirs []Dir)) {
	var mu sync.Mutex
	for level := []Dir{dir}; len(level) > 0; {
		var next []Dir
		Parallel(len(level), func(i int) {
			l := listers.Get().(*Lister)
			defer listers.Put(l)
			list, err := l.listing(abs(root, level[i].Rel), level[i], stat, known)
			defer l.close()
			subdirs := visit(level[i], l, list, err)
			mu.Lock()
			defer mu.Unlock()
			next = append(next, subdirs...)
		})
		level = next
	}
}

// listing lists the directory d at path, or looks at the names known gives
// for its identity, when the directory it opens still has that identity
// (not another put in its place since its parent was listed).
func (l *Lister) listing(path string, d Dir, stat bool, known func(string, FileKey) []string) ([]Dirent, error) {
	if stat && known != nil && d.Key != (FileKey{}) {
		if key, err := l.openKey(path); err == nil && key == d.Key {
			if names := known(d.Rel, d.Key); names != nil {
				if list, ok := l.listKnown(names); ok {
					return list, nil
				}
			}
		}
	}
	return l.listDir(path, stat)
}

// abs is the file path of the slash path rel in root.
func abs(root, rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }

// ReadFile reads a journal file, refusing one larger than
// format.format.MaxFileSize without reading it.
func ReadFile(path string) ([]byte, error) {
	data, _, err := ReadFileKey(path)
	return data, err
}

// SortProblems orders problems by path.
func SortProblems(problems []*format.Problem) []*format.Problem {
	sort.Slice(problems, func(a, b int) bool { return problems[a].Path < problems[b].Path })
	return problems
}

// Parallel runs f(0), ..., f(n-1) on twice as many goroutines as there
// are processors: the work is mostly system calls on files, which block.
func Parallel(n int, f func(int)) {
	var (
		wg   sync.WaitGroup
		next atomic.Int64
	)
	for w := min(n, 2*runtime.GOMAXPROCS(0)); w > 0; w-- {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// FileKey identifies one state of a file. Any change to a file, even
// within the same second and to the same size, changes its ctime, and a
// replaced file has another inode.
type FileKey struct {
	Size, Mtime, Ctime int64
	Ino                uint64
}

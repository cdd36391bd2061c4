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

// Walk lists dir (a slash path relative to root), and with recursive
// every directory under it, one directory per goroutine at a time, and
// passes the Markdown files of each to visit, with the Lister that listed
// them (it reads those files while visit runs). visit may be called from
// several goroutines at once; the list it gets is reused once it returns.
// With stat, each file comes with its identity.
// Hidden files and directories are skipped (lead's own old temporary
// files removed); other files are reported as misplaced.
func Walk(root, dir string, recursive, stat bool, visit func(relDir string, l *Lister, files []Dirent)) []*format.Problem {
	var (
		mu       sync.Mutex
		problems []*format.Problem
	)
	WalkDirs(root, dir, stat, func(relDir string, l *Lister, list []Dirent, err error) []string {
		var probs []*format.Problem
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			probs = append(probs, &format.Problem{Path: abs(root, relDir), Msg: err.Error()})
		}
		var subdirs []string
		files := list[:0] // filtered in place
		for _, d := range list {
			abs := func() string { return filepath.Join(abs(root, relDir), d.Name) }
			switch {
			case strings.HasPrefix(d.Name, "."):
				removeStaleTemp(abs(), d.Name)
			case d.Err != nil:
				probs = append(probs, &format.Problem{Path: abs(), Msg: d.Err.Error()})
			case d.IsDir:
				subdirs = append(subdirs, relDir+"/"+d.Name)
			case !strings.HasSuffix(d.Name, ".md"):
				probs = append(probs, &format.Problem{Path: abs(), Msg: "not a Markdown file (.md); lead ignores it"})
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
	return SortProblems(problems)
}

// WalkDirs lists dir (a slash path relative to root, "." for root itself)
// and every directory visit returns, level by level, one directory per
// goroutine at a time. visit gets each listing, or the error that stopped
// it, with the Lister that made it, and may be called from several
// goroutines at once. With stat, each name comes with its identity and
// permissions.
func WalkDirs(root, dir string, stat bool, visit func(relDir string, l *Lister, list []Dirent, err error) (subdirs []string)) {
	var mu sync.Mutex
	for level := []string{dir}; len(level) > 0; {
		var next []string
		Parallel(len(level), func(i int) {
			l := listers.Get().(*Lister)
			defer listers.Put(l)
			list, err := l.listDir(abs(root, level[i]), stat)
			defer l.close()
			subdirs := visit(level[i], l, list, err)
			mu.Lock()
			defer mu.Unlock()
			next = append(next, subdirs...)
		})
		level = next
	}
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

package index

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/store"
	"github.com/lead-journal/lead/journal/when"
)

// Detail is how much of what entry bodies hold a read keeps.
type Detail int

const (
	Headers    Detail = iota // nothing: the front matter only
	OpenItems                // all but the ticked task items
	Everything               // every item, win, piece of feedback and summary
)

// Reader reads the entries of the journal at Root, through the index
// under its .lead/ directory.
type Reader struct {
	Root string
	// DefaultTime is the time of day of dates written without one, as
	// configured, read by Clock: the entries parsed depend on it, and so
	// does the index.
	DefaultTime string
	Clock       when.Clock
}

// Options is what a read of the entries keeps.
type Options struct {
	Detail Detail
	Keep   func(*format.Entry) bool // the entries kept; nil keeps all
	Grep   func(text []byte) bool   // when set, keeps only entries whose whole text it matches
	// DoneSince, with OpenItems, keeps also the items ticked on that day or
	// later (by their done: day).
	DoneSince time.Time
	// Indexed reads the entries as the index last recorded them, without
	// listing a directory or checking a file, when no directory of them
	// changed since: for completion, where quick matters more than an
	// edit made in place since the last read. Otherwise it reads as usual.
	Indexed bool
}

// Read reads the entries o keeps, newest first, with the problems met:
// from the index when the file has not changed since, from the file
// otherwise. Each directory is listed (or, while it is settled, its
// files looked at by the names its blocks hold), its files' identities
// checked against its block of the index, its block rebuilt when anything
// differs, and its entries decoded, by one goroutine; the index is
// rewritten when any block changed. With o.Grep, the files of the entries
// kept are then read whole and matched, in the same goroutine.
func (j *Reader) Read(o Options) ([]*format.Entry, []*format.Problem) {
	idx := j.openIndex()
	if o.Indexed && idx != nil {
		if j.recent(idx) {
			return j.readIndexed(idx, &o), nil
		}
		defer j.checked() // what follows checks every file
	}
	entries, problems, _ := j.scan(idx, &o)
	return entries, problems
}

// scan reads the entries o keeps, checking every file against idx (nil
// for none), and returns them with the problems met and the blocks of the
// index as it now is, written again when any changed.
func (j *Reader) scan(idx *index, o *Options) ([]*format.Entry, []*format.Problem, []*block) {
	var (
		mu       sync.Mutex
		blocks   []*block
		runs     [][]*format.Entry // each directory's entries, newest first
		problems []*format.Problem
		changed  = idx == nil
		found    int // blocks of the index whose directory is still there
	)
	// read reads one block's files, a directory's or a part of a large
	// one, whose identity is dir when it is settled (see store.Listing),
	// and returns the entries kept, newest first.
	read := func(relDir, key string, dir store.FileKey, l *store.Lister, files []store.Dirent) []*format.Entry {
		w := workers.Get().(*worker)
		defer workers.Put(w)
		old := idx.block(key)
		b, offsets, rebuilt, probs := j.refresh(relDir, key, l, w, old, files)
		list, err := b.decode(b.newestFirst(offsets), o)
		if err != nil { // damaged, though its checksum held: read the files
			b, offsets, rebuilt, probs = j.refresh(relDir, key, l, w, nil, files)
			list, _ = b.decode(b.newestFirst(offsets), o)
		}
		if len(probs) > 0 {
			dir = store.FileKey{} // a file left out: its name is in no block
		}
		if b != nil && b.dir != dir {
			b = b.withDir(dir)
			rebuilt = true
		}
		if o.Grep != nil {
			list = grep(l, list, o.Grep, &probs)
		}
		// In order already, unless newestFirst kept the order given.
		format.SortNewestFirst(list)
		mu.Lock()
		defer mu.Unlock()
		if old != nil {
			found++
		}
		if b != nil {
			blocks = append(blocks, b)
		}
		changed = changed || rebuilt
		problems = append(problems, probs...)
		return list
	}
	addRun := func(list []*format.Entry) {
		if len(list) > 0 {
			mu.Lock()
			defer mu.Unlock()
			runs = append(runs, list)
		}
	}
	walk := store.WalkOptions{Recursive: true, Stat: idx != nil, Known: idx.known()}
	listed := store.Walk(j.Root, format.EntriesDir, walk, func(ls *store.Listing) {
		parts := partition(ls.Files)
		if len(parts) == 1 {
			addRun(read(ls.Dir, ls.Dir, ls.Key, ls.Lister, ls.Files))
			return
		}
		lists := make([][]*format.Entry, len(parts))
		store.Parallel(len(parts), func(k int) {
			ls.Lister.Shared(func(pl *store.Lister) {
				lists[k] = read(ls.Dir, partKey(ls.Dir, k, len(parts)), ls.Key, pl, parts[k])
			})
		})
		// The parts' entries interleave: they are merged here, while other
		// directories are read, rather than with all the others at the end.
		addRun(mergeNewestFirst(slices.DeleteFunc(lists, func(l []*format.Entry) bool { return len(l) == 0 }), format.CompareNewestFirst))
	})
	if changed || idx != nil && found != len(idx.blocks) {
		_ = j.saveCache(blocks) // a cache that cannot be written is rebuilt next time
	}
	return mergeNewestFirst(runs, format.CompareNewestFirst), store.SortProblems(append(listed, problems...)), blocks
}

// worker is the memory a goroutine encodes blocks in, reused from one
// directory to the next.
type worker struct {
	enc *blockEncoder
}

var workers = sync.Pool{New: func() any { return new(worker) }}

// partSize is about the most files one block holds: a directory with more
// is split into parts by a hash of the file names, each with its own block,
// read by its own goroutine. A part changes only when a file of it does.
const partSize = 2048

// partKey is the key of the block of part k of n of the directory dir.
func partKey(dir string, k, n int) string { return fmt.Sprintf("%s\x00%d/%d", dir, k, n) }

// dirOf is the directory of a block's key, with the part of it the block
// is and how many parts it has (0 of 1 for a whole directory).
func dirOf(key string) (dir string, k, n int) {
	dir, part, found := strings.Cut(key, "\x00")
	if !found {
		return dir, 0, 1
	}
	if _, err := fmt.Sscanf(part, "%d/%d", &k, &n); err != nil || k < 0 || k >= n {
		return dir, 0, 0 // no key lead writes
	}
	return dir, k, n
}

// known gives the names of the files of each directory whose blocks all
// remember it with the identity asked for, in the order of the blocks'
// records (for store.WalkOptions.Known): what the directory holds, while
// it keeps that identity. It is nil without an index.
func (idx *index) known() func(relDir string, key store.FileKey) []string {
	if idx == nil {
		return nil
	}
	byDir := map[string][]*block{} // the blocks of each directory, by part
	for key, b := range idx.blocks {
		dir, k, n := dirOf(key)
		if n == 0 {
			continue
		}
		if byDir[dir] == nil {
			byDir[dir] = make([]*block, n)
		}
		if parts := byDir[dir]; len(parts) == n {
			parts[k] = b
		}
	}
	return func(relDir string, key store.FileKey) []string {
		parts, n := byDir[relDir], 0
		if parts == nil {
			return nil
		}
		for _, b := range parts {
			if b == nil || b.dir != key || b.open() != nil {
				return nil
			}
			n += b.entries
		}
		names, at := make([]string, n), 0
		starts := make([]int, len(parts)) // where each part's names go
		for k, b := range parts {
			starts[k], at = at, at+b.entries
		}
		var short atomic.Bool // a block that does not hold as many records as it says
		store.Parallel(len(parts), func(k int) {
			if !parts[k].putNames(names[starts[k] : starts[k]+parts[k].entries]) {
				short.Store(true)
			}
		})
		if short.Load() {
			return nil
		}
		return names
	}
}

// partition splits a directory's files into a power of two of parts of at
// most about partSize files, keeping the order they were listed in. Files
// that come part after part, as a settled directory's do, are cut into
// parts where they lie.
func partition(files []store.Dirent) [][]store.Dirent {
	n := 1
	for n*partSize < len(files) {
		n *= 2
	}
	if n == 1 {
		return [][]store.Dirent{files}
	}
	part, sizes := make([]uint32, len(files)), make([]int, n)
	const batch = 4096 // names a goroutine hashes
	store.Parallel((len(files)+batch-1)/batch, func(b int) {
		h := fnv.New32a()
		for i := b * batch; i < min(len(files), (b+1)*batch); i++ {
			h.Reset()
			h.Write([]byte(files[i].Name))
			part[i] = h.Sum32() % uint32(n)
		}
	})
	inOrder := true // as a settled directory's names come, part after part
	for i, p := range part {
		sizes[p]++
		inOrder = inOrder && (i == 0 || part[i-1] <= p)
	}
	parts := make([][]store.Dirent, n)
	if inOrder {
		at := 0
		for k := range parts {
			parts[k], at = files[at:at+sizes[k]:at+sizes[k]], at+sizes[k]
		}
		return parts
	}
	for k := range parts {
		parts[k] = make([]store.Dirent, 0, sizes[k])
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
// directory) are merged two by two, the pairs of each round at once.
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
		merged := make([][]T, (len(runs)+1)/2)
		store.Parallel(len(merged), func(i int) {
			if 2*i+1 == len(runs) {
				merged[i] = runs[2*i]
				return
			}
			merged[i] = mergeTwo(runs[2*i], runs[2*i+1], compare)
		})
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

// grep keeps the entries, of the directory listed last, whose whole file
// text matches m. A file that cannot be read is added to problems.
func grep(l *store.Lister, entries []*format.Entry, match func([]byte) bool, problems *[]*format.Problem) []*format.Entry {
	kept := entries[:0]
	for _, e := range entries {
		name := baseName(e.Path)
		data, _, err := l.ReadFile(name)
		if err != nil {
			*problems = append(*problems, format.AsProblem(l.Path(name), err))
			continue
		}
		if match(data) {
			kept = append(kept, e)
		}
	}
	return kept
}

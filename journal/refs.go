package journal

import (
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/store"
)

// The shortest references lead shows: an entry or an item is listed under
// the shortest reference FindEntry or FindItem resolves to it, so that a
// table stays narrow and every reference it shows can be typed back.

// minEntryRef is the fewest characters an entry reference is shown with.
const minEntryRef = 4

// preferTitleRef is how long a reference by title may be and still be
// shown rather than a shorter one by date: "q3-strategy" says more than
// "2026-11-22".
const preferTitleRef = 16

// EntryRefs returns, for each entry of shown, the shortest reference that
// FindEntry resolves to it among all the journal's entries, whatever a
// snapshot holds: a prefix of the part of its id after the date, or of
// its id, cut at the end of a word (a run between hyphens) and at least
// four characters long; the title's when it is not much longer. An entry
// no prefix tells apart keeps its whole id. It lists the entries'
// directories; it reads no file.
func (j *Journal) EntryRefs(shown []*Entry) []string { return j.entryRefs(shown, false) }

// StampRefs returns, for each entry of shown, the shortest prefix of its
// id that FindEntry resolves to it among all the journal's entries and
// that holds the whole date stamp (YYYY-MM-DD-HHMM) the id begins with:
// "2026-11-22-1730", or with the words of the title it takes,
// "2026-11-22-1700-pricing". Such a reference says when as well as which,
// so that a table needs no column of dates beside it; it changes only when
// another entry is logged in the same minute. An id without a stamp gets
// the reference EntryRefs gives it.
func (j *Journal) StampRefs(shown []*Entry) []string { return j.entryRefs(shown, true) }

func (j *Journal) entryRefs(shown []*Entry, stamped bool) []string {
	files := j.entryFiles()
	all := make([]string, len(files))
	for i, f := range files {
		all[i] = f.id
	}
	ids := make([]string, len(shown))
	for i, e := range shown {
		ids[i] = e.ID
	}
	return shortRefs(all, ids, stamped)
}

// stampLength is the length of the date stamp YYYY-MM-DD-HHMM an id of
// lead's begins with.
const stampLength = len(format.StampLayout)

// hasStamp reports whether id begins with a date stamp, alone or followed
// by the words of a title.
func hasStamp(id string) bool {
	return len(id) >= stampLength && isStamp(id[:stampLength]) && (len(id) == stampLength || id[stampLength] == '-')
}

// isStamp reports whether s is a date stamp as lead names entries by:
// 2026-11-20-1430.
func isStamp(s string) bool {
	_, err := time.Parse(format.StampLayout, s)
	return err == nil
}

// entryFile is an entry's file as its directory lists it.
type entryFile struct{ id, rel string }

// entryFiles lists the entries' files, by id.
func (j *Journal) entryFiles() []entryFile {
	var (
		mu    sync.Mutex
		files []entryFile
	)
	store.Walk(j.Root, format.EntriesDir, store.WalkOptions{Recursive: true}, func(ls *store.Listing) {
		mu.Lock()
		defer mu.Unlock()
		for _, f := range ls.Files {
			rel := ls.Dir + "/" + f.Name
			files = append(files, entryFile{strings.TrimSuffix(path.Base(rel), ".md"), rel})
		}
	})
	slices.SortFunc(files, func(a, b entryFile) int { return strings.Compare(a.id, b.id) })
	return files
}

// shortRefs returns the shortest reference to each id of shown among all
// the ids (as EntryRefs does, or with stamped as StampRefs does).
func shortRefs(all, shown []string, stamped bool) []string {
	ids := slices.Clone(all)
	titles := make([]string, len(all))
	for i, id := range all {
		titles[i] = titlePart(id)
	}
	slices.Sort(ids)
	slices.Sort(titles)
	refs := make([]string, len(shown))
	for i, id := range shown {
		title := titlePart(id)
		dated := title != id
		// A reference r finds the entry alone when no other id and no
		// other title part starts with it: it must be longer than the
		// longest prefix r shares with any of them.
		byTitle := wordEnd(title, max(shared(titles, title, true), shared(ids, title, !dated))+1)
		idShared := max(shared(ids, id, true), shared(titles, id, !dated))
		byID := wordEnd(id, idShared+1)
		if stamped && hasStamp(id) {
			byTitle, byID = "", wordEnd(id, max(idShared+1, stampLength))
		}
		if byTitle == "last" { // FindEntry's name for the newest entry
			byTitle = ""
		}
		switch {
		case byTitle != "" && (byID == "" || len(byTitle) <= max(len(byID), preferTitleRef)):
			refs[i] = byTitle
		case byID != "":
			refs[i] = byID
		default:
			refs[i] = id
		}
	}
	return refs
}

// EntryCandidates returns the newest entries, at most limit, whose id or
// the part of it after the date starts with prefix, each with the
// shortest reference that finds it: what completing an entry reference
// offers. It lists the entries' directories and reads those entries'
// files alone, however large the journal.
func (j *Journal) EntryCandidates(prefix string, limit int) ([]*Entry, []string) {
	files := j.entryFiles()
	all := make([]string, len(files))
	for i, f := range files {
		all[i] = f.id
	}
	var entries []*Entry
	clock := j.Config.Clock()
	for i := len(files) - 1; i >= 0 && len(entries) < limit; i-- { // newest first, as ids begin with their date
		f := files[i]
		if !strings.HasPrefix(f.id, prefix) && !strings.HasPrefix(titlePart(f.id), prefix) {
			continue
		}
		data, err := store.ReadFile(j.Abs(f.rel))
		if err != nil {
			continue
		}
		if e, err := format.ParseEntry(f.rel, j.Abs(f.rel), data, clock); err == nil {
			entries = append(entries, e)
		}
	}
	shown := make([]string, len(entries))
	for i, e := range entries {
		shown[i] = e.ID
	}
	return entries, shortRefs(all, shown, false)
}

// TitlePart is an entry id without lead's YYYY-MM-DD-HHMM- prefix: the
// part of it FindEntry takes a prefix of too.
func TitlePart(id string) string { return titlePart(id) }

// wordEnd returns the prefix of s at least n (and minEntryRef) bytes long
// that ends at the end of a word, or "" when s is shorter than n.
func wordEnd(s string, n int) string {
	if n > len(s) {
		return ""
	}
	n = min(max(n, minEntryRef), len(s))
	if i := strings.IndexByte(s[n:], '-'); i >= 0 {
		return s[:n+i]
	}
	return s
}

// shared is the length of the longest prefix x shares with a string of
// sorted, not counting one copy of x itself when self is true.
func shared(sorted []string, x string, self bool) int {
	i, found := slices.BinarySearch(sorted, x)
	next := i
	if self && found {
		next = i + 1
	}
	n := 0
	if i > 0 {
		n = commonPrefix(sorted[i-1], x)
	}
	if next < len(sorted) {
		n = max(n, commonPrefix(sorted[next], x))
	}
	return n
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// ItemRef returns the shortest reference to one of the snapshot's items,
// as ItemRefs does.
func (s *Snapshot) ItemRef(it *Item) string { return s.ItemRefs([]*Item{it})[0] }

// ItemRefs returns, for each item of shown, the shortest prefix of its id
// that FindItem resolves to it among the snapshot's items, and never
// shorter than ShortID. Only ids that share the first ShortIDLength
// characters can make a reference longer, so each item's id is looked up
// once among those of shown: one pass, however many items there are.
func (s *Snapshot) ItemRefs(shown []*Item) []string {
	byStart := map[string][]int{} // the items of shown by the start of their ids
	for i, it := range shown {
		if len(it.ID) >= ShortIDLength {
			byStart[it.ID[:ShortIDLength]] = append(byStart[it.ID[:ShortIDLength]], i)
		}
	}
	longest := make([]int, len(shown)) // the longest prefix each shares with another item's id
	for _, other := range s.Items() {
		if len(other.ID) < ShortIDLength {
			continue
		}
		for _, i := range byStart[other.ID[:ShortIDLength]] {
			if other != shown[i] {
				longest[i] = max(longest[i], commonPrefix(other.ID, shown[i].ID))
			}
		}
	}
	refs := make([]string, len(shown))
	for i, it := range shown {
		refs[i] = it.ID[:min(max(ShortIDLength, longest[i]+1), len(it.ID))]
	}
	return refs
}

package journal

import (
	"slices"
	"strings"
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
// FindEntry resolves to it among the snapshot's entries: a prefix of the
// part of its id after the date, or of its id, cut at the end of a word
// (a run between hyphens) and at least four characters long; the title's
// when it is not much longer. An entry no
// prefix tells apart keeps its whole id.
func (s *Snapshot) EntryRefs(shown []*Entry) []string {
	ids := make([]string, len(s.Entries))
	titles := make([]string, len(s.Entries))
	for i, e := range s.Entries {
		ids[i], titles[i] = e.ID, titlePart(e.ID)
	}
	slices.Sort(ids)
	slices.Sort(titles)
	refs := make([]string, len(shown))
	for i, e := range shown {
		title := titlePart(e.ID)
		dated := title != e.ID
		// A reference r finds e alone when no other id and no other title
		// part starts with it: it must be longer than the longest prefix r
		// shares with any of them.
		byTitle := wordEnd(title, max(shared(titles, title, true), shared(ids, title, !dated))+1)
		byID := wordEnd(e.ID, max(shared(ids, e.ID, true), shared(titles, e.ID, !dated))+1)
		if byTitle == "last" { // FindEntry's name for the newest entry
			byTitle = ""
		}
		switch {
		case byTitle != "" && (byID == "" || len(byTitle) <= max(len(byID), preferTitleRef)):
			refs[i] = byTitle
		case byID != "":
			refs[i] = byID
		default:
			refs[i] = e.ID
		}
	}
	return refs
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

// ItemRefs returns, for each item of shown, the shortest prefix of its id
// that FindItem resolves to it among the snapshot's items, and never
// shorter than ShortID.
func (s *Snapshot) ItemRefs(shown []*Item) []string {
	all := s.Items()
	ids := make([]string, len(all))
	for i, it := range all {
		ids[i] = it.ID
	}
	slices.Sort(ids)
	refs := make([]string, len(shown))
	for i, it := range shown {
		n := max(ShortIDLength, shared(ids, it.ID, true)+1)
		refs[i] = it.ID[:min(n, len(it.ID))]
	}
	return refs
}

package journal

import (
	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/store"
)

// The records the domain works with are those the file format reads and
// writes (package format): an entry of the journal is a journal.Entry
// wherever it is used.
type (
	Entry       = format.Entry
	Item        = format.Item
	Person      = format.Person
	Problem     = format.Problem
	FrontMatter = format.FrontMatter
	Profile     = format.Profile
)

// The file format's limits and keys.
const (
	MaxFileSize   = format.MaxFileSize
	ShortIDLength = format.ShortIDLength
	SourceKey     = format.SourceKey
	StampLayout   = format.StampLayout
)

// PersonFields lists the person keys lead knows, in the order it writes them.
var PersonFields = format.PersonFields

// Slugify makes a name into the slug lead names files and people by.
func Slugify(s string) string { return format.Slugify(s) }

// SortNewestFirst orders entries by date, newest first, then by id and
// path.
func SortNewestFirst(entries []*Entry) { format.SortNewestFirst(entries) }

// Permissions for everything lead creates: the journal is private.
const (
	DirMode  = store.DirMode
	FileMode = store.FileMode
)

// ErrChanged reports that a file changed under lead between reading and
// rewriting it; nothing was written.
var ErrChanged = store.ErrChanged

// EmailValue is how an email key is written: one address as a plain
// value, several as a list.
func EmailValue(addresses []string) any { return format.EmailValue(addresses) }

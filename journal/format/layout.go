package format

// The directories of a journal: entries anywhere below entries/, one file
// per person directly in people/, the weekly reviews lead writes in
// reviews/, and lead's own disposable files in .lead/.
const (
	EntriesDir = "entries"
	PeopleDir  = "people"
	ReviewsDir = "reviews"
	// CacheDir holds everything disposable: drafts, caches. It is git-ignored.
	CacheDir = ".lead"
)

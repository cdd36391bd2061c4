package journal

import "github.com/lead-journal/lead/journal/store"

// LockFile is the lock lead's rewrites of journal files hold.
const LockFile = CacheDir + "/lock"

// lockWrites takes the journal's write lock: a rewrite (a tick, an agenda
// item, a person's field, a nudge, a review) holds it from reading the
// file to replacing it, so that two lead processes never both read the
// same bytes and the second replace the first's change.
func (j *Journal) lockWrites() (unlock func(), err error) {
	return store.Lock(j.Abs(LockFile))
}

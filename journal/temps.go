package journal

import "github.com/lead-journal/lead/journal/store"

// RemoveStaleTemps removes the temporary files a killed process left in
// the journal a minute or more ago.
func (j *Journal) RemoveStaleTemps() { store.RemoveStaleTemps(j.Root) }

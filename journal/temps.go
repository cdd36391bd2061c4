package journal

import (
	"io/fs"
	"path/filepath"
)

// RemoveStaleTemps removes, anywhere in the journal but .git, the
// temporary files of lead's that a killed process left a minute or more
// ago; newer ones may belong to a write still running.
func (j *Journal) RemoveStaleTemps() {
	filepath.WalkDir(j.Root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && d.Name() == ".git":
			return filepath.SkipDir
		case !d.IsDir():
			removeStaleTemp(path, d.Name())
		}
		return nil
	})
}

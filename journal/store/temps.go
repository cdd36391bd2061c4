package store

import (
	"io/fs"
	"path/filepath"
)

// RemoveStaleTemps removes, anywhere under root but .git, the temporary
// files of lead's that a killed process left StaleTempAge or more ago;
// newer ones may belong to a write still running.
func RemoveStaleTemps(root string) {
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
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

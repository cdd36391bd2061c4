package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
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

// OwnDir makes sure the directory rel under root, and each directory
// directly in it, is the journal's own and not a symbolic link leading
// somewhere else: lead writes caches and drafts there, and a journal that
// arrived through git may carry such a link. A link is removed (rel's own
// is replaced by a private directory; those in it are made again as lead
// needs them); what was removed is returned, to be told.
func OwnDir(root, rel string) (replaced []string, err error) {
	path := abs(root, rel)
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	unlink := func(path string) error {
		target, _ := os.Readlink(path)
		if err := os.Remove(path); err != nil {
			return err
		}
		replaced = append(replaced, fmt.Sprintf("%s was a symbolic link to %s", path, target))
		return nil
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		if err := unlink(path); err != nil {
			return replaced, err
		}
		return replaced, os.Mkdir(path, DirMode)
	}
	if !info.IsDir() {
		return nil, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if e.Type()&fs.ModeSymlink != 0 {
			if err := unlink(filepath.Join(path, e.Name())); err != nil {
				return replaced, err
			}
		}
	}
	return replaced, nil
}

package journal

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Permissions for everything lead creates: the journal is private.
const (
	DirMode  fs.FileMode = 0o700
	FileMode fs.FileMode = 0o600
)

// tempPrefix marks lead's temporary files; readers skip them.
const tempPrefix = ".lead-tmp-"

// ErrChanged reports that a file changed under lead between reading and
// rewriting it; nothing was written.
var ErrChanged = errors.New("the file changed while lead was updating it; nothing was written, try again")

// writeTemp writes data to a new synced temporary file in dir.
func writeTemp(dir string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return "", err
	}
	name := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// createFile atomically creates path holding data, failing with an error
// matching fs.ErrExist when path exists: the temporary file is hard-linked
// into place, which never replaces an existing file.
func createFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, DirMode); err != nil {
		return err
	}
	tmp, err := writeTemp(dir, data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); err != nil {
		var le *os.LinkError
		if errors.As(err, &le) {
			err = le.Err
		}
		return &fs.PathError{Op: "create", Path: path, Err: err}
	}
	return syncDir(dir)
}

// replaceFile atomically replaces path's content with data, provided the
// file still holds old; otherwise it returns ErrChanged. The file keeps
// its permissions.
func replaceFile(path string, old, data []byte) error {
	info, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file; lead does not rewrite links or devices", path)
	}
	dir := filepath.Dir(path)
	tmp, err := writeTemp(dir, data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.Chmod(tmp, info.Mode().Perm()); err != nil {
		return err
	}
	current, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(current, old) {
		return fmt.Errorf("%s: %w", path, ErrChanged)
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, fs.ErrInvalid) {
		return err
	}
	return nil
}

// staleTempAge is how old a temporary file must be before a scan removes
// it as the leftover of a killed process.
const staleTempAge = time.Minute

// removeStaleTemp deletes path when it is an old temporary file of lead's.
func removeStaleTemp(path string, d fs.DirEntry) bool {
	if !strings.HasPrefix(d.Name(), tempPrefix) {
		return false
	}
	if info, err := d.Info(); err == nil && time.Since(info.ModTime()) > staleTempAge {
		os.Remove(path)
	}
	return true
}

// inside returns path relative to root, refusing paths that leave root,
// whether by "..", by being elsewhere, or through a symbolic link.
func inside(root, path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(rootAbs, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the journal %s", path, root)
	}
	realRoot, err := filepath.EvalSymlinks(rootAbs)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		if r, err := filepath.Rel(realRoot, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return "", fmt.Errorf("%s leads outside the journal %s through a symbolic link", path, root)
		}
	}
	return filepath.ToSlash(rel), nil
}

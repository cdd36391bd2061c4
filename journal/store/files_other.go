//go:build !linux

package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/lead-journal/lead/journal/format"
)

var errNoAnonymous = errors.New("anonymous temporary files not supported")

// openAnonymous is not available here: lead uses named temporary files.
func openAnonymous(string) (*os.File, error) { return nil, errNoAnonymous }

func linkAnonymous(*os.File, string) error { return errNoAnonymous }

// listDir lists dir, with the identity and permissions of every name when
// stat is set.
func (l *Lister) listDir(dir string, stat bool) ([]Dirent, error) {
	l.openDir(dir)
	entries, err := os.ReadDir(dir)
	l.list = l.list[:0]
	for _, e := range entries {
		d := Dirent{Name: e.Name(), IsDir: e.IsDir()}
		if stat {
			if info, err := e.Info(); err != nil {
				d.Err = err
			} else {
				d.Key, d.Perm = FileKey{Size: info.Size(), Mtime: info.ModTime().UnixNano()}, info.Mode().Perm()
			}
		}
		l.list = append(l.list, d)
	}
	return l.list, err
}

// openKey opens dir and gives no identity: without change times here, a
// directory's identity does not tell that its names are the same, so it
// is always listed.
func (l *Lister) openKey(dir string) (FileKey, error) { return FileKey{}, l.openDir(dir) }

// listKnown is never called here (see openKey).
func (l *Lister) listKnown([]string) ([]Dirent, bool) { return nil, false }

// dirKey is no identity: directories are always listed here.
func dirKey(string) (FileKey, error) { return FileKey{}, nil }

// openDir notes dir, for its files to be read by readFile: no directory
// is kept open here.
func (l *Lister) openDir(dir string) error {
	l.dir = dir
	return nil
}

// close does nothing: no directory is kept open here.
func (l *Lister) close() {}

// readFile reads a file of the directory open last.
func (l *Lister) ReadFile(name string) ([]byte, FileKey, error) {
	return ReadFileKey(filepath.Join(l.dir, name))
}

// ReadFileKey reads a whole file and returns its identity too. Files
// larger than format.MaxFileSize, and anything but a regular file, are refused
// without opening them (opening a named pipe would wait for a writer).
func ReadFileKey(path string) ([]byte, FileKey, error) {
	return readLimited(path, format.MaxFileSize)
}

// ReadLimited reads a whole regular file of at most limit bytes, as
// ReadFileKey reads a journal file.
func ReadLimited(path string, limit int64) ([]byte, error) {
	data, _, err := readLimited(path, limit)
	return data, err
}

func readLimited(path string, limit int64) ([]byte, FileKey, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, FileKey{}, err
	}
	if !info.Mode().IsRegular() {
		return nil, FileKey{}, &format.Problem{Path: path, Msg: "not a regular file"}
	}
	if info.Size() > limit {
		return nil, FileKey{}, &format.Problem{Path: path, Msg: fmt.Sprintf("file is %d bytes, larger than the %d lead reads", info.Size(), limit)}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, FileKey{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	return data, FileKey{Size: info.Size(), Mtime: info.ModTime().UnixNano()}, err
}

// MapFile reads the index, a regular file only.
func MapFile(path string) ([]byte, error) {
	data, _, err := readLimited(path, 1<<40)
	return data, err
}

// openForWriting cannot be known here: ReplaceFile relies on what the
// file it replaced shows.
func openForWriting(*os.File) bool { return false }

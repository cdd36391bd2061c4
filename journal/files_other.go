//go:build !linux

package journal

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

var errNoAnonymous = errors.New("anonymous temporary files not supported")

// openAnonymous is not available here: lead uses named temporary files.
func openAnonymous(string) (*os.File, error) { return nil, errNoAnonymous }

func linkAnonymous(*os.File, string) error { return errNoAnonymous }

// listDir lists dir, with the identity and permissions of every name when
// stat is set.
func (l *lister) listDir(dir string, stat bool) ([]dirent, error) {
	l.openDir(dir)
	entries, err := os.ReadDir(dir)
	l.list = l.list[:0]
	for _, e := range entries {
		d := dirent{name: e.Name(), isDir: e.IsDir()}
		if stat {
			if info, err := e.Info(); err != nil {
				d.err = err
			} else {
				d.key, d.perm = fileKey{size: info.Size(), mtime: info.ModTime().UnixNano()}, info.Mode().Perm()
			}
		}
		l.list = append(l.list, d)
	}
	return l.list, err
}

// openDir notes dir, for its files to be read by readFile: no directory
// is kept open here.
func (l *lister) openDir(dir string) error {
	l.dir = dir
	return nil
}

// close does nothing: no directory is kept open here.
func (l *lister) close() {}

// readFile reads a file of the directory open last.
func (l *lister) readFile(name string) ([]byte, fileKey, error) {
	return readFileKey(filepath.Join(l.dir, name))
}

// readFileKey reads a whole file and returns its identity too. Files
// larger than MaxFileSize, and anything but a regular file, are refused
// without opening them (opening a named pipe would wait for a writer).
func readFileKey(path string) ([]byte, fileKey, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fileKey{}, err
	}
	if !info.Mode().IsRegular() {
		return nil, fileKey{}, &Problem{path, 0, "not a regular file"}
	}
	if info.Size() > MaxFileSize {
		return nil, fileKey{}, &Problem{path, 0, fmt.Sprintf("file is %d bytes, larger than the %d lead reads", info.Size(), MaxFileSize)}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fileKey{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	return data, fileKey{size: info.Size(), mtime: info.ModTime().UnixNano()}, err
}

// readIndexFile reads the index.
func readIndexFile(path string) ([]byte, error) { return os.ReadFile(path) }

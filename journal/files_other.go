//go:build !linux

package journal

import (
	"errors"
	"os"
	"path/filepath"
)

var errNoAnonymous = errors.New("anonymous temporary files not supported")

// openAnonymous is not available here: lead uses named temporary files.
func openAnonymous(string) (*os.File, error) { return nil, errNoAnonymous }

func linkAnonymous(*os.File, string) error { return errNoAnonymous }

// statAt returns the identity of the file name in directory dir: here,
// its size and modification time.
func statAt(dir *os.File, name string) (fileKey, error) {
	return statKey(filepath.Join(dir.Name(), name))
}

func statKey(path string) (fileKey, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return fileKey{}, err
	}
	return fileKey{size: info.Size(), mtime: info.ModTime().UnixNano()}, nil
}

// readFileKey reads a whole file and returns its identity too.
func readFileKey(path string) ([]byte, fileKey, error) {
	key, err := statKey(path)
	if err != nil {
		return nil, fileKey{}, err
	}
	data, err := readFile(path)
	return data, key, err
}

// readText reads a whole file for searching.
func readText(path string, _ []byte) ([]byte, error) { return readFile(path) }

// Package templates holds lead's default templates for new entries (one
// per kind) and new people. A journal overrides any of them with a file of
// the same name in its templates/ directory.
//
// Templates use Go's text/template. Entry templates may call the shared
// sections defined in sections.tmpl: "context", "notes", "feedback",
// "commitments", "wins", "decisions" and "next".
package templates

import (
	"embed"
	"errors"
	"io/fs"
	"path/filepath"
)

//go:embed *.md sections.tmpl
var defaults embed.FS

// Dir is the directory of a journal that holds its own templates.
const Dir = "templates"

// Fallback is the template used for a kind that has none of its own.
const Fallback = "note"

// Shared is the file of named sections every entry template can call.
const Shared = "sections.tmpl"

// Read returns the text of template file name ("1on1.md", "person.md",
// "sections.tmpl"): the journal's own when root has one, read with
// readFile, else the default. found is false when neither exists.
func Read(root, name string, readFile func(path string) ([]byte, error)) (text string, found bool, err error) {
	data, err := readFile(filepath.Join(root, Dir, name))
	if err == nil {
		return string(data), true, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", false, err
	}
	data, err = defaults.ReadFile(name)
	if err != nil {
		return "", false, nil
	}
	return string(data), true, nil
}

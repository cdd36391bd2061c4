package journal

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/store"
)

// PersonChange sets one front matter key of a person: Value is a string
// or a []string, and an empty one removes the key.
type PersonChange struct {
	Key   string
	Value any
}

// SetPerson changes the keys of a person's file that changes name and
// nothing else: a key already there has its lines replaced (a comment at
// the end of the key's line stays at the end of the new one, when the new
// value takes one line), a new key is added as the last line of the front
// matter, and comments, other keys and the body keep their bytes. The file is read again first and written
// only if it still reads as a person afterwards.
func (j *Journal) SetPerson(p *Person, changes []PersonChange) (*Person, error) {
	unlock, err := j.lockWrites()
	if err != nil {
		return nil, err
	}
	defer unlock()
	path, err := j.writable(p.Path)
	if err != nil {
		return nil, err
	}
	data, err := store.ReadFile(path)
	if err != nil {
		return nil, err
	}
	d, err := format.ParseDocument(path, data)
	if err != nil {
		return nil, err
	}
	updated := setKeys(data, d, changes)
	if bytes.Equal(updated, data) {
		return p, nil
	}
	changed, err := format.ParsePerson(p.Path, path, updated)
	if err != nil {
		return nil, fmt.Errorf("%w; nothing was written", err)
	}
	if err := store.ReplaceFile(path, data, updated); err != nil {
		return nil, err
	}
	return changed, nil
}

// setKeys returns data, the bytes of document d, with the front matter
// keys of changes set: a key already there has its lines replaced, a new
// key is added as the last line of the front matter, and every other byte
// is kept.
func setKeys(data []byte, d *format.Document, changes []PersonChange) []byte {
	newline := "\n"
	if bytes.Contains(data, []byte("\r\n")) {
		newline = "\r\n"
	}
	lines := strings.SplitAfter(string(data), "\n")
	closing := d.BodyLine - 2 // index in lines of the closing "---"
	for _, c := range changes {
		text := renderKey(c.Key, c.Value, newline)
		f := d.Field(c.Key)
		if f == nil {
			if text != "" {
				lines = slices.Insert(lines, closing, text)
				closing++
			}
			continue
		}
		start := f.Line - 1
		end := start + 1
		for end < closing && continuesValue(lines[end]) {
			end++
		}
		var with []string
		if text != "" {
			if comment := format.LineComment(lines[start]); comment != "" && strings.Count(text, "\n") == 1 {
				text = strings.TrimSuffix(text, newline) + " " + comment + newline // the person's note on the line stays
			}
			with = []string{text}
		}
		lines = slices.Replace(lines, start, end, with...)
		shift := len(with) - (end - start)
		closing += shift
		for i := range d.Fields { // the keys below moved
			if d.Fields[i].Line > f.Line {
				d.Fields[i].Line += shift
			}
		}
	}
	return []byte(strings.Join(lines, ""))
}

// continuesValue says whether a front matter line belongs to the value of
// the key above it: an indented line or a block list item.
func continuesValue(line string) bool {
	return strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") ||
		strings.HasPrefix(line, "- ") || strings.TrimRight(line, "\r\n") == "-"
}

// renderKey renders one key as lead writes it, or "" for an empty value.
func renderKey(key string, value any, newline string) string {
	m := &format.Mapping{}
	m.Add(key, value)
	text := strings.TrimSuffix(strings.TrimPrefix(string(m.Render()), "---\n"), "---\n")
	return strings.ReplaceAll(text, "\n", newline)
}

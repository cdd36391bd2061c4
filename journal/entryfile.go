package journal

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/lead-journal/lead/journal/store"
)

// EntryFile is an entry's file as a reference names it: the entry when the
// file reads, or else the problem that keeps it from being read, so that
// show and edit reach a file a hand edit broke.
type EntryFile struct {
	Path    string   // relative to the journal
	ID      string   // the file name without .md
	Entry   *Entry   // nil when the file does not read
	Problem *Problem // why it does not
}

// FindEntryFile resolves an entry reference among the entry files, those
// that read and those that do not: "last", the file logged or edited most
// recently; an id, with or without ".md"; a unique prefix of an id or of
// its part after the date ("q3" for 2026-11-20-1430-q3-review); or a path
// to the file (absolute, or relative to the journal).
func (s *Snapshot) FindEntryFile(ref string) (EntryFile, error) {
	files := s.entryFiles()
	if ref == "last" {
		return s.lastChanged(files, ref)
	}
	if strings.ContainsRune(ref, '/') || strings.ContainsRune(ref, filepath.Separator) {
		path := ref
		if !filepath.IsAbs(path) {
			path = filepath.Join(s.Journal.Root, path)
		}
		rel, err := store.Inside(s.Journal.Root, path)
		if err != nil {
			return EntryFile{}, err
		}
		for _, f := range files {
			if f.Path == rel {
				return f, nil
			}
		}
		return EntryFile{}, &NotFoundError{"entry", ref}
	}
	ref = strings.TrimSuffix(ref, ".md")
	var matches []EntryFile
	for _, f := range files {
		if f.ID == ref {
			return f, nil
		}
		if strings.HasPrefix(f.ID, ref) || strings.HasPrefix(titlePart(f.ID), ref) {
			matches = append(matches, f)
		}
	}
	switch len(matches) {
	case 0:
		return EntryFile{}, &NotFoundError{"entry", ref}
	case 1:
		return matches[0], nil
	}
	var ids []string
	for _, f := range matches {
		ids = append(ids, f.ID)
	}
	return EntryFile{}, &AmbiguousError{"entry", ref, ids}
}

// entryFiles lists the snapshot's entries, newest first, then the regular
// entry files it could not read.
func (s *Snapshot) entryFiles() []EntryFile {
	files := make([]EntryFile, 0, len(s.Entries))
	for _, e := range s.Entries {
		files = append(files, EntryFile{Path: e.Path, ID: e.ID, Entry: e})
	}
	for _, p := range s.Problems {
		rel, err := store.Inside(s.Journal.Root, p.Path)
		if err != nil || !strings.HasPrefix(rel, EntriesDir+"/") || !strings.HasSuffix(rel, ".md") {
			continue
		}
		if info, err := os.Lstat(s.Journal.Abs(rel)); err != nil || !info.Mode().IsRegular() {
			continue // only a regular file is opened, never what a link or a device leads to
		}
		files = append(files, EntryFile{Path: rel, ID: strings.TrimSuffix(filepath.Base(rel), ".md"), Problem: p})
	}
	return files
}

// lastChanged is the file written most recently, by its modification
// time; of files written in the same instant, the newest entry.
func (s *Snapshot) lastChanged(files []EntryFile, ref string) (EntryFile, error) {
	var last EntryFile
	var newest int64
	found := false
	for _, f := range files {
		info, err := os.Stat(s.Journal.Abs(f.Path))
		if err != nil {
			continue
		}
		if t := info.ModTime().UnixNano(); !found || t > newest {
			last, newest, found = f, t, true
		}
	}
	if !found {
		return EntryFile{}, &NotFoundError{"entry", ref}
	}
	return last, nil
}

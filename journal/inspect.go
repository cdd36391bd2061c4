package journal

import (
	"slices"
	"strings"

	"github.com/lead-journal/lead/journal/format"
)

// Inspection is what lead reads in the text of one file of the journal,
// and what lead check reports about it.
type Inspection struct {
	Entry    *Entry  // the entry, when the file is one (or a draft of one) that could be read
	Person   *Person // the person, when the file is a person that could be read
	Findings []Finding
}

// Inspect reads data as the file at rel (a journal-relative slash path)
// and checks it as lead check checks that file, against the rest of the
// snapshot: what an editor shows while the file is being written, before
// it is saved. Drafts under .lead/drafts are read as entries, checked as
// lead log will read them. A file where lead does not look gets the
// warning lead check gives it; reviews and templates are not checked.
func (s *Snapshot) Inspect(rel string, data []byte) *Inspection {
	in := &Inspection{}
	path := s.Journal.Abs(rel)
	var out findings
	problem := func(err error) {
		if p, ok := err.(*Problem); ok {
			out.add(path, p.Line, "", SeverityError, "%s", p.Msg)
		} else {
			out.add(path, 0, "", SeverityError, "%v", err)
		}
	}
	switch {
	case strings.HasPrefix(rel, EntriesDir+"/"), strings.HasPrefix(rel, DraftsDir+"/"):
		d, err := format.ParseDocument(path, data)
		if err == nil {
			in.Entry, err = format.EntryOf(d, rel, s.Journal.Config.Clock())
		}
		if err != nil {
			problem(err)
			break
		}
		draft := !strings.HasPrefix(rel, EntriesDir+"/")
		s.checkEntry(in.Entry, path, d.Line, draft, &out)
		if !draft {
			s.checkDuplicateID(in.Entry, path, &out)
		}
	case strings.HasPrefix(rel, PeopleDir+"/") && placed(rel):
		p, err := format.ParsePerson(rel, path, data)
		if err != nil {
			problem(err)
			break
		}
		in.Person = p
		s.checkPerson(p, path, &out)
		for _, q := range s.People {
			if q.Slug > p.Slug && similar(p, q) {
				out.add(path, 0, "", SeverityWarning, "%s", nearDuplicate(p, q))
			}
		}
	case strings.HasSuffix(rel, ".md") && !placed(rel):
		out.add(path, 0, "", SeverityWarning, "%s", misplaced)
	}
	sortFindings(out)
	in.Findings = out
	return in
}

// checkDuplicateID reports the other entries of the snapshot with e's id.
func (s *Snapshot) checkDuplicateID(e *Entry, path string, out *findings) {
	var others []string
	for _, o := range s.entriesWithID(e.ID) {
		if o.Path != e.Path {
			others = append(others, s.Journal.Abs(o.Path))
		}
	}
	if len(others) > 0 {
		slices.Sort(others)
		out.add(path, 0, "", SeverityError, "%s", duplicateID(e.ID, others))
	}
}

// entriesWithID returns the entries whose id is id. The entries are
// gathered by id on first use, so that an editor checking a file as it is
// typed does not go through every entry each time; Inspect may be called
// from several goroutines.
func (s *Snapshot) entriesWithID(id string) []*Entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byID == nil {
		s.byID = make(map[string][]*Entry, len(s.Entries))
		for _, e := range s.Entries {
			s.byID[e.ID] = append(s.byID[e.ID], e)
		}
	}
	return s.byID[id]
}

// TaskBox returns the offset of the mark in the box of a Markdown task
// item line ("- [ ] text"), and false when the line is not one.
func TaskBox(line string) (int, bool) {
	box, _, _, ok := format.TaskItem(line)
	return box, ok
}

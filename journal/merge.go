package journal

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/store"
)

// Merged says what MergePeople changed: the files rewritten and the file
// removed, relative to the journal, and the notes of the duplicate that
// were not moved.
type Merged struct {
	Changed []string
	Removed string
	Notes   bool // the duplicate's file had notes beyond its agenda, now only in its history
}

// MergePeople folds from, a duplicate, into into, the real person, across
// the journal: `with` in entries, `trusts` in people and @mentions in
// every body name into instead of from; from's trusts are added to into's
// and from's open agenda items appended to into's agenda; then from's file
// is removed. Each file changes only in the lines that name from. s holds
// the journal's people and entries; on is the day moved agenda items
// without a day of their own are recorded as queued.
func (j *Journal) MergePeople(s *Snapshot, from, into *Person, on time.Time) (*Merged, error) {
	if from.Slug == into.Slug {
		return nil, fmt.Errorf("%s and %s are the same person", from.Label(), into.Label())
	}
	m := &Merged{Removed: from.Path}
	rewrite := func(rel, key string) error {
		changed, err := j.renamePerson(rel, key, from.Slug, into.Slug)
		if changed {
			m.Changed = append(m.Changed, rel)
		}
		return err
	}
	for _, e := range s.Entries {
		if err := rewrite(e.Path, "with"); err != nil {
			return m, err
		}
	}
	for _, p := range s.People {
		if p.Slug == from.Slug {
			continue
		}
		if err := rewrite(p.Path, "trusts"); err != nil {
			return m, err
		}
	}
	if err := j.foldInto(s, from, into, on, m); err != nil {
		return m, err
	}
	if err := os.Remove(j.Abs(from.Path)); err != nil {
		return m, err
	}
	return m, nil
}

// foldInto adds from's trusts and open agenda to into's file.
func (j *Journal) foldInto(s *Snapshot, from, into *Person, on time.Time, m *Merged) error {
	current := s.Person(into.Slug)
	if p, err := j.readPerson(into.Path); err == nil {
		current = p // as renamePerson left it
	}
	trusts := slices.Clone(current.Trusts)
	for _, t := range from.Trusts {
		if t != into.Slug && !slices.Contains(trusts, t) {
			trusts = append(trusts, t)
		}
	}
	if len(trusts) > len(current.Trusts) {
		if _, err := j.SetPerson(current, []PersonChange{{"trusts", trusts}}); err != nil {
			return err
		}
		if !slices.Contains(m.Changed, into.Path) {
			m.Changed = append(m.Changed, into.Path)
		}
	}
	notes := from.Body
	for _, it := range from.Items {
		if !it.Agenda || it.Done {
			continue
		}
		day := it.Date
		if day.IsZero() {
			day = on
		}
		if _, err := j.AddAgenda(current, it.Text, day); err != nil {
			return err
		}
		if !slices.Contains(m.Changed, into.Path) {
			m.Changed = append(m.Changed, into.Path)
		}
	}
	for _, line := range strings.Split(notes, "\n") {
		t := strings.TrimSpace(line)
		if _, _, _, item := format.TaskItem(line); t != "" && !item && !strings.EqualFold(t, "## Agenda") {
			m.Notes = true
		}
	}
	return nil
}

// renamePerson rewrites one file so that it names into where it named
// from: in the list under key of its front matter (with `into` once,
// and never a person trusting themselves) and in @mentions in its body.
// It reports whether the file changed.
func (j *Journal) renamePerson(rel, key, from, into string) (bool, error) {
	path, err := j.writable(rel)
	if err != nil {
		return false, err
	}
	data, err := store.ReadFile(path)
	if err != nil {
		return false, err
	}
	if !bytes.Contains(bytes.ToLower(data), []byte(from)) {
		return false, nil
	}
	d, err := format.ParseDocument(path, data)
	if err != nil {
		return false, err
	}
	updated := data
	list, err := d.List(key)
	if err != nil {
		return false, err
	}
	if i := slices.IndexFunc(list, func(s string) bool { return strings.EqualFold(s, from) }); i >= 0 {
		self := strings.TrimSuffix(rel[strings.LastIndexByte(rel, '/')+1:], ".md")
		renamed := slices.Clone(list)
		renamed[i] = into
		renamed = dedupe(slices.DeleteFunc(renamed, func(s string) bool { return key == "trusts" && s == self }))
		updated = setKeys(data, d, []PersonChange{{key, renamed}})
	}
	bodyStart := len(updated) - len(d.Body)
	body := renameMentions(string(d.Body), from, into)
	updated = append(slices.Clone(updated[:bodyStart]), body...)
	if bytes.Equal(updated, data) {
		return false, nil
	}
	if _, err := j.itemsOf(rel, updated); err != nil {
		return false, fmt.Errorf("%w; nothing was written", err)
	}
	return true, store.ReplaceFile(path, data, updated)
}

// dedupe keeps the first of each value, in order.
func dedupe(list []string) []string {
	var out []string
	for _, s := range list {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// renameMentions turns each @from in text into @into, where from is the
// whole mention: not followed by a letter, digit, "_" or "-", nor by a "."
// that continues it.
func renameMentions(text, from, into string) string {
	var b strings.Builder
	last := 0
	for i := 0; ; {
		at := strings.Index(strings.ToLower(text[i:]), "@"+from)
		if at < 0 {
			break
		}
		start := i + at
		end := start + 1 + len(from)
		i = end
		if end < len(text) && (mentionByte(text[end]) || text[end] == '.' && end+1 < len(text) && mentionByte(text[end+1])) {
			continue
		}
		b.WriteString(text[last:start])
		b.WriteString("@" + into)
		last = end
	}
	b.WriteString(text[last:])
	return b.String()
}

func mentionByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c >= 0x80
}

package lsp

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/when"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// commandAddPerson writes a person file for a slug the journal does not
// know. Its argument is an addPerson.
const commandAddPerson = "lead.addPerson"

type addPerson struct {
	Root string `json:"root"` // the journal
	Name string `json:"name"`
}

// codeActions offers, on the lines of r: ticking or unticking a task
// item, writing a relative due date as its absolute date, and adding a
// person for a name the journal does not know.
func (s *server) codeActions(uri protocol.DocumentUri, r protocol.Range) []protocol.CodeAction {
	out := []protocol.CodeAction{}
	t, d, v := s.state(uri)
	if v == nil {
		return out
	}
	quickfix := protocol.CodeActionKindQuickFix
	edit := func(title string, n, start, end int, newText string) {
		out = append(out, protocol.CodeAction{Title: title, Kind: &quickfix, Edit: &protocol.WorkspaceEdit{
			Changes: map[protocol.DocumentUri][]protocol.TextEdit{uri: {{Range: t.span(n, start, end), NewText: newText}}}}})
	}
	in := d.inspect(v, t.raw)
	from := dueFrom(in, s.opts.Now())
	added := map[string]bool{}
	for n := int(r.Start.Line); n <= int(r.End.Line) && n < len(t.lines); n++ {
		line := t.line(n)
		if box, ok := journal.TaskBox(line); ok && !t.inFront(n) {
			text := strings.TrimSpace(line[box+2:])
			if line[box] == ' ' {
				edit("Tick: "+text, n, box, box+1, "x")
			} else {
				edit("Untick: "+text, n, box, box+1, " ")
			}
		}
		for _, f := range in.Findings {
			at := findWord(line, f.Subject)
			if f.Line != n+1 || at < 0 {
				continue
			}
			if value, ok := strings.CutPrefix(f.Subject, "due:"); ok {
				if day, err := when.Due(value, from); err == nil {
					date := day.Format("2006-01-02")
					edit(fmt.Sprintf("Write due:%s as due:%s", value, date), n, at, at+len(f.Subject), "due:"+date)
				}
				continue
			}
			name := strings.TrimPrefix(f.Subject, "@")
			if !unknown(t, v, n, at, f.Subject) || added[name] {
				continue
			}
			added[name] = true
			title := "Add " + name + " to the people of the journal"
			out = append(out, protocol.CodeAction{Title: title, Kind: &quickfix, Command: &protocol.Command{
				Title: title, Command: commandAddPerson, Arguments: []any{addPerson{Root: v.snap.Journal.Root, Name: name}}}})
		}
	}
	return out
}

// dueFrom returns the day a file's relative due dates count from, as lead
// log counts them: the date of the entry it holds, or now while it holds
// no entry with a valid date.
func dueFrom(in *journal.Inspection, now time.Time) time.Time {
	if in.Entry != nil && !in.Entry.Date.IsZero() {
		return in.Entry.Date
	}
	return now
}

// unknown reports whether the word at offset at of line n names a person
// the journal does not have: a slug in with: or trusts:, or an @mention.
func unknown(t *text, v *view, n, at int, word string) bool {
	if key, isValue := t.frontKey(n, at); isValue && (key == "with" || key == "trusts") {
		return v.snap.Person(strings.ToLower(word)) == nil
	}
	if name, ok := strings.CutPrefix(word, "@"); ok && !t.inFront(n) {
		_, err := v.snap.FindPerson(name)
		var nf *journal.NotFoundError
		return errors.As(err, &nf)
	}
	return false
}

// execute runs a command a code action carries.
func (s *server) execute(command string, args []any) error {
	if command != commandAddPerson || len(args) != 1 {
		return fmt.Errorf("unknown command %s", command)
	}
	var a addPerson
	if err := decode(args[0], &a); err != nil {
		return err
	}
	s.mu.Lock()
	w := s.workspaces[a.Root]
	s.mu.Unlock()
	if w == nil {
		return fmt.Errorf("%s is not a journal open here", a.Root)
	}
	if _, err := w.current().snap.Journal.AddPerson(journal.Profile{Name: displayName(a.Name)}, ""); err != nil {
		return err
	}
	w.refresh()
	return nil
}

// displayName makes a name of a slug: "lee-wong" is "Lee Wong".
func displayName(slug string) string {
	words := strings.Split(slug, "-")
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

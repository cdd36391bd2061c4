package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/when"
	"github.com/spf13/cobra"
)

type logOptions struct {
	with, tags, practices       []string
	todos, next, wins, feedback []string
	credit                      []string
	kind, title, project, date  string
	message                     string
	edit, resume, drafts        bool
	event, ics                  string // --event: a calendar event's id, or pickEvent
}

func (a *app) cmdLog() *cobra.Command {
	var o logOptions
	cmd := &cobra.Command{
		Use:     "log",
		Short:   "Record an interaction",
		GroupID: "daily",
		Long: `Record an interaction as a new entry and print its path.

People are given by slug, name or unique prefix. A name close to one person
(a surname, initials, a slip: "Smith", "D. Smith", "Dana Smithe") is taken
to be them and lead says so; one close to several is refused, listing them;
a name close to nobody becomes a new person file, and lead says so. With no message on a terminal,
or with --edit, your editor opens on the kind's template with the people's
open commitments and queued agenda for reference. A draft returned
unchanged logs what the flags gave (notes, items, title, tags), and nothing
when they gave no words; an emptied draft logs nothing. A draft that cannot
be logged is kept under .lead/drafts, "lead log --drafts" lists the kept
ones and "lead log --resume" opens the newest again.

The kind defaults to 1on1 with one person, meeting with several, and note
with nobody.

With --event ID (an id from "lead today" or "lead inbox"), the date, time,
title, people and kind come from that calendar event: 1on1 with one other
attendee, skip-level when that person is a skip, meeting otherwise. Flags
given as well win. With --event and no id, a terminal offers the day's and
the unlogged meetings to pick from.`,
		Example: `  lead log -w dana -t "Q3 strategy review" -p previewed -m "Walked Dana through the draft"
  lead log -w dana --todo "Send the revised deck due:fri" --next "Ask about the budget timeline"
  lead log -w lee -k chat --date yesterday -e
  echo "notes" | lead log -w sam -m -
  lead log --event 13a59f59 -m "Agreed the hiring plan"`,
		Args:              eventArg(&o),
		ValidArgsFunction: a.completeEventArg(&o),
		RunE:              func(cmd *cobra.Command, args []string) error { return a.runLog(cmd, o) },
	}
	f := cmd.Flags()
	f.StringArrayVarP(&o.with, "with", "w", nil, "a person: slug, name or unique prefix (repeatable)")
	f.StringVarP(&o.kind, "kind", "k", "", "kind of interaction (1on1, meeting, skip-level, review, email, chat, event, note)")
	f.StringVarP(&o.title, "title", "t", "", "title")
	f.StringSliceVar(&o.tags, "tag", nil, "tag (repeatable, or comma-separated)")
	f.StringSliceVarP(&o.practices, "practice", "p", nil, "practice shown, see lead practices (repeatable)")
	f.StringVar(&o.project, "project", "", "project the interaction was about")
	f.StringVar(&o.date, "date", "", "when: 2026-11-22, \"2026-11-22 14:30\", RFC 3339, yesterday, last monday, nov 9, 3 days ago, 2:30pm, \"yesterday 3pm\", -2h (default now)")
	f.StringArrayVar(&o.todos, "todo", nil, "a commitment; start with @person for theirs, due:fri or due:next week for a due date, counted from --date (repeatable)")
	f.StringArrayVar(&o.next, "next", nil, "an agenda item for next time (repeatable)")
	f.StringArrayVar(&o.wins, "win", nil, "a win, with the people to credit (repeatable)")
	f.StringArrayVar(&o.credit, "credit", nil, "a person the wins credit, instead of those their text names (repeatable)")
	f.StringArrayVar(&o.feedback, "feedback", nil, "feedback received (repeatable)")
	f.StringVarP(&o.message, "message", "m", "", "notes; - reads them from standard input")
	f.BoolVarP(&o.edit, "edit", "e", false, "open the editor even with a message")
	f.BoolVar(&o.resume, "resume", false, "open the newest kept draft again and log it")
	f.BoolVar(&o.drafts, "drafts", false, "list the kept drafts, newest first, and log nothing")
	cmd.MarkFlagsMutuallyExclusive("drafts", "resume")
	eventFlags(f, &o)
	return cmd
}

func (a *app) runLog(cmd *cobra.Command, o logOptions) error {
	j, err := a.open()
	if err != nil {
		return err
	}
	if o.drafts {
		drafts, err := j.Drafts()
		if err != nil {
			return err
		}
		if len(drafts) == 0 {
			a.infof("no kept drafts")
		}
		for _, d := range drafts {
			if _, err := fmt.Fprintln(a.env.Stdout, d); err != nil {
				return err
			}
		}
		return nil
	}
	if o.resume {
		drafts, err := j.Drafts()
		if err != nil {
			return err
		}
		if len(drafts) == 0 {
			return errors.New("no kept drafts to resume")
		}
		s, err := a.loadOpen()
		if err != nil {
			return err
		}
		return a.editAndLog(s, drafts[0], nil, false)
	}
	now := a.env.Now()
	if o.event != "" {
		if err := a.fromEvent(&o, now); err != nil {
			return err
		}
	}
	if o.message == "-" {
		data, err := io.ReadAll(io.LimitReader(a.env.Stdin, journal.MaxFileSize+1))
		if err != nil {
			return err
		}
		if len(data) > journal.MaxFileSize {
			return fmt.Errorf("-m -: standard input is larger than the %d bytes an entry may hold; nothing was logged", journal.MaxFileSize)
		}
		o.message = string(data)
	}
	hasBody := o.message != "" || len(o.todos)+len(o.next)+len(o.wins)+len(o.feedback) > 0
	editing := o.edit || (!hasBody && a.env.StdinTTY && a.env.StdoutTTY)
	if !editing && !hasBody && o.title == "" {
		return usagef("nothing to log: give -m TEXT (or -m - to read standard input), --todo, --win, or --edit")
	}
	var s *journal.Snapshot
	if editing { // the editor shows what is open with the people
		s, err = a.loadOpen()
	} else {
		s, err = a.loadPeople()
	}
	if err != nil {
		return err
	}
	if len(o.credit) > 0 {
		if len(o.wins) == 0 {
			return usagef("--credit says whom a --win credits; give the --win too")
		}
		if o.wins, err = creditWins(s, o.wins, o.credit); err != nil {
			return err
		}
	}
	d := journal.Draft{Notes: strings.TrimSpace(o.message), Todos: o.todos, Next: o.next, Wins: o.wins, Feedback: o.feedback}
	d.Date = now
	if o.date != "" {
		if d.Date, err = when.Moment(o.date, now, j.Config.Clock()); err != nil {
			return usageError{err}
		}
	}
	d.Title, d.Project, d.Tags = o.title, o.project, o.tags
	if err := j.Config.CheckPractices(o.practices); err != nil {
		return usageError{err}
	}
	d.Practices = o.practices
	for _, name := range o.with {
		slug, stub, guess, err := s.ResolveNew(name)
		switch {
		case err != nil:
			return usagef("--with %q: %v", name, err)
		case guess != nil:
			a.noteGuess(*guess)
		case stub != "":
			slug = stub // Log makes the stub, named as given
		}
		d.With = append(d.With, slug)
	}
	d.Kind = o.kind // or, when empty, as Compose defaults it
	data, err := s.Compose(d, editing)
	if err != nil {
		return err
	}
	if !editing {
		logged, err := s.Log(data, "")
		if err != nil {
			return err
		}
		return a.printLogged(s, logged)
	}
	f, err := j.NewDraftFile()
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return err
	}
	typed := hasBody || o.title != "" || o.project != "" || len(o.tags)+len(o.practices) > 0
	return a.editAndLog(s, f.Name(), data, typed)
}

// editAndLog opens the editor on a draft file and logs the result. The
// draft is removed when it is logged or left unchanged, and kept, with its
// path printed, whenever the words would otherwise be lost. A draft the
// editor left unchanged is logged as it is when typed says the command
// line gave it words: an editor that returns at once (a GUI editor
// without its wait flag) must not lose them.
func (a *app) editAndLog(s *journal.Snapshot, draft string, original []byte, typed bool) error {
	keep := func(err error) error {
		a.infof("%v", err)
		a.infof("your draft is kept in %s; fix it and run: lead log --resume", draft)
		return exitError{ExitError}
	}
	if err := a.edit(draft); err != nil {
		return keep(err)
	}
	data, err := journal.ReadFile(draft)
	if err != nil {
		return keep(err)
	}
	unchanged := original != nil && string(data) == string(original)
	if unchanged && typed {
		a.infof("the editor returned the draft unchanged; logging what the command line gave")
	} else if unchanged {
		os.Remove(draft)
		a.infof("draft unchanged; nothing logged")
		return nil
	}
	logged, err := s.Log(data, draft)
	if errors.Is(err, journal.ErrEmpty) {
		os.Remove(draft)
		a.infof("%v", err)
		return nil
	}
	if err != nil {
		return keep(err)
	}
	os.Remove(draft)
	return a.printLogged(s, logged)
}

// creditWins marks each win as crediting the named people, and no one
// else: "credit:slug,slug" at its end.
func creditWins(s *journal.Snapshot, wins, names []string) ([]string, error) {
	var slugs []string
	for _, name := range names {
		p, err := s.Lookup(name)
		if err != nil {
			return nil, usagef("--credit: %v", err)
		}
		slugs = append(slugs, p.Slug)
	}
	out := make([]string, len(wins))
	for i, w := range wins {
		out[i] = strings.TrimSpace(w) + " " + journal.CreditKey + strings.Join(slugs, ",")
	}
	return out, nil
}

// noteGuess says which person a name that matched no one was taken to be.
func (a *app) noteGuess(g journal.Guess) {
	a.infof("%q taken to be %s; for someone new, run lead people add %q first", g.Name, g.Person.Label(), g.Name)
}

func (a *app) printLogged(s *journal.Snapshot, l *journal.Logged) error {
	paths := []string{l.Entry.Path}
	for _, g := range l.Guessed {
		a.noteGuess(g)
	}
	for _, p := range l.Created {
		a.infof("new person %s: %s (set their relation in that file)", p.Name, a.abs(p.Path))
		paths = append(paths, p.Path)
	}
	msg := "log: " + l.Entry.Kind
	if len(l.Entry.With) > 0 {
		msg += " with " + s.Names(l.Entry.With)
	}
	if l.Entry.Title != "" {
		msg += " — " + l.Entry.Title
	}
	a.autocommit(msg, paths...)
	_, err := fmt.Fprintln(a.env.Stdout, a.abs(l.Entry.Path))
	return err
}

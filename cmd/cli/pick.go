package cli

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"

	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

// Pickers: show, edit, prep, person and done without an argument on a
// terminal offer a choice of recent candidates, through fzf with a
// preview when it is installed (as zk does), else through a numbered
// list of lead's own. Without a terminal a missing argument stays a usage
// error.

// choice is one candidate of a picker: what is passed on as the argument,
// how it is shown, and what `lead show` or `lead person` previews it by.
type choice struct{ ref, label, preview string }

// pickLimit is how many candidates a picker offers.
const pickLimit = 500

// picker is how a command picks its argument: its candidates, and the
// command of lead that previews one.
type picker struct {
	candidates func() ([]choice, error)
	preview    string
}

// pickers are the commands that pick their argument.
func (a *app) pickers() map[string]picker {
	return map[string]picker{
		"show":   {a.entryChoices, "show --format text"},
		"edit":   {a.entryChoices, "show --format text"},
		"prep":   {a.personChoices, "person"},
		"person": {a.personChoices, "person"},
		"done":   {a.itemChoices, "show --format text"},
	}
}

// offerPickers lets the picking commands of root run without their
// argument on a terminal.
func (a *app) offerPickers(root *cobra.Command) {
	pickers := a.pickers()
	for _, cmd := range root.Commands() {
		p, ok := pickers[cmd.Name()]
		if !ok || cmd.RunE == nil {
			continue
		}
		args, run := cmd.Args, cmd.RunE
		if args == nil {
			continue // takes anything: nothing is missing to pick
		}
		// missing reports that the argument is missing and may be picked.
		missing := func(cmd *cobra.Command, given []string) bool {
			return len(given) == 0 && args(cmd, given) != nil && a.canPick()
		}
		cmd.Args = func(cmd *cobra.Command, given []string) error {
			if missing(cmd, given) {
				return nil
			}
			return args(cmd, given)
		}
		cmd.RunE = func(cmd *cobra.Command, given []string) error {
			if missing(cmd, given) {
				list, err := p.candidates()
				if err != nil {
					return err
				}
				ref, err := a.pick(list, p.preview)
				if err != nil {
					return err
				}
				given = []string{ref}
			}
			return run(cmd, given)
		}
	}
}

// canPick reports whether there is a person at a terminal to choose.
func (a *app) canPick() bool { return a.env.StdinTTY && a.env.StdoutTTY }

// entryChoices are the newest entries.
func (a *app) entryChoices() ([]choice, error) {
	s, err := a.loadHeaders()
	if err != nil {
		return nil, err
	}
	entries := s.Entries[:min(len(s.Entries), pickLimit)]
	var out []choice
	for i, ref := range a.entryRefs(s, entries) {
		e := entries[i]
		out = append(out, choice{ref, fmt.Sprintf("%s  %s %s  %s", journal.Day(e.Date), pad(e.Kind, 9), e.Label(), s.Names(e.With)), e.ID})
	}
	return out, nil
}

// personChoices are the people, the most recently met first.
func (a *app) personChoices() ([]choice, error) {
	s, err := a.loadHeaders()
	if err != nil {
		return nil, err
	}
	now := a.env.Now()
	contacts := s.Contacts(now)
	slices.SortStableFunc(contacts, func(x, y journal.Contact) int {
		switch {
		case x.Last == nil || y.Last == nil:
			return cmp.Compare(boolRank(x.Last == nil), boolRank(y.Last == nil))
		}
		return y.Last.Date.Compare(x.Last.Date)
	})
	out := make([]choice, len(contacts))
	for i, c := range contacts {
		out[i] = choice{c.Person.Slug, fmt.Sprintf("%s %s %s", pad(c.Person.Name, 24), pad(c.Person.Relation, 15), lastSeen(c, now)), c.Person.Slug}
	}
	return out, nil
}

// boolRank orders false before true.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// itemChoices are the open items, the most urgent first.
func (a *app) itemChoices() ([]choice, error) {
	s, err := a.loadOpen()
	if err != nil {
		return nil, err
	}
	now := a.env.Now()
	items := s.Commitments(journal.TodoFilter{}, now)
	for _, it := range s.Items() {
		if it.Agenda {
			items = append(items, it)
		}
	}
	items = items[:min(len(items), pickLimit)]
	var out []choice
	for i, ref := range s.ItemRefs(items) {
		it := items[i]
		label := it.Text
		switch {
		case it.Overdue(now):
			label += "  (overdue)"
		case it.Agenda:
			label += "  (agenda)"
		}
		out = append(out, choice{ref, label, a.abs(it.Path)})
	}
	return out, nil
}

// errNoChoice is a picker left without a choice.
var errNoChoice = errors.New("nothing chosen")

// pick asks the person at the terminal to choose one of list and returns
// its reference.
func (a *app) pick(list []choice, preview string) (string, error) {
	if len(list) == 0 {
		return "", errors.New("nothing to choose from yet")
	}
	if fzf, err := exec.LookPath("fzf"); err == nil && a.realTerminal() {
		return a.pickFzf(fzf, list, preview)
	}
	return a.pickBuiltin(list)
}

// realTerminal reports whether lead's own standard input is a terminal
// fzf can take over.
func (a *app) realTerminal() bool {
	env := a.env
	if env.raw != nil {
		env = env.raw
	}
	f, ok := env.Stdin.(*os.File)
	return ok && isTerminal(f)
}

// pickFzf runs fzf on the candidates, previewing each with lead itself.
func (a *app) pickFzf(fzf string, list []choice, preview string) (string, error) {
	var in bytes.Buffer
	for _, c := range list {
		fmt.Fprintf(&in, "%s\t%s\t%s\n", c.ref, oneLine(c.label), c.preview)
	}
	self, err := os.Executable()
	if err != nil {
		return "", err
	}
	previewCmd := fmt.Sprintf("%s --dir %s --no-pager --color always %s {3}", shellQuote(self), shellQuote(a.journal.Root), preview)
	cmd := exec.Command(fzf, "--delimiter", "\t", "--with-nth", "2", "--no-sort", "--height", "60%", "--reverse",
		"--preview", previewCmd, "--preview-window", "down,60%,wrap", "--prompt", "lead> ")
	cmd.Stdin, cmd.Stderr = &in, a.env.Stderr
	if a.env.raw != nil {
		cmd.Stderr = a.env.raw.Stderr // fzf draws on the terminal, as the editor does
	}
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && (ee.ExitCode() == 1 || ee.ExitCode() == 130) { // no match, or cancelled
			return "", errNoChoice
		}
		return "", fmt.Errorf("fzf: %v", err)
	}
	ref, _, _ := strings.Cut(string(out), "\t")
	return strings.TrimSpace(ref), nil
}

// pickShown is how many candidates the built-in picker lists at most.
const pickShown = 20

// pickBuiltin lists the candidates, numbered, on standard error and reads
// a number, or words to narrow the list by, from standard input. Each
// candidate takes one line, cut to the terminal's width, and no more are
// listed than fit its height with the prompt.
func (a *app) pickBuiltin(list []choice) (string, error) {
	in := bufio.NewScanner(a.env.Stdin)
	shown := list
	rows := max(1, min(pickShown, a.height()-2)) // room for the line of more and the prompt
	for {
		for i, c := range shown[:min(len(shown), rows)] {
			fmt.Fprintln(a.env.Stderr, truncate(fmt.Sprintf("%3d  %s", i+1, oneLine(c.label)), a.width()))
		}
		if len(shown) > rows {
			fmt.Fprintf(a.env.Stderr, "     … and %d more: type words to narrow the list\n", len(shown)-rows)
		}
		fmt.Fprint(a.env.Stderr, "Choose a number, or type words to narrow the list: ")
		if !in.Scan() {
			fmt.Fprintln(a.env.Stderr)
			return "", errNoChoice
		}
		answer := strings.TrimSpace(in.Text())
		if answer == "" {
			return "", errNoChoice
		}
		if n, err := strconv.Atoi(answer); err == nil {
			if n >= 1 && n <= min(len(shown), rows) {
				return shown[n-1].ref, nil
			}
			fmt.Fprintf(a.env.Stderr, "lead: no choice %d\n", n)
			continue
		}
		narrowed := narrow(shown, answer)
		if len(narrowed) == 0 {
			fmt.Fprintf(a.env.Stderr, "lead: nothing matches %q\n", answer)
			continue
		}
		if len(narrowed) == 1 {
			return narrowed[0].ref, nil
		}
		shown = narrowed
	}
}

// narrow keeps the candidates whose label holds every word of query, in
// any case.
func narrow(list []choice, query string) []choice {
	words := strings.Fields(strings.ToLower(query))
	var out []choice
	for _, c := range list {
		label := strings.ToLower(c.label + " " + c.ref)
		all := true
		for _, w := range words {
			all = all && strings.Contains(label, w)
		}
		if all {
			out = append(out, c)
		}
	}
	return out
}

// oneLine keeps a label on its line.
func oneLine(s string) string { return visibleLine(s) }

package cli

import (
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// completer is a dynamic completion function.
type completer = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective)

// noFiles is the directive of every completion of lead's own values:
// no file names, and the values in the order given (most urgent, most
// used or newest first), not sorted by the shell.
const noFiles = cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder

// completionLimit is how many entries or items a completion offers: the
// newest or most urgent, as many as a shell can show usefully.
const completionLimit = 40

// quietJournal opens the journal for completion, and makes the rest of
// the run quiet and quick: a shell completing a word has no place for
// warnings, and waits on no network (a calendar's address is read from
// the copy last fetched).
func (a *app) quietJournal() *journal.Journal {
	a.env.Stderr, a.offline = io.Discard, true
	if a.journal != nil {
		return a.journal
	}
	dir, _, err := a.journalDir()
	if err != nil {
		return nil
	}
	if _, err := os.Stat(dir); err != nil {
		return nil // completing a word creates no journal
	}
	j, _, err := journal.Open(dir)
	if err != nil {
		return nil
	}
	a.journal = j
	return j
}

// quietLoad reads the people and as much of the entries as asked for
// completion, silently, the entries as the index last recorded them;
// nil when the journal cannot be opened.
func (a *app) quietLoad(entries journal.Entries) *journal.Snapshot {
	j := a.quietJournal()
	if j == nil {
		return nil
	}
	s, _ := j.Read(journal.ReadOptions{Entries: entries, Indexed: true})
	return s
}

func hasPrefixFold(s, prefix string) bool {
	return strings.HasPrefix(strings.ToLower(s), strings.ToLower(prefix))
}

// completeFrom offers the values (each may carry a tab and a description)
// that start with prefix.
func completeFrom(values ...string) completer {
	return func(_ *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, v := range values {
			if hasPrefixFold(v, prefix) {
				out = append(out, v)
			}
		}
		return out, noFiles
	}
}

// commaList completes the last value of a comma-separated list, leaving
// out the values already given: "--with dana-smith,l" offers
// "dana-smith,lee-wong". Values after a comma go without their
// descriptions: bash's completion script escapes the comma of a value
// that has one (dana-smith\,lee-wong) and then finds it no longer starts
// with what was typed.
func commaList(complete completer) completer {
	return func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
		i := strings.LastIndexByte(prefix, ',')
		if i < 0 {
			return complete(cmd, args, prefix)
		}
		head := prefix[:i+1]
		given := strings.Split(prefix[:i], ",")
		values, directive := complete(cmd, args, prefix[i+1:])
		var out []string
		for _, v := range values {
			value, _, _ := strings.Cut(v, "\t")
			if !slices.Contains(given, value) {
				out = append(out, head+value)
			}
		}
		return out, directive
	}
}

// completePeople offers slugs, described by name and relation, and full
// names for a prefix typed as a name.
func (a *app) completePeople(_ *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
	s := a.quietLoad(journal.NoEntries)
	if s == nil {
		return nil, noFiles
	}
	var out []string
	for _, p := range s.People {
		desc := p.Name
		if p.Relation != "" {
			desc += " (" + p.Relation + ")"
		}
		switch {
		case hasPrefixFold(p.Slug, prefix):
			out = append(out, p.Slug+"\t"+desc)
		case hasPrefixFold(p.Name, prefix):
			out = append(out, p.Name+"\t"+p.Slug)
		}
	}
	return out, noFiles
}

// completeFirstPerson completes a person as the first argument only.
func (a *app) completeFirstPerson(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, noFiles
	}
	return a.completePeople(cmd, args, prefix)
}

// completeTally offers the tags or projects of the journal, those carried
// by most entries first; it reads only the index's tallies of them.
func (a *app) completeTally(counts func(*journal.Snapshot) map[string]int) completer {
	return func(_ *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
		s := a.quietLoad(journal.Tallies)
		if s == nil {
			return nil, noFiles
		}
		matching := map[string]int{}
		for v, n := range counts(s) {
			if v != "" && hasPrefixFold(v, prefix) {
				matching[v] = n
			}
		}
		return rankByCount(matching), noFiles
	}
}

func rankByCount(counts map[string]int) []string {
	out := make([]string, 0, len(counts))
	for v := range counts {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool {
		if counts[out[i]] != counts[out[j]] {
			return counts[out[i]] > counts[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// completeConfig offers values of the journal's configuration.
func (a *app) completeConfig(values func(journal.Config) []string) completer {
	return func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
		j := a.quietJournal()
		if j == nil {
			return nil, noFiles
		}
		return completeFrom(values(j.Config)...)(cmd, args, prefix)
	}
}

// completeWeeks offers the current ISO week and the eight before it.
func (a *app) completeWeeks(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
	now := a.env.Now()
	var weeks []string
	for n := range 9 {
		year, week := now.AddDate(0, 0, -7*n).ISOWeek()
		desc := fmt.Sprintf("%d weeks ago", n)
		switch n {
		case 0:
			desc = "this week"
		case 1:
			desc = "last week"
		}
		weeks = append(weeks, fmt.Sprintf("%d-W%02d\t%s", year, week, desc))
	}
	return completeFrom(weeks...)(cmd, args, prefix)
}

// completeEntries offers entry references in every form FindEntry takes:
// "last", ids, the part of an id after its date, and paths (left to the
// shell's file completion once the word holds a slash). It offers the
// newest entries that match, each under the shortest reference that
// starts with what is typed and finds it alone, and reads no more of the
// journal than their files and the names of the others.
func (a *app) completeEntries(_ *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, noFiles
	}
	if strings.ContainsRune(prefix, '/') || strings.HasPrefix(prefix, ".") || strings.HasPrefix(prefix, "~") {
		return nil, cobra.ShellCompDirectiveDefault
	}
	var out []string
	if strings.HasPrefix("last", prefix) {
		out = append(out, "last\tthe newest entry")
	}
	j := a.quietJournal()
	if j == nil {
		return out, noFiles
	}
	matched, refs := j.EntryCandidates(prefix, completionLimit)
	seen := map[string]bool{}
	for i, ref := range refs {
		e := matched[i]
		switch {
		case strings.HasPrefix(ref, prefix):
		case strings.HasPrefix(e.ID, prefix):
			ref = e.ID
		default: // only its title part starts with what is typed
			ref = journal.TitlePart(e.ID)
		}
		desc := e.Label()
		if ref != e.ID {
			desc = journal.Day(e.Date) + " " + desc
		}
		if !seen[ref] {
			seen[ref] = true
			out = append(out, ref+"\t"+desc)
		}
	}
	return out, noFiles
}

// completeItems offers the most urgent open commitments (or, with
// --undo, the newest ticked items) whose id starts with what is typed,
// described by their text and due date.
func (a *app) completeItems(cmd *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
	undo, _ := cmd.Flags().GetBool("undo")
	read, f := journal.OpenItems, journal.TodoFilter{IDPrefix: strings.ToLower(prefix), Limit: completionLimit}
	if undo {
		read, f.Done, f.Limit = journal.Everything, true, 0 // the ticked among them all
	}
	s := a.quietLoad(read)
	if s == nil {
		return nil, noFiles
	}
	now := a.env.Now()
	candidates := s.Commitments(f, now)
	for _, it := range s.Items() {
		if it.Agenda && strings.HasPrefix(it.ID, f.IDPrefix) {
			candidates = append(candidates, it)
		}
	}
	var items []*journal.Item
	for _, it := range candidates {
		if it.Done == undo {
			if items = append(items, it); len(items) == completionLimit {
				break
			}
		}
	}
	var out []string
	for i, ref := range s.ItemRefs(items) {
		desc := items[i].Text
		if items[i].Overdue(now) {
			desc = "overdue: " + desc
		}
		out = append(out, ref+"\t"+desc)
	}
	return out, noFiles
}

var (
	stances = []string{"champion", "supporter", "neutral", "skeptic", "blocker"}
	levels  = []string{"high", "medium", "low"}
	spans   = []string{"7d\ta week", "14d\ttwo weeks", "30d\ta month", "90d\ta quarter"}
	sinces  = []string{"7d\tthe last week", "2w\tthe last two weeks", "1m\tthe last month", "3m\tthe last quarter",
		"6m\tthe last half year", "1y\tthe last year"}
	days = []string{"today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)

// registerCompletions attaches dynamic completion to the flags a command
// has among those lead completes; values of a list flag complete after a
// comma too.
// visibleCompletions gives what f completes with each value and its
// description on one line, its controls visible: a shell shows them in
// its menu as they are, and a name in a person's file is not to send the
// terminal an escape sequence.
func visibleCompletions(f completer) completer {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		out, directive := f(cmd, args, toComplete)
		for i, c := range out {
			value, desc, hasDesc := strings.Cut(c, "\t")
			out[i] = visibleLine(value)
			if hasDesc {
				out[i] += "\t" + visibleLine(desc)
			}
		}
		return out, directive
	}
}

func (a *app) registerCompletions(cmd *cobra.Command) {
	people := a.completePeople
	funcs := map[string]completer{
		"with":      people,
		"trusts":    people,
		"credit":    people,
		"for":       people,
		"path":      people,
		"kind":      a.completeConfig(func(c journal.Config) []string { return c.Kinds }),
		"practice":  a.completeConfig(practiceNames),
		"relation":  a.completeConfig(journal.Config.RelationNames),
		"direction": completeFrom(journal.Directions...),
		"tag":       a.completeTally(func(s *journal.Snapshot) map[string]int { return s.Tags }),
		"project":   a.completeTally(func(s *journal.Snapshot) map[string]int { return s.Projects }),
		"stance":    completeFrom(stances...),
		"influence": completeFrom(levels...),
		"interest":  completeFrom(levels...),
		"cadence":   completeFrom(spans...),
		"since":     completeFrom(sinces...),
		"week":      a.completeWeeks,
		"date":      completeFrom(days...),
		"until":     completeFrom(days...),
		"day":       completeFrom(slices.Insert(slices.Clone(days), 1, "tomorrow")...),
		"event":     a.completeEvents,
	}
	formats := map[string][]string{
		"export": {"json", "csv", "markdown", "ics"},
		"map":    {"text", "mermaid", "dot"},
	}
	if values, ok := formats[cmd.Name()]; ok {
		funcs["format"] = completeFrom(values...)
	}
	for name, f := range funcs {
		flag := cmd.Flags().Lookup(name)
		if flag == nil {
			continue
		}
		if flag.Value.Type() == "stringSlice" {
			f = commaList(f)
		}
		_ = cmd.RegisterFlagCompletionFunc(name, visibleCompletions(f)) // each flag is registered once
	}
	// A number, a title or a message has no values to offer, and is no
	// file name either: only --dir and --ics take paths.
	cmd.Flags().VisitAll(func(flag *pflag.Flag) {
		if _, done := cmd.GetFlagCompletionFunc(flag.Name); done || flag.Value.Type() == "bool" || flag.Name == "dir" || flag.Name == "ics" {
			return
		}
		_ = cmd.RegisterFlagCompletionFunc(flag.Name, completeFrom())
	})
	if cmd.ValidArgsFunction != nil {
		cmd.ValidArgsFunction = visibleCompletions(cmd.ValidArgsFunction)
	}
	for _, sub := range cmd.Commands() {
		a.registerCompletions(sub)
	}
}

// practiceNames are the practices of the vocabulary, described.
func practiceNames(c journal.Config) []string {
	out := make([]string, len(c.Practices))
	for i, p := range c.Practices {
		out[i] = p.Name + "\t" + p.Description
	}
	return out
}

package cli

import (
	"sort"
	"strings"

	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

// completer is a dynamic completion function.
type completer = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective)

// completing opens the journal for completion, or gives nil: a shell
// completing a word has no place for warnings.
func (a *app) completing() *journal.Journal {
	dir, _, err := a.journalDir()
	if err != nil {
		return nil
	}
	j, _, err := journal.Open(dir)
	if err != nil {
		return nil
	}
	a.journal = j
	return j
}

// snapshot reads the journal for completion, as much of the entries as
// asked, silently; nil when it cannot be opened.
func (a *app) snapshot(entries journal.Entries) *journal.Snapshot {
	j := a.completing()
	if j == nil {
		return nil
	}
	s, _ := j.Read(journal.ReadOptions{Entries: entries})
	return s
}

func hasPrefixFold(s, prefix string) bool {
	return strings.HasPrefix(strings.ToLower(s), strings.ToLower(prefix))
}

// completePeople offers slugs, described by name and relation, and full
// names for a prefix typed as a name.
func (a *app) completePeople(_ *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
	s := a.snapshot(journal.NoEntries)
	if s == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
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
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeFirstPerson completes a person as the first argument only.
func (a *app) completeFirstPerson(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return a.completePeople(cmd, args, prefix)
}

// completeValues offers the distinct values an entry field takes in the
// journal, most used first.
func (a *app) completeValues(values func(*journal.Entry) []string) completer {
	return func(_ *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
		s := a.snapshot(journal.Headers)
		if s == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		counts := map[string]int{}
		for _, e := range s.Entries {
			for _, v := range values(e) {
				if v != "" && hasPrefixFold(v, prefix) {
					counts[v]++
				}
			}
		}
		return rankByCount(counts), cobra.ShellCompDirectiveNoFileComp
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

func (a *app) completeKinds(_ *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
	var out []string
	if j := a.completing(); j != nil {
		for _, k := range j.Config.Kinds {
			if hasPrefixFold(k, prefix) {
				out = append(out, k)
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func (a *app) completePractices(_ *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
	var out []string
	if j := a.completing(); j != nil {
		for _, p := range j.Config.Practices {
			if hasPrefixFold(p.Name, prefix) {
				out = append(out, p.Name+"\t"+p.Description)
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func completeDirections(_ *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	return journal.Directions, cobra.ShellCompDirectiveNoFileComp
}

// completeEntries offers "last" and entry ids, newest first.
func (a *app) completeEntries(_ *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	out := []string{"last\tthe newest entry"}
	if s := a.snapshot(journal.Headers); s != nil {
		for _, e := range s.Entries {
			if strings.HasPrefix(e.ID, prefix) {
				out = append(out, e.ID+"\t"+e.Label())
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeItems offers the ids of open items (or ticked ones with --undo),
// described by their text.
func (a *app) completeItems(cmd *cobra.Command, _ []string, prefix string) ([]string, cobra.ShellCompDirective) {
	undo, _ := cmd.Flags().GetBool("undo")
	read := journal.OpenItems
	if undo {
		read = journal.Everything
	}
	var out []string
	if s := a.snapshot(read); s != nil {
		for _, it := range s.Items() {
			if it.Done == undo && strings.HasPrefix(it.ID, prefix) {
				out = append(out, it.ShortID()+"\t"+it.Text)
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// registerCompletions attaches dynamic completion to the flags a command
// has among those lead completes.
func (a *app) registerCompletions(cmd *cobra.Command) {
	funcs := map[string]completer{
		"with":      a.completePeople,
		"trusts":    a.completePeople,
		"kind":      a.completeKinds,
		"practice":  a.completePractices,
		"direction": completeDirections,
		"tag":       a.completeValues(func(e *journal.Entry) []string { return e.Tags }),
		"project":   a.completeValues(func(e *journal.Entry) []string { return []string{e.Project} }),
		"relation": func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			j := a.completing()
			if j == nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return j.Config.RelationNames(), cobra.ShellCompDirectiveNoFileComp
		},
	}
	for name, f := range funcs {
		if cmd.Flags().Lookup(name) != nil {
			_ = cmd.RegisterFlagCompletionFunc(name, f) // each flag is registered once
		}
	}
	for _, sub := range cmd.Commands() {
		a.registerCompletions(sub)
	}
}

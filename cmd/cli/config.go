package cli

import (
	"fmt"
	"strings"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/calendar"
	"github.com/lead-journal/lead/journal/when"
	"github.com/spf13/cobra"
)

// setting is one effective setting and where it came from.
type setting struct {
	Key    string `json:"key"`
	Value  string `json:"value"`
	Source string `json:"source"`
}

// configOptions are lead config's flags.
type configOptions struct {
	json bool
}

func (a *app) cmdConfig() *cobra.Command {
	var o configOptions
	cmd := &cobra.Command{
		Use:     "config",
		Short:   "Show the effective settings and where each came from",
		GroupID: "journal",
		Long: `Show the effective settings and where each came from: a flag, an
environment variable, the user config ($XDG_CONFIG_HOME/lead/config.yaml),
the journal's lead.yaml, or the built-in default. See docs/format.md for
both files.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.runConfig(o) },
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON")
	return cmd
}

// runConfig prints each effective setting with where it came from.
func (a *app) runConfig(o configOptions) error {
	dir, dirSource, err := a.journalDir()
	if err != nil {
		return err
	}
	j, err := a.open()
	if err != nil {
		return err
	}
	ucPath, err := a.userConfigPath()
	if err != nil {
		return err
	}
	leadYAML := j.Abs(journal.ConfigFile)
	from := func(key string) string {
		if j.Config.Set[key] {
			return leadYAML
		}
		return "default"
	}
	editor, editorSource := a.editorCommand()
	uc, err := a.userConfig()
	if err != nil {
		return err
	}
	settings := []setting{
		{"dir", dir, dirSource},
		{"user_config", ucPath, "XDG_CONFIG_HOME or ~/.config"},
		{"editor", editor, editorSource},
		{"calendar", calendar.Source{Location: uc.Calendar}.String(), userSource(uc, uc.Calendar != "")},
		{"email", strings.Join(uc.Email, ", "), userSource(uc, len(uc.Email) > 0)},
		{"kinds", strings.Join(j.Config.Kinds, ", "), from("kinds")},
		{"default_time", j.Config.DefaultTime, from("default_time")},
		{"git.autocommit", fmt.Sprint(j.Config.Git.Autocommit), from("git")},
	}
	for _, name := range j.Config.RelationNames() {
		r := j.Config.Relations[name]
		value := r.Direction
		if c, err := when.ParseCadence(r.Cadence); err == nil && !c.IsZero() {
			value += ", cadence " + c.String() // as people and review print it
		}
		settings = append(settings, setting{"relations." + name, value, from("relations." + name)})
	}
	for _, p := range j.Config.Practices {
		settings = append(settings, setting{"practices." + p.Name, p.Description, from("practices." + p.Name)})
	}
	for _, h := range j.Config.Habits.Settings() {
		settings = append(settings, setting{h[0], h[1], from(h[0])})
	}
	if o.json {
		return writeJSON(a.env.Stdout, settings)
	}
	t := a.newTable("KEY", "VALUE", "SOURCE").freeText("SOURCE", "VALUE")
	for _, s := range settings {
		t.add(s.Key, s.Value, s.Source)
	}
	return t.print()
}

// userSource is where a user setting came from: the user config when set.
func userSource(uc userConfig, set bool) string {
	if set {
		return uc.path
	}
	return "default"
}

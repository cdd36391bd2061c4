package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/store"
	"github.com/lead-journal/lead/journal/when"
	"gopkg.in/yaml.v3"
)

// ConfigFile is the name of a journal's optional settings file.
const ConfigFile = "lead.yaml"

// Directions a relationship can face.
const (
	Up   = "up"
	Down = "down"
	Side = "side"
	Out  = "out"
)

// Directions lists the directions in display order.
var Directions = []string{Up, Down, Side, Out}

// Relation describes one kind of working relationship.
type Relation struct {
	Direction string `yaml:"direction" json:"direction"`
	Cadence   string `yaml:"cadence,omitempty" json:"cadence,omitempty"`
}

// Practice is one habit of leading up, down and across that entries can
// record in their `practices` list.
type Practice struct {
	Name        string   `yaml:"name" json:"name"`
	Description string   `yaml:"description" json:"description"`
	Nudge       string   `yaml:"nudge,omitempty" json:"nudge"`
	Relations   []string `yaml:"relations,omitempty" json:"relations"`
}

// AppliesTo reports whether the practice is meant for people of relation r;
// a practice without relations applies to everyone.
func (p Practice) AppliesTo(r string) bool {
	if len(p.Relations) == 0 {
		return true
	}
	for _, x := range p.Relations {
		if x == r {
			return true
		}
	}
	return false
}

// GitConfig holds the journal's git settings.
type GitConfig struct {
	Autocommit bool `yaml:"autocommit" json:"autocommit"`
}

// Config is a journal's settings: its lead.yaml over the built-in defaults.
type Config struct {
	Kinds       []string            `yaml:"kinds,omitempty" json:"kinds"`
	DefaultTime string              `yaml:"default_time,omitempty" json:"default_time"`
	Relations   map[string]Relation `yaml:"relations,omitempty" json:"relations"`
	Practices   []Practice          `yaml:"practices,omitempty" json:"practices"`
	Git         GitConfig           `yaml:"git,omitempty" json:"git"`
	Habits      Habits              `yaml:"habits,omitempty" json:"habits"`

	// Set names what the journal's lead.yaml set: its top-level keys, and
	// "relations.NAME" and "practices.NAME" for each relation and practice.
	Set map[string]bool `yaml:"-" json:"-"`
	// Ignored lists the settings of ProgramSettings that the journal's
	// lead.yaml set, in order: they are not read from a journal.
	Ignored []string `yaml:"-" json:"-"`
}

// ProgramSettings are the settings that choose a program for lead to run.
// A journal is data that arrives through git and other people's hands, so
// these come only from the user's own config or environment; a journal's
// lead.yaml that sets one has it ignored.
var ProgramSettings = []string{"editor", "pager", "hooks"}

// DefaultConfig returns the built-in settings.
func DefaultConfig() Config {
	return Config{
		Kinds:       []string{"1on1", "meeting", "skip-level", "review", "email", "chat", "event", "note"},
		DefaultTime: "09:00",
		Relations: map[string]Relation{
			"boss":           {Up, "7d"},
			"skip":           {Up, "30d"},
			"executive":      {Up, "30d"},
			"mentor":         {Up, "30d"},
			"report":         {Down, "7d"},
			"peer":           {Side, "14d"},
			"partner":        {Side, "30d"},
			"assistant":      {Side, "30d"},
			"chief-of-staff": {Side, "21d"},
			"stakeholder":    {Side, "30d"},
			"customer":       {Out, "30d"},
			"vendor":         {Out, "60d"},
			"external":       {Out, "60d"},
		},
		Practices: []Practice{
			{"previewed", "Previewed results with them before sharing them more widely: no surprises, never upstage the boss.",
				"Preview your next result with %s before it goes wider.", []string{"boss", "skip"}},
			{"asked-to-promote", "Asked them to carry the message upward instead of presenting over their head.",
				"Ask %s to promote the next piece of good news rather than announcing it yourself.", []string{"boss"}},
			{"sought-advice", "Sought their advice or coaching before deciding.",
				"Bring %s a decision you have not made yet and ask for advice.", []string{"boss", "skip", "mentor", "peer"}},
			{"shared-credit", "Shared credit with them or their team in front of others.",
				"Give %s or their team visible credit for something that went well.", []string{"boss", "peer", "report", "partner"}},
			{"involved-early", "Involved them early, before the work was finished.",
				"Show %s work in progress, not only finished work.", []string{"boss", "skip", "stakeholder"}},
			{"asked-for-help", "Asked them for help: the boss is a coach as well as an evaluator.",
				"Ask %s for help with something you are stuck on.", []string{"boss", "skip", "mentor", "peer"}},
			{"thanked", "Thanked them or showed appreciation.",
				"Thank %s for something specific.", nil},
			{"gave-feedback", "Gave them feedback, praise or correction, close to the moment.",
				"Give %s specific feedback.", []string{"report", "peer"}},
		},
		Habits: defaultHabits(),
	}
}

// LoadConfig reads root/lead.yaml over the defaults. A missing file is not
// an error. Lists and maps in the file extend the defaults: a relation or
// practice with a default's name replaces it, and kinds replace the list.
func LoadConfig(root string) (Config, error) {
	c := DefaultConfig()
	path := filepath.Join(root, ConfigFile)
	data, err := store.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, err
	}
	var file Config
	var keys map[string]yaml.Node
	if err := yaml.Unmarshal(data, &keys); err != nil {
		return c, format.YAMLProblem(path, 0, err)
	}
	if err := yaml.Unmarshal(data, &file); err != nil {
		return c, format.YAMLProblem(path, 0, err)
	}
	c.Set = map[string]bool{}
	for k := range keys {
		c.Set[k] = true
	}
	if len(file.Kinds) > 0 {
		c.Kinds = file.Kinds
	}
	if file.DefaultTime != "" {
		c.DefaultTime = file.DefaultTime
	}
	for name, r := range file.Relations {
		c.Relations[name] = r
		c.Set["relations."+name] = true
	}
	for _, p := range file.Practices {
		c.setPractice(p)
		c.Set["practices."+p.Name] = true
	}
	c.Git = file.Git
	c.Habits = c.Habits.merge(file.Habits)
	file.Habits.mark(c.Set)
	for _, k := range ProgramSettings {
		if c.Set[k] {
			c.Ignored = append(c.Ignored, k)
		}
	}
	if err := c.validate(); err != nil {
		return c, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

func (c *Config) setPractice(p Practice) {
	for i := range c.Practices {
		if c.Practices[i].Name == p.Name {
			c.Practices[i] = p
			return
		}
	}
	c.Practices = append(c.Practices, p)
}

func (c Config) validate() error {
	if err := c.Habits.validate(); err != nil {
		return err
	}
	if _, err := when.ParseClock(c.DefaultTime); err != nil {
		return fmt.Errorf("default_time: %v", err)
	}
	for name, r := range c.Relations {
		if !slices.Contains(Directions, r.Direction) {
			return fmt.Errorf("relation %s: direction %q is not one of up, down, side, out", name, r.Direction)
		}
		if r.Cadence != "" {
			if _, err := when.ParseCadence(r.Cadence); err != nil {
				return fmt.Errorf("relation %s: cadence: %v", name, err)
			}
		}
	}
	return nil
}

// Clock is the time of day given to a date entered without one.
func (c Config) Clock() when.Clock {
	clock, _ := when.ParseClock(c.DefaultTime) // validated on load
	return clock
}

// Direction maps a relation to its direction, or "" when unknown.
func (c Config) Direction(relation string) string {
	return c.Relations[relation].Direction
}

// Practice returns the named practice.
func (c Config) Practice(name string) (Practice, bool) {
	for _, p := range c.Practices {
		if p.Name == name {
			return p, true
		}
	}
	return Practice{}, false
}

// RelationNames lists the configured relations, sorted.
func (c Config) RelationNames() []string {
	names := make([]string, 0, len(c.Relations))
	for n := range c.Relations {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

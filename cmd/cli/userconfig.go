package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/lead-journal/lead/journal"
	"gopkg.in/yaml.v3"
)

// userConfig is the per-user settings file,
// $XDG_CONFIG_HOME/lead/config.yaml (~/.config/lead/config.yaml).
type userConfig struct {
	Dir    string `yaml:"dir"`    // the journal directory
	Editor string `yaml:"editor"` // the editor command
	// Calendar is an .ics file or the private http(s) address of one.
	Calendar string `yaml:"calendar"`
	// Email holds the user's own addresses, to tell them among attendees.
	Email addresses `yaml:"email"`
	path  string
	found bool
}

func (a *app) userConfigPath() (string, error) {
	base := a.env.Getenv("XDG_CONFIG_HOME")
	if base == "" {
		home, err := a.home()
		if err != nil {
			return "", err
		}
		base = filepath.Join(home, ".config")
	}
	return filepath.Join(base, "lead", "config.yaml"), nil
}

func (a *app) userConfig() (userConfig, error) {
	path, err := a.userConfigPath()
	if err != nil {
		return userConfig{}, err
	}
	uc := userConfig{path: path}
	data, err := journal.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return uc, nil
	}
	if err != nil {
		return uc, err
	}
	if err := yaml.Unmarshal(data, &uc); err != nil {
		return uc, fmt.Errorf("%s: %v", path, err)
	}
	uc.found = true
	return uc, nil
}

// addresses is one address or a list of them.
type addresses []string

// UnmarshalYAML takes `email: me@example.com` as well as a list.
func (a *addresses) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*a = addresses{n.Value}
		return nil
	}
	var list []string
	if err := n.Decode(&list); err != nil {
		return err
	}
	*a = list
	return nil
}

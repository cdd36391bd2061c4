package journal

import (
	"fmt"
	"strings"
)

// The rules every entry meets, whichever way it arrives: lead log's
// flags, the editor, --resume, an import, or a hand edit read back by
// lead check. Each gives the same message on every path.

// DefaultKind is the kind of an entry logged without one: a 1:1 with one
// person, a meeting with several, a note with no one. (A file with no
// kind reads as a note: docs/format.md.)
func DefaultKind(with []string) string {
	switch {
	case len(with) == 1:
		return "1on1"
	case len(with) > 1:
		return "meeting"
	}
	return "note"
}

// CheckKind refuses a kind the configuration does not list.
func (c Config) CheckKind(kind string) error {
	if containsFold(c.Kinds, kind) {
		return nil
	}
	return fmt.Errorf("kind %q is not one of %s (set kinds in %s to add it)", kind, strings.Join(c.Kinds, ", "), ConfigFile)
}

// CheckPractices refuses the first practice the configuration does not
// define.
func (c Config) CheckPractices(practices []string) error {
	for _, p := range practices {
		if _, ok := c.Practice(p); !ok {
			return fmt.Errorf("unknown practice %q: see lead practices, or add it to %s", p, ConfigFile)
		}
	}
	return nil
}

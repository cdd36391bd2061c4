package cli

import (
	"errors"
	"strconv"
	"time"

	"github.com/lead-journal/lead/journal"
	"github.com/lead-journal/lead/journal/when"
	"github.com/spf13/cobra"
)

// defaultWidth is the width of a terminal whose size is unknown.
const defaultWidth = 80

// width is how many display cells a line on standard output may take:
// the terminal's own width, else $COLUMNS, else 80.
func (a *app) width() int { return a.terminalSize(a.env.Width, "COLUMNS", defaultWidth) }

// defaultHeight is the height of a terminal whose size is unknown.
const defaultHeight = 24

// height is how many lines the terminal shows: its own height, else
// $LINES, else 24.
func (a *app) height() int { return a.terminalSize(a.env.Height, "LINES", defaultHeight) }

// terminalSize is what measure says, else the number in the variable
// named, else unknown.
func (a *app) terminalSize(measure func() int, variable string, unknown int) int {
	if measure != nil {
		if n := measure(); n > 0 {
			return n
		}
	}
	if n, err := strconv.Atoi(a.env.Getenv(variable)); err == nil && n > 0 {
		return n
	}
	return unknown
}

// fits reports whether output should be laid out to fit the terminal:
// on a terminal without --wide.
func (a *app) fits() bool { return a.env.StdoutTTY && !a.wide }

// colorMode is the value of --color.
type colorMode string

const (
	colorAuto   colorMode = "auto"
	colorAlways colorMode = "always"
	colorNever  colorMode = "never"
)

func (m *colorMode) String() string {
	if *m == "" {
		return string(colorAuto)
	}
	return string(*m)
}

func (m *colorMode) Set(s string) error {
	switch colorMode(s) {
	case colorAuto, colorAlways, colorNever:
		*m = colorMode(s)
		return nil
	}
	return errors.New(`must be "auto", "always" or "never"`)
}

func (m *colorMode) Type() string { return "when" }

// completeColorMode offers the values of --color.
func completeColorMode(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return []string{"auto\ton a terminal, unless NO_COLOR is set", "always", "never"}, cobra.ShellCompDirectiveNoFileComp
}

// color reports whether output may use ANSI colour. --color always or
// never decides; otherwise NO_COLOR turns it off, CLICOLOR_FORCE (other
// than 0) turns it on even when piped, and else it is on only on a
// terminal that is not TERM=dumb.
func (a *app) color() bool {
	switch a.colorMode {
	case colorAlways:
		return true
	case colorNever:
		return false
	}
	if a.env.Getenv("NO_COLOR") != "" {
		return false
	}
	if f := a.env.Getenv("CLICOLOR_FORCE"); f != "" && f != "0" {
		return true
	}
	return a.env.StdoutTTY && a.env.Getenv("TERM") != "dumb"
}

// styles are the ANSI codes of what colour means in lead, the same in
// every command (docs/guide.md lists them): overdue is red, due soon
// yellow, each direction its own colour, ids dim, headings bold.
var styles = map[string]string{
	"bold": "1", "dim": "2", "italic": "3", "underline": "4",
	"red": "31", "green": "32", "yellow": "33", "blue": "34", "magenta": "35", "cyan": "36",
	"overdue": "31", "soon": "33", "id": "2", "heading": "1",
	"up": "35", "down": "32", "side": "36", "out": "34",
}

// paint wraps s in a style of styles when colour is on.
func (a *app) paint(style, s string) string {
	code, ok := styles[style]
	if !a.color() || s == "" || !ok {
		return s
	}
	esc := "\x1b" // piped output is written as it is
	if a.showsControls() {
		esc = styleMark // a terminalWriter turns it into ESC
	}
	return esc + "[" + code + "m" + s + esc + "[0m"
}

// dueSoonDays is how many days ahead a due date counts as soon.
const dueSoonDays = 3

// due shows an open item's due day in the colour of its urgency.
func (a *app) due(due time.Time, done bool, now time.Time) string {
	d := journal.Day(due)
	if d == "" || done {
		return d
	}
	today := when.Day(now)
	switch {
	case due.Before(today):
		return a.paint("overdue", d)
	case due.Before(today.AddDate(0, 0, dueSoonDays+1)):
		return a.paint("soon", d)
	}
	return d
}

// terminalFlags adds the flags of how output looks on a terminal, which
// every command takes.
func (a *app) terminalFlags(root *cobra.Command) {
	f := root.PersistentFlags()
	f.Var(&a.colorMode, "color", "colour output: auto (on a terminal, unless NO_COLOR is set), always or never")
	f.BoolVar(&a.wide, "wide", false, "on a terminal, show tables whole instead of cutting them to its width")
	f.BoolVar(&a.noPager, "no-pager", false, "never page output on a terminal")
	_ = root.RegisterFlagCompletionFunc("color", completeColorMode) // registered once
}

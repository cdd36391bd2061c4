package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

// Exit codes, documented in docs/reference.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

// usageError marks an error in how a command was called.
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// exitError carries an exit code for a failure already reported.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// Run runs lead with args and returns the exit code.
func Run(args []string, env *Env) int {
	env, flush := safeStreams(env)
	defer flush()
	root := NewRoot(env)
	root.SetArgs(args)
	err := root.Execute()
	if env.pager != nil {
		flush()
		env.pager.wait()
	}
	if err == nil {
		return ExitOK
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	fmt.Fprintf(env.Stderr, "lead: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) || strings.HasPrefix(err.Error(), "unknown command") {
		return ExitUsage
	}
	return ExitError
}

// usageArgs makes every argument-count error of the tree a usage error.
func usageArgs(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return usageError{err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		usageArgs(sub)
	}
}

// argCount is the cobra.PositionalArgs of a command that takes from min to
// max arguments (max -1 for any number above min): what is wrong is said
// in words, with the command's usage line.
func argCount(min, max int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
		switch {
		case len(args) < min:
			return fmt.Errorf("%s: an argument is missing; usage: %s", name, cmd.UseLine())
		case max >= 0 && len(args) > max:
			return fmt.Errorf("%s: too many arguments (%s); usage: %s", name, quoteAll(args[max:]), cmd.UseLine())
		}
		return nil
	}
}

// quoteAll quotes each of words, separated by spaces.
func quoteAll(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = strconv.Quote(w)
	}
	return strings.Join(quoted, " ")
}

// app is the state one run of lead shares between its commands.
type app struct {
	env      *Env
	dir      string // --dir
	journal  *journal.Journal
	reported map[*journal.Snapshot]int // problems already printed
	// userEdited holds the files that had uncommitted changes before
	// this run rewrote them (see rewriting).
	userEdited map[string]bool

	colorMode colorMode // --color
	wide      bool      // --wide: tables show every cell whole
	noPager   bool      // --no-pager
	// offline reads a calendar's address from its cached copy alone:
	// completing a word waits on no network.
	offline bool
}

// NewRoot builds the whole command tree.
func NewRoot(env *Env) *cobra.Command {
	a := &app{env: env}
	root := &cobra.Command{
		Use:   "lead",
		Short: "A journal for leading up, down and across",
		Long: `lead is a journal for the working relationships that decide a career: your
boss, your skip-level, peers, reports, assistants, chiefs of staff and
stakeholders. After a meeting run "lead log"; once a week run "lead review".

Every interaction is a Markdown file with YAML front matter in a directory
you can grep, edit by hand and keep in git. The journal is chosen by --dir,
then $LEAD_DIR, then "dir" in $XDG_CONFIG_HOME/lead/config.yaml, then ~/lead;
it is created on first use.

Results go to standard output; messages and warnings to standard error.
Listings are tables on a terminal, cut to its width (--wide shows them
whole), tab-separated when piped, and JSON with --json. Colour is used on
a terminal (--color auto), never with NO_COLOR set, and also when piped
with CLICOLOR_FORCE=1 or --color always.

Exit status: 0 success (no results is success), 1 error, 2 wrong usage.`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.PersistentFlags().StringVar(&a.dir, "dir", "", "journal directory (default $LEAD_DIR, the user config, or ~/lead)")
	a.terminalFlags(root)
	_ = root.MarkPersistentFlagDirname("dir") // completes directories
	root.AddGroup(&cobra.Group{ID: "daily", Title: "Every day:"}, &cobra.Group{ID: "habits", Title: "Leading up, down and across:"},
		&cobra.Group{ID: "journal", Title: "The journal:"})
	root.AddCommand(
		a.cmdInit(), a.cmdLog(), a.cmdList(), a.cmdShow(), a.cmdEdit(),
		a.cmdPeople(), a.cmdPerson(), a.cmdReview(), a.cmdPrep(), a.cmdTodo(), a.cmdDone(),
		a.cmdAgenda(), a.cmdPractices(), a.cmdSync(), a.cmdConfig(), a.cmdCheck(),
		a.cmdMap(), a.cmdStats(), a.cmdBrag(), a.cmdExport(), a.cmdImport(),
		a.cmdToday(), a.cmdInbox(),
		a.cmdNudge(), a.cmdLSP(),
	)
	root.InitDefaultCompletionCmd()
	a.registerCompletions(root)
	a.pageOutput(root)
	root.PersistentPreRun = func(*cobra.Command, []string) { a.showControls() }
	a.offerPickers(root)
	usageArgs(root)
	return root
}

// version is the module version when installed with go install, else
// "devel" with the commit it was built from when known.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "devel+" + s.Value[:12]
		}
	}
	return "devel"
}

// journalDir returns the journal directory and where it came from.
func (a *app) journalDir() (dir, source string, err error) {
	switch {
	case a.dir != "":
		dir, source = a.dir, "--dir"
	case a.env.Getenv("LEAD_DIR") != "":
		dir, source = a.env.Getenv("LEAD_DIR"), "LEAD_DIR"
	default:
		uc, err := a.userConfig()
		if err != nil {
			return "", "", err
		}
		if uc.Dir != "" {
			dir, source = uc.Dir, uc.path
		} else {
			home, err := a.home()
			if err != nil {
				return "", "", err
			}
			dir, source = filepath.Join(home, "lead"), "default"
		}
	}
	dir, err = a.expandHome(dir)
	if err != nil {
		return "", "", err
	}
	abs, err := filepath.Abs(dir)
	return abs, source, err
}

func (a *app) home() (string, error) {
	if h := a.env.Getenv("HOME"); h != "" {
		return h, nil
	}
	return "", errors.New("HOME is not set: pass --dir or set LEAD_DIR")
}

func (a *app) expandHome(path string) (string, error) {
	if path != "~" && !strings.HasPrefix(path, "~/") {
		return path, nil
	}
	home, err := a.home()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, path[1:]), nil
}

// open opens the journal, creating it on first use.
func (a *app) open() (*journal.Journal, error) {
	if a.journal != nil {
		return a.journal, nil
	}
	dir, _, err := a.journalDir()
	if err != nil {
		return nil, err
	}
	j, created, err := journal.Open(dir)
	if err != nil {
		return nil, err
	}
	if created {
		a.infof("created a new journal in %s", dir)
	}
	for _, r := range j.Replaced {
		a.warnf("%s; lead writes only inside the journal, so it made a directory of its own there", r)
	}
	if len(j.Config.Ignored) > 0 {
		own, _ := a.userConfigPath()
		for _, key := range j.Config.Ignored {
			a.warnf("%s: %s is ignored: a journal cannot choose a program for lead to run; set it in your own %s",
				j.Abs(journal.ConfigFile), key, own)
		}
	}
	a.journal = j
	return j, nil
}

// read opens the journal and reads what o asks (Journal.Read),
// reporting unreadable files.
func (a *app) read(o journal.ReadOptions) (*journal.Snapshot, error) {
	j, err := a.open()
	if err != nil {
		return nil, err
	}
	s, err := j.Read(o)
	if err != nil {
		return nil, err
	}
	return a.report(s), nil
}

// load reads everything.
func (a *app) load() (*journal.Snapshot, error) {
	return a.read(journal.ReadOptions{Entries: journal.Everything})
}

// loadOpen reads everything but ticked items, for commands about what is
// still to do.
func (a *app) loadOpen() (*journal.Snapshot, error) {
	return a.read(journal.ReadOptions{Entries: journal.OpenItems})
}

// loadHeaders reads the people and the front matter of the entries, for
// commands that need nothing from entry bodies.
func (a *app) loadHeaders() (*journal.Snapshot, error) {
	return a.read(journal.ReadOptions{Entries: journal.Headers})
}

// loadPeople reads only the people.
func (a *app) loadPeople() (*journal.Snapshot, error) { return a.read(journal.ReadOptions{}) }

// loadPerson reads the journal with load and finds the person a command
// names; a name that matches no one is refused naming the closest people.
func (a *app) loadPerson(name string, load func() (*journal.Snapshot, error)) (*journal.Snapshot, *journal.Person, error) {
	s, err := load()
	if err != nil {
		return nil, nil, err
	}
	p, err := s.Lookup(name)
	return s, p, err
}

// report prints each file that could not be read to stderr, once: a
// snapshot may report more problems later (export reads the bodies
// again), and only those new ones are printed then.
func (a *app) report(s *journal.Snapshot) *journal.Snapshot {
	if a.reported == nil {
		a.reported = map[*journal.Snapshot]int{}
	}
	for _, p := range s.Problems[a.reported[s]:] {
		a.warnf("skipped %v", p)
	}
	a.reported[s] = len(s.Problems)
	return s
}

// infof prints a message for the person at the terminal to stderr.
func (a *app) infof(format string, args ...any) {
	fmt.Fprintf(a.env.Stderr, "lead: "+format+"\n", args...)
}

// warnf prints a warning to stderr.
func (a *app) warnf(format string, args ...any) {
	fmt.Fprintf(a.env.Stderr, "lead: warning: "+format+"\n", args...)
}

// abs turns a journal-relative path into the absolute one shown to people.
func (a *app) abs(rel string) string { return a.journal.Abs(rel) }

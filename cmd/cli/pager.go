package cli

import (
	"io"
	"os"
	"os/exec"
	"slices"

	"github.com/spf13/cobra"
)

// pagedCommands are the commands whose output may run past a screen: on
// a terminal it goes through a pager, as git and gh do.
var pagedCommands = []string{"list", "show", "people", "person", "review", "prep", "todo", "agenda", "practices",
	"config", "check", "map", "stats", "brag"}

// defaultPager quits at once when the output fits a screen (-F), shows
// colours (-R) and leaves the screen as it was (-X).
const defaultPager = "less -FRX"

// pager is a running pager and the end of the pipe to it.
type pager struct {
	cmd  *exec.Cmd
	pipe io.WriteCloser
}

// pageOutput makes the paged commands of root start the pager before
// they run.
func (a *app) pageOutput(root *cobra.Command) {
	for _, cmd := range root.Commands() {
		if run := cmd.RunE; run != nil && slices.Contains(pagedCommands, cmd.Name()) {
			cmd.RunE = func(cmd *cobra.Command, args []string) error {
				a.startPager()
				return run(cmd, args)
			}
		}
	}
}

// pagerCommand is $LEAD_PAGER, then $PAGER, then less -FRX when less is
// installed; "" when output is not to be paged, which either variable set
// to "" or "cat" says, as for git.
func (a *app) pagerCommand() string {
	for _, v := range []string{"LEAD_PAGER", "PAGER"} {
		if p, set := a.env.LookupEnv(v); set {
			if p == "cat" {
				return ""
			}
			return p
		}
	}
	if _, err := exec.LookPath("less"); err != nil {
		return ""
	}
	return defaultPager
}

// startPager sends standard output through the pager when it is a
// terminal, unless --no-pager. The pager is run by the shell, as git runs
// it; if it cannot start, output goes to the terminal as it would have.
func (a *app) startPager() {
	out, ok := a.env.Stdout.(*terminalWriter)
	raw := a.env.raw
	if !ok || raw == nil || a.noPager || a.env.pager != nil {
		return
	}
	tty, ok := raw.Stdout.(*os.File)
	command := a.pagerCommand()
	if !ok || !isTerminal(tty) || command == "" {
		return
	}
	cmd := exec.Command("sh", "-c", command)
	cmd.Stdout, cmd.Stderr = tty, raw.Stderr
	cmd.Env = os.Environ()
	for k, v := range map[string]string{"LESS": "FRX", "LV": "-c"} {
		if a.env.Getenv(k) == "" {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
	}
	pipe, err := cmd.StdinPipe()
	if err != nil {
		return
	}
	if err := cmd.Start(); err != nil {
		return
	}
	out.w = &quietPipe{w: pipe}
	a.env.pager = &pager{cmd: cmd, pipe: pipe}
}

// wait closes the pager's input and waits for the person to leave it.
func (p *pager) wait() {
	p.pipe.Close()
	p.cmd.Wait()
}

// quietPipe writes to the pager until it is gone: once the person has
// quit it, the rest of the output is dropped, not an error.
type quietPipe struct {
	w    io.Writer
	gone bool
}

func (q *quietPipe) Write(p []byte) (int, error) {
	if !q.gone {
		if _, err := q.w.Write(p); err != nil {
			q.gone = true
		}
	}
	return len(p), nil
}

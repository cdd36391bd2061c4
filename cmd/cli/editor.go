package cli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
)

// editorCommand picks the editor and says where it came from:
// $LEAD_EDITOR, the user config, $VISUAL, $EDITOR, then vi. Never the
// journal's lead.yaml: a journal cannot make lead run a program.
func (a *app) editorCommand() (command, source string) {
	if e := a.env.Getenv("LEAD_EDITOR"); e != "" {
		return e, "LEAD_EDITOR"
	}
	if uc, err := a.userConfig(); err == nil && uc.Editor != "" {
		return uc.Editor, uc.path
	}
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := a.env.Getenv(v); e != "" {
			return e, v
		}
	}
	return "vi", "default"
}

// edit opens the editor on path and waits for it. The command is run by
// the shell, as git runs its editor, so "code --wait" and quoted paths
// work as they would at a prompt.
func (a *app) edit(path string) error {
	editor, _ := a.editorCommand()
	cmd := exec.Command("sh", "-c", editor+` "$@"`, editor, path)
	streams := a.env
	if streams.raw != nil {
		streams = streams.raw // the editor draws on the terminal itself
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = streams.Stdin, streams.Stdout, streams.Stderr
	if f, ok := a.env.Stdin.(*os.File); ok && !a.env.StdinTTY {
		// An editor on a pipe cannot work; give it the terminal if there is one.
		if tty, err := os.Open("/dev/tty"); err == nil {
			defer tty.Close()
			cmd.Stdin = tty
		} else {
			cmd.Stdin = f
		}
	}
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return fmt.Errorf("the editor (%s) exited with %s", editor, ee.ProcessState)
		}
		return fmt.Errorf("could not run the editor (%s): %v", editor, err)
	}
	return nil
}

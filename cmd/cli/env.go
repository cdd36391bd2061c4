// Package cli is lead's command line: the cobra tree, flag parsing and
// presentation. The journal package does the work; every command gets its
// streams, environment and clock from an Env, so tests can run the whole
// tree with buffers and a fixed time.
package cli

import (
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// Env is everything a command may touch of the world outside the journal.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// LookupEnv looks up an environment variable, as os.LookupEnv does.
	LookupEnv func(string) (string, bool)
	Now       func() time.Time
	// StdinTTY and StdoutTTY report whether the streams are terminals.
	StdinTTY, StdoutTTY bool
	// Width is the width of the terminal standard output is, in cells; 0
	// (or a nil Width) when unknown.
	Width func() int
	// raw is the Env before Run made its output safe: what the editor,
	// a program of the user's choosing, is given.
	raw *Env
	// pager is the pager standard output goes through, once started.
	pager *pager
}

// Getenv is the value of the environment variable key, "" when it is
// unset.
func (e *Env) Getenv(key string) string {
	v, _ := e.LookupEnv(key)
	return v
}

// System is the Env of a real process.
func System() *Env {
	return &Env{
		Stdin:     os.Stdin,
		Stdout:    os.Stdout,
		Stderr:    os.Stderr,
		LookupEnv: os.LookupEnv,
		Now:       time.Now,
		StdinTTY:  isTerminal(os.Stdin),
		StdoutTTY: isTerminal(os.Stdout),
		Width: func() int {
			w, _, err := term.GetSize(int(os.Stdout.Fd()))
			if err != nil {
				return 0
			}
			return w
		},
	}
}

// isTerminal asks the system whether f is a terminal: /dev/null, for one,
// is a character device and is not.
func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

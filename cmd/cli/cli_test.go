package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // scripts set TZ; do not depend on the machine's zoneinfo

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected files in testdata/script")

// testEnv is System with two test-only hooks read from the environment:
// LEAD_TEST_NOW freezes the clock (RFC 3339) and LEAD_TEST_TTY=1 makes
// lead behave as on a terminal.
func testEnv() *Env {
	env := System()
	if now := os.Getenv("LEAD_TEST_NOW"); now != "" {
		t, err := time.Parse(time.RFC3339, now)
		if err != nil {
			panic(err)
		}
		env.Now = func() time.Time { return t.In(time.Local) }
	}
	if os.Getenv("LEAD_TEST_TTY") == "1" {
		env.StdinTTY, env.StdoutTTY = true, true
	}
	return env
}

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"lead": func() { os.Exit(Run(os.Args[1:], testEnv())) },
	})
}

// TestScripts runs every testdata/script/*.txtar: one per command and one
// per bug. Each gets its own $WORK and $HOME; the journal defaults to
// $HOME/lead, the clock is frozen at a Sunday afternoon in New York.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"icsserver": icsServer},
		Condition: func(cond string) (bool, error) {
			if cond == "bash-completion" {
				_, err := os.Stat("/usr/share/bash-completion/bash_completion")
				return err == nil || os.Getenv("CI") == "true", nil
			}
			if tool, ok := strings.CutPrefix(cond, "needs:"); ok { // a tool CI installs: never skipped there
				_, err := exec.LookPath(tool)
				return err == nil || os.Getenv("CI") == "true", nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Setup: func(env *testscript.Env) error {
			home := env.Getenv("WORK") + "/home"
			env.Setenv("HOME", home)
			env.Setenv("TZ", "America/New_York")
			env.Setenv("LEAD_TEST_NOW", "2026-11-22T16:00:00-05:00")
			env.Setenv("EDITOR", "false")
			env.Setenv("NO_COLOR", "1")
			env.Setenv("GIT_AUTHOR_NAME", "Test")
			env.Setenv("GIT_AUTHOR_EMAIL", "test@example.com")
			env.Setenv("GIT_COMMITTER_NAME", "Test")
			env.Setenv("GIT_COMMITTER_EMAIL", "test@example.com")
			return os.MkdirAll(home, 0o755)
		},
	})
}

// TestDevNullIsNoTerminal: /dev/null is a character device, not a
// terminal, so that `lead log </dev/null` never waits for an editor and
// output sent there is laid out as for a pipe.
func TestDevNullIsNoTerminal(t *testing.T) {
	f, err := os.Open(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Errorf("%s is taken for a terminal", os.DevNull)
	}
}

// TestExportJSONIsOneIndentedArray: export --format json, written an
// entry at a time, is one JSON array laid out as the standard indenter
// lays it out, and [] when nothing matches.
func TestExportJSONIsOneIndentedArray(t *testing.T) {
	dir := t.TempDir()
	run := func(args ...string) string { return runInProcess(t, dir, args...) }
	run("log", "-w", "Dana Smith", "-t", "One <b>", "-m", "first & \"quoted\"", "--todo", "send it")
	run("log", "-w", "Dana Smith", "-t", "Two", "-m", "second", "--date", "yesterday")
	out := run("export", "--format", "json")
	var compact, indented bytes.Buffer
	if err := json.Compact(&compact, []byte(out)); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	json.Indent(&indented, compact.Bytes(), "", "  ")
	if indented.String()+"\n" != out || !strings.Contains(out, `"title": "One <b>"`) || strings.Count(out, `"id":`) != 2 {
		t.Errorf("export --format json:\n%s", out)
	}
	if out := run("export", "--format", "json", "--since", "2099-01-01"); out != "[]\n" {
		t.Errorf("nothing matches: %q", out)
	}
}

func TestJSONListIsLaidOutAsOneValue(t *testing.T) {
	type row struct {
		Name string   `json:"name"`
		Tags []string `json:"tags"`
	}
	var list []row
	for n := 0; n <= 9; n++ {
		var want, got bytes.Buffer
		if err := writeJSON(&want, list); err != nil {
			t.Fatal(err)
		}
		if err := writeJSONList(&got, list); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d elements:\n%s\nwant\n%s", n, got.String(), want.String())
		}
		list = append(list, row{Name: fmt.Sprintf("<%d> & \"x\"\n", n), Tags: make([]string, n%3)})
	}
}

// runInProcess runs lead on the journal dir, in process, at a fixed time
// with nothing on standard input, and fails on a non-zero exit.
func runInProcess(tb testing.TB, dir string, args ...string) string {
	tb.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, LookupEnv: func(k string) (string, bool) {
		return dir, k == "HOME"
	}, Now: func() time.Time { return time.Date(2026, 11, 22, 18, 0, 0, 0, time.Local) }}
	if code := Run(append([]string{"--dir", dir}, args...), env); code != 0 {
		tb.Fatalf("lead %v: exit %d: %s", args, code, errb.String())
	}
	return out.String()
}

// icsServer is the script command "icsserver start FILE" (serve FILE at a
// secret address on 127.0.0.1, given to the script as $ICS_URL) and
// "icsserver stop", for the calendar's HTTP path.
func icsServer(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("icsserver does not fail")
	}
	switch {
	case len(args) == 2 && args[0] == "start":
		data, err := os.ReadFile(ts.MkAbs(args[1]))
		ts.Check(err)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/calendar/private-5e3c7a9b1f/basic.ics" {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/calendar")
			w.Write(data)
		}))
		ts.Setenv("ICS_URL", srv.URL+"/calendar/private-5e3c7a9b1f/basic.ics")
		ts.Defer(srv.Close)
		icsServers.Store(ts, srv)
	case len(args) == 1 && args[0] == "stop":
		if srv, ok := icsServers.LoadAndDelete(ts); ok {
			srv.(*httptest.Server).Close()
		}
	default:
		ts.Fatalf("usage: icsserver start FILE | icsserver stop")
	}
}

var icsServers sync.Map // *testscript.TestScript → *httptest.Server

package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lead-journal/lead/journal"
)

// TestRunInit: lead init's run function creates the journal it is given
// and says where on the error stream, printing nothing on stdout.
func TestRunInit(t *testing.T) {
	a, stdout, stderr := testApp(t, time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC), nil)
	dir := filepath.Join(t.TempDir(), "new")
	if err := a.runInit(initOptions{dir: dir}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Fatalf("no journal in %s: %v", dir, err)
	}
	if want := "lead: journal ready in " + dir + "\n"; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	if stdout.Len() > 0 {
		t.Errorf("stdout: %s", stdout)
	}
}

// TestRunNudge: lead nudge's run function appends the clock's date to the
// item's line only, and says on stderr who was nudged after how long.
func TestRunNudge(t *testing.T) {
	entry := "---\ndate: 2026-11-10T15:00:00Z\n---\n- [ ] @lee-wong the budget numbers\n"
	a, stdout, stderr := testApp(t, time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC), map[string]string{
		"people/lee-wong.md":                     "---\nname: Lee Wong\nrelation: peer\n---\n",
		"entries/2026/11/2026-11-10-1500-lee.md": entry,
	})
	id := firstItemID(t, a)
	if err := a.runNudge(nudgeOptions{refs: []string{id}}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(a.dir, "entries/2026/11/2026-11-10-1500-lee.md")
	if data, _ := os.ReadFile(path); string(data) != strings.Replace(entry, "numbers\n", "numbers nudged:2026-11-22\n", 1) {
		t.Errorf("after nudge %s:\n%s", id, data)
	}
	if want := "lead: nudged Lee Wong " + id + " after 12 days: @lee-wong the budget numbers"; !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr %q, want prefix %q", stderr, want)
	}
	if stdout.Len() > 0 {
		t.Errorf("stdout: %s", stdout)
	}
}

// TestRunPeopleMerge: lead people merge's run function renames the
// duplicate in every entry, removes its file, prints the kept person's
// path, and refuses to merge a person into itself.
func TestRunPeopleMerge(t *testing.T) {
	a, stdout, stderr := testApp(t, time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC), map[string]string{
		"people/dana-smith.md":                  "---\nname: Dana Smith\nrelation: boss\n---\n",
		"people/dsmith.md":                      "---\nname: dsmith\n---\n",
		"entries/2026/11/2026-11-20-1430-q3.md": "---\ndate: 2026-11-20T14:30:00Z\nwith: [dsmith]\n---\n",
	})
	if err := a.runPeopleMerge(peopleMergeOptions{from: "dana", into: "dana-smith"}); err == nil {
		t.Error("merging a person into itself is not refused")
	}
	if err := a.runPeopleMerge(peopleMergeOptions{from: "dsmith", into: "dana-smith"}); err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(a.dir, "people/dana-smith.md") + "\n"; stdout.String() != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	if data, _ := os.ReadFile(filepath.Join(a.dir, "entries/2026/11/2026-11-20-1430-q3.md")); !strings.Contains(string(data), "with: [dana-smith]") {
		t.Errorf("the entry still names dsmith:\n%s", data)
	}
	if _, err := os.Stat(filepath.Join(a.dir, "people/dsmith.md")); !os.IsNotExist(err) {
		t.Errorf("dsmith's file is still there: %v", err)
	}
	if !strings.Contains(stderr.String(), "1 file rewritten") {
		t.Errorf("stderr: %s", stderr)
	}
}

// TestRunPeopleSet: lead people set's run function replaces only the keys
// of the flags given, keeps every other line, prints the file's path, and
// refuses a call that changes nothing.
func TestRunPeopleSet(t *testing.T) {
	a, stdout, _ := testApp(t, time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC), map[string]string{
		"people/dana-smith.md": "---\nname: Dana Smith\nrelation: boss\norg: Platform # since June\n---\nPrefers mornings.\n",
	})
	if err := a.runPeopleSet(peopleSetOptions{name: "dana"}); err == nil {
		t.Error("people set without a flag is not refused")
	}
	o := peopleSetOptions{name: "dana", profile: journal.Profile{Cadence: "14d", Org: "ignored"}, set: []string{"cadence"}}
	if err := a.runPeopleSet(o); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(a.dir, "people/dana-smith.md")
	if stdout.String() != path+"\n" {
		t.Errorf("stdout %q, want %q", stdout, path+"\n")
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "cadence: 14d\n") || !strings.Contains(string(data), "org: Platform # since June\n") || !strings.HasSuffix(string(data), "---\nPrefers mornings.\n") {
		t.Errorf("after people set --cadence 14d:\n%s", data)
	}
}

// TestRunPeopleAdd: lead people add's run function writes the person's
// file with the profile given, prints its path, and refuses a person the
// journal already has without touching their file.
func TestRunPeopleAdd(t *testing.T) {
	existing := "---\nname: Dana Smith\nrelation: boss\n---\n"
	a, stdout, _ := testApp(t, time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC), map[string]string{
		"people/dana-smith.md": existing,
	})
	o := peopleAddOptions{profile: journal.Profile{Name: " Lee Wong ", Relation: "peer", Trusts: []string{"dana"}}, notes: "Runs the budget."}
	if err := a.runPeopleAdd(o); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(a.dir, "people/lee-wong.md")
	if stdout.String() != path+"\n" {
		t.Errorf("stdout %q, want %q", stdout, path+"\n")
	}
	data, _ := os.ReadFile(path)
	for _, want := range []string{"name: Lee Wong\n", "relation: peer\n", "dana-smith", "Runs the budget."} {
		if !strings.Contains(string(data), want) {
			t.Errorf("lee-wong.md lacks %q:\n%s", want, data)
		}
	}
	if err := a.runPeopleAdd(peopleAddOptions{profile: journal.Profile{Name: "Dana Smith", Relation: "peer"}}); err == nil || !strings.Contains(err.Error(), "already in the journal") {
		t.Errorf("adding Dana Smith again: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(a.dir, "people/dana-smith.md")); string(data) != existing {
		t.Errorf("dana-smith.md changed:\n%s", data)
	}
}

// TestRunSync: lead sync's run function commits the journal's pending
// files, pushes them to its remote, and says what moved on stderr.
func TestRunSync(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip("no git")
	}
	for k, v := range map[string]string{"HOME": t.TempDir(), "GIT_CONFIG_NOSYSTEM": "1",
		"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
		"GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com"} {
		t.Setenv(k, v)
	}
	a, stdout, stderr := testApp(t, time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC), map[string]string{
		"people/dana-smith.md":                  "---\nname: Dana Smith\n---\n",
		"entries/2026/11/2026-11-20-1430-q3.md": "---\ndate: 2026-11-20T14:30:00Z\nwith: [dana-smith]\n---\n",
	})
	remote := filepath.Join(t.TempDir(), "remote.git")
	git := func(dir string, args ...string) string {
		t.Helper()
		out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	git(a.dir, "init", "-q", "-b", "main")
	git(a.dir, "init", "-q", "--bare", "-b", "main", remote)
	git(a.dir, "remote", "add", "origin", remote)
	if err := a.runSync(syncOptions{}); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if want := "lead: 1 entry, 1 person committed, nothing pulled, pushed to origin\n"; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	if files := git(remote, "ls-tree", "-r", "--name-only", "main"); !strings.Contains(files, "entries/2026/11/2026-11-20-1430-q3.md\n") || !strings.Contains(files, "people/dana-smith.md\n") {
		t.Errorf("the remote holds:\n%s", files)
	}
	if stdout.Len() > 0 {
		t.Errorf("stdout: %s", stdout)
	}
}

// TestRunLSP: lead lsp's run function serves the protocol on the streams
// it is given: an editor's initialize is answered with lead's name and
// capabilities, and exit ends it.
func TestRunLSP(t *testing.T) {
	a, stdout, _ := testApp(t, time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC), map[string]string{
		"people/dana-smith.md": "---\nname: Dana Smith\n---\n",
	})
	var in strings.Builder
	for _, msg := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":"file://` + filepath.ToSlash(a.dir) + `","capabilities":{}}}`,
		`{"jsonrpc":"2.0","method":"initialized","params":{}}`,
		`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`,
		`{"jsonrpc":"2.0","method":"exit"}`,
	} {
		fmt.Fprintf(&in, "Content-Length: %d\r\n\r\n%s", len(msg), msg)
	}
	a.env.Stdin = strings.NewReader(in.String())
	done := make(chan error, 1)
	go func() { done <- a.runLSP(lspOptions{}) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("lead lsp did not end on exit")
	}
	out := stdout.String()
	for _, want := range []string{`"id":1`, `"capabilities":`, `"completionProvider":`, `"serverInfo":{"name":"lead"`, `"id":2`} {
		if !strings.Contains(out, want) {
			t.Errorf("the answers lack %s:\n%s", want, out)
		}
	}
}

// calendarICS is a calendar of one meeting with Dana, on Monday 23
// November 2026 at 10:00 UTC, and one on Thursday 19 November.
const calendarICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" +
	"BEGIN:VEVENT\r\nUID:mon@test\r\nDTSTAMP:20261122T150000Z\r\nDTSTART:20261123T100000Z\r\nDTEND:20261123T103000Z\r\n" +
	"ATTENDEE;CN=Dana Smith:mailto:dana@example.com\r\nSUMMARY:Budget review\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nUID:thu@test\r\nDTSTAMP:20261122T150000Z\r\nDTSTART:20261119T100000Z\r\nDTEND:20261119T103000Z\r\n" +
	"ATTENDEE;CN=Dana Smith:mailto:dana@example.com\r\nSUMMARY:Roadmap chat\r\nEND:VEVENT\r\n" +
	"END:VCALENDAR\r\n"

// TestRunTodayInbox: lead today's run function briefs the meetings of the
// day it is given, with the people the journal knows, and says when a day
// has none; lead inbox's lists the past meeting no entry logs.
func TestRunTodayInbox(t *testing.T) {
	a, stdout, stderr := testApp(t, time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC), map[string]string{
		"people/dana-smith.md": "---\nname: Dana Smith\nrelation: boss\nemail: dana@example.com\n---\n",
	})
	home := t.TempDir() // with no config.yaml in it
	a.env.LookupEnv = func(key string) (string, bool) {
		return home, key == "HOME"
	}
	ics := filepath.Join(home, "calendar.ics")
	if err := os.WriteFile(ics, []byte(calendarICS), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := a.runToday(todayOptions{ics: ics, day: "2026-11-23"}); err != nil {
		t.Fatal(err)
	}
	out := stdout.String()
	for _, want := range []string{"Monday 23 November 2026\n", "10:00–10:30  Budget review", "Dana Smith (boss, up) · never met"} {
		if !strings.Contains(out, want) {
			t.Errorf("lead today --day 2026-11-23 lacks %q:\n%s", want, out)
		}
	}
	stdout.Reset()
	if err := a.runToday(todayOptions{ics: ics}); err != nil {
		t.Fatal(err)
	}
	if stdout.Len() > 0 || !strings.Contains(stderr.String(), "no meetings on 2026-11-22") {
		t.Errorf("lead today on a day without meetings: stdout %q, stderr %q", stdout, stderr)
	}
	stdout.Reset()
	if err := a.runInbox(inboxOptions{ics: ics, since: inboxWindow}); err != nil {
		t.Fatal(err)
	}
	if out := stdout.String(); !strings.Contains(out, "Roadmap chat") || !strings.Contains(out, "lead log --event") || strings.Contains(out, "Budget review") {
		t.Errorf("lead inbox:\n%s", out)
	}
}

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lead-journal/lead/journal"
)

// testApp is the app of one run of lead on a journal of files, with
// buffers for its streams and a fixed clock: how a command's run function
// is tested without the command line.
func testApp(t *testing.T, now time.Time, files map[string]string) (a *app, stdout, stderr *bytes.Buffer) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "lead")
	for rel, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	stdout, stderr = new(bytes.Buffer), new(bytes.Buffer)
	env := &Env{Stdin: strings.NewReader(""), Stdout: stdout, Stderr: stderr, Now: func() time.Time { return now },
		LookupEnv: func(string) (string, bool) { return "", false }}
	return &app{env: env, dir: dir}, stdout, stderr
}

// TestRunReview: lead review's run function, given its options, reviews
// the week of the clock it is given and writes to the streams it is given.
func TestRunReview(t *testing.T) {
	now := time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC) // a Sunday, in 2026-W47
	a, stdout, stderr := testApp(t, now, map[string]string{
		"people/dana-smith.md":                   "---\nname: Dana Smith\nrelation: boss\n---\n",
		"entries/2026/11/2026-11-20-1430-q3.md":  "---\ndate: 2026-11-20T14:30:00Z\nkind: 1on1\ntitle: Q3\nwith: [dana-smith]\n---\n- [ ] Send the deck due:2026-11-25\n",
		"entries/2026/11/2026-11-09-0900-old.md": "---\ndate: 2026-11-09T09:00:00Z\nkind: 1on1\nwith: [dana-smith]\n---\n",
	})
	if err := a.runReview(reviewOptions{}); err != nil {
		t.Fatal(err)
	}
	out := stdout.String()
	for _, want := range []string{"# Weekly review 2026-W47 (Mon 16 Nov – Sun 22 Nov 2026)", "1 entry in this window", "Send the deck"} {
		if !strings.Contains(out, want) {
			t.Errorf("the review lacks %q:\n%s", want, out)
		}
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr: %s", stderr)
	}
	stdout.Reset()
	if err := a.runReview(reviewOptions{week: "2026-W46"}); err != nil || !strings.Contains(stdout.String(), "2026-W46") {
		t.Errorf("--week 2026-W46: %v\n%s", err, stdout)
	}
	if err := a.runReview(reviewOptions{week: "2026-W46", since: "2w"}); err == nil {
		t.Error("--week with --since is not refused")
	}
}

// TestRunList: lead list's run function prints, to the stream it is
// given, the entries its filter keeps, as a table, as paths, or refuses
// options that do not go together.
func TestRunList(t *testing.T) {
	now := time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC)
	a, stdout, _ := testApp(t, now, map[string]string{
		"people/dana-smith.md":                     "---\nname: Dana Smith\nrelation: boss\n---\n",
		"people/lee-wong.md":                       "---\nname: Lee Wong\nrelation: peer\n---\n",
		"entries/2026/11/2026-11-20-1430-q3.md":    "---\ndate: 2026-11-20T14:30:00Z\nkind: 1on1\ntitle: Q3\nwith: [dana-smith]\n---\n",
		"entries/2026/11/2026-11-21-0900-lunch.md": "---\ndate: 2026-11-21T09:00:00Z\nkind: 1on1\ntitle: Lunch\nwith: [lee-wong]\n---\n",
		"entries/2026/10/2026-10-01-0900-early.md": "---\ndate: 2026-10-01T09:00:00Z\nkind: note\ntitle: Early\nwith: [dana-smith]\n---\n",
	})
	if err := a.runList(listOptions{filter: filterFlags{with: []string{"dana"}, since: "4w"}}); err != nil {
		t.Fatal(err)
	}
	if out := stdout.String(); !strings.HasPrefix(out, "2026-11-20-1430-q3\t2026-11-20T14:30:00Z\t1on1\tdana-smith\tQ3\t\n") || strings.Count(out, "\n") != 1 {
		t.Errorf("list --with dana --since 4w at %s:\n%s", now, out)
	}
	stdout.Reset()
	if err := a.runList(listOptions{paths: true}); err != nil || strings.Count(stdout.String(), ".md\n") != 3 {
		t.Errorf("--paths: %v\n%s", err, stdout)
	}
	if err := a.runList(listOptions{json: true, null: true}); err == nil {
		t.Error("--json with --null is not refused")
	}
}

// TestRunTodo: lead todo's run function lists, as of the clock it is
// given, the commitments its options select, to the stream it is given.
func TestRunTodo(t *testing.T) {
	now := time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC)
	a, stdout, _ := testApp(t, now, map[string]string{
		"people/dana-smith.md": "---\nname: Dana Smith\nrelation: boss\n---\n",
		"entries/2026/11/2026-11-20-1430-q3.md": "---\ndate: 2026-11-20T14:30:00Z\nwith: [dana-smith]\n---\n" +
			"- [ ] Send the deck due:2026-11-21\n- [ ] Book the room due:2026-11-30\n- [ ] @dana-smith Review the plan\n- [x] Done already\n",
	})
	if err := a.runTodo(todoOptions{filter: journal.TodoFilter{Mine: true, Overdue: true}}); err != nil {
		t.Fatal(err)
	}
	if out := stdout.String(); strings.Count(out, "\n") != 1 || !strings.Contains(out, "Send the deck") {
		t.Errorf("todo --mine --overdue on %s:\n%s", now.Format(time.DateOnly), out)
	}
	stdout.Reset()
	if err := a.runTodo(todoOptions{with: []string{"dana"}, filter: journal.TodoFilter{Theirs: true}}); err != nil || !strings.Contains(stdout.String(), "Review the plan") || strings.Contains(stdout.String(), "Send the deck") {
		t.Errorf("todo --theirs --with dana: %v\n%s", err, stdout)
	}
}

// TestRunPeople: lead people's run function judges contact by the clock
// it is given and prints, to the stream it is given, the people its
// options select.
func TestRunPeople(t *testing.T) {
	now := time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC)
	a, stdout, _ := testApp(t, now, map[string]string{
		"people/dana-smith.md":                  "---\nname: Dana Smith\nrelation: boss\ncadence: 7d\n---\n",
		"people/lee-wong.md":                    "---\nname: Lee Wong\nrelation: peer\ncadence: 30d\n---\n",
		"entries/2026/11/2026-11-01-0900-q3.md": "---\ndate: 2026-11-01T09:00:00Z\nwith: [dana-smith, lee-wong]\n---\n",
	})
	if err := a.runPeople(peopleOptions{overdue: true}); err != nil {
		t.Fatal(err)
	}
	if out := stdout.String(); !strings.HasPrefix(out, "dana-smith\tDana Smith\tboss\tup\t2026-11-01T09:00:00Z\t7d\t") || strings.Contains(out, "lee-wong") {
		t.Errorf("people --overdue on %s:\n%s", now.Format(time.DateOnly), out)
	}
	stdout.Reset()
	if err := a.runPeople(peopleOptions{relations: []string{"peer"}}); err != nil || !strings.HasPrefix(stdout.String(), "lee-wong\t") {
		t.Errorf("people --relation peer: %v\n%s", err, stdout)
	}
}

// TestRunStats: lead stats' run function counts the weeks up to the clock
// it is given, and refuses a span it cannot draw.
func TestRunStats(t *testing.T) {
	now := time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC)
	a, stdout, _ := testApp(t, now, map[string]string{
		"people/dana-smith.md":                  "---\nname: Dana Smith\nrelation: boss\n---\n",
		"entries/2026/11/2026-11-20-1430-q3.md": "---\ndate: 2026-11-20T14:30:00Z\nwith: [dana-smith]\n---\n",
		"entries/2026/11/2026-11-10-1430-q2.md": "---\ndate: 2026-11-10T14:30:00Z\nwith: [dana-smith]\n---\n",
		"entries/2025/11/2025-11-10-1430-q1.md": "---\ndate: 2025-11-10T14:30:00Z\nwith: [dana-smith]\n---\n",
	})
	if err := a.runStats(statsOptions{weeks: 4, people: 10}); err != nil {
		t.Fatal(err)
	}
	if out := stdout.String(); !strings.Contains(out, "4 weeks from 2026-W44 to 2026-W47, 2 entries") {
		t.Errorf("stats --weeks 4 on %s:\n%s", now.Format(time.DateOnly), out)
	}
	if err := a.runStats(statsOptions{weeks: 0}); err == nil {
		t.Error("--weeks 0 is not refused")
	}
}

// TestRunCheck: lead check's run function prints each finding to the
// stream it is given and fails on errors, and on warnings only with
// strict.
func TestRunCheck(t *testing.T) {
	a, stdout, stderr := testApp(t, time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC), map[string]string{
		"people/dana-smith.md":                  "---\nname: Dana Smith\nrelation: boss\n---\n- [ ] @ghost ask\n",
		"entries/2026/11/2026-11-20-1430-q3.md": "---\ndate: 2026-11-20T14:30:00Z\nkind: 1on1\nwith: [dana-smith]\n---\n",
	})
	if err := os.Chmod(a.dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := a.runCheck(checkOptions{}); err != nil {
		t.Errorf("a warning alone fails: %v", err)
	}
	if out := stdout.String(); !strings.Contains(out, "dana-smith.md:5: warning: @ghost") {
		t.Errorf("stdout:\n%s", out)
	}
	if err := a.runCheck(checkOptions{strict: true}); err == nil {
		t.Errorf("--strict passes a warning; stderr:\n%s", stderr)
	}
}

// TestRunDone: lead done's run function ticks an item by its id prefix,
// on the day of the clock it is given and changing only its line, says so
// on the stream it is given, and unticks it with undo.
func TestRunDone(t *testing.T) {
	entry := "---\ndate: 2026-11-20T14:30:00Z\n---\n- [ ] Send the deck\n- [ ] Book the room\n"
	a, _, stderr := testApp(t, time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC), map[string]string{
		"entries/2026/11/2026-11-20-1430-q3.md": entry,
	})
	path := filepath.Join(a.dir, "entries/2026/11/2026-11-20-1430-q3.md")
	id := firstItemID(t, a)
	if err := a.runDone(doneOptions{refs: []string{id}}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != strings.Replace(entry, "- [ ] Send the deck", "- [x] Send the deck done:2026-11-22", 1) {
		t.Errorf("after done %s:\n%s", id, data)
	}
	if !strings.Contains(stderr.String(), "done "+id+": Send the deck") {
		t.Errorf("stderr: %s", stderr)
	}
	if err := a.runDone(doneOptions{refs: []string{id}, undo: true}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != entry {
		t.Errorf("after done --undo %s:\n%s", id, data)
	}
}

// firstItemID reads the journal of a and returns its first item's short id.
func firstItemID(t *testing.T, a *app) string {
	t.Helper()
	j, _, err := journal.Open(a.dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := j.Read(journal.ReadOptions{Entries: journal.Everything})
	if err != nil {
		t.Fatal(err)
	}
	return s.Items()[0].ShortID()
}

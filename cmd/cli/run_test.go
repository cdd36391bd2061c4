package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
		Getenv: func(string) string { return "" }}
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

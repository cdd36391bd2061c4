package cli

import (
	"bytes"
	"context"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostileReads are the read commands, each run on the hostile journal.
var hostileReads = [][]string{
	{"list"}, {"list", "--json"}, {"list", "--paths"}, {"show", "last"}, {"show", "2026-11-17-0900-terminal"},
	{"people"}, {"people", "--json"}, {"person", "mallory"}, {"person", "dana"}, {"prep", "mallory"}, {"prep", "dana"},
	{"todo"}, {"todo", "--json"}, {"agenda", "mallory"}, {"review"}, {"review", "--json"}, {"map"},
	{"map", "--format", "mermaid"}, {"map", "--format", "dot"}, {"brag"}, {"stats"},
	{"export", "--format", "json"}, {"export", "--format", "csv"}, {"export", "--format", "markdown"},
	{"check"}, {"config"}, {"practices"}, {"agenda", "mallory", "--share"}, {"prep", "mallory", "--share"}, {"map", "--path", "mallory"},
	{"today", "--ics", "/dev/zero"}, {"inbox", "--ics", "$JOURNAL/people/pipe.md"},
}

// Bounds on every read of the hostile journal: a command that waits on
// a pipe or reads a device without end passes them and fails the test.
const (
	hostileTime   = 20 * time.Second
	hostileMemory = 300 << 20 // bytes of resident memory at the peak
)

// terminalUnsafe matches what must never reach a terminal: C0 controls
// but tab and newline, DEL, C1 controls, bidirectional overrides.
var terminalUnsafe = regexp.MustCompile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069]")

// TestHostileJournal runs every read command, as on a terminal and as in
// a pipe, on testdata/hostile (one file for each class of attack) plus
// what git cannot carry, made here: a file too large to read. Each must
// end in time and memory with 0 or 1, send no control character to the
// terminal, run no program the journal names, and still show the plain
// entry and person.
func TestHostileJournal(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every read command twice")
	}
	home := t.TempDir()
	dir := filepath.Join(home, "journal")
	copyTree(t, "testdata/hostile", dir)
	huge := "---\ndate: 2026-11-21T13:00:00-05:00\n---\n" + strings.Repeat("words ", 9<<20/6)
	if err := os.WriteFile(filepath.Join(dir, "entries/2026/11/2026-11-21-1300-huge.md"), []byte(huge), 0o600); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(home, "outside")
	addSpecialFiles(t, dir, outside)
	for _, tty := range []string{"1", ""} {
		for _, args := range hostileReads {
			name := strings.Join(args, " ")
			if tty != "" {
				name += " (terminal)"
			}
			t.Run(name, func(t *testing.T) {
				stdout, stderr := runBounded(t, home, dir, tty, args...)
				if tty != "" {
					if m := terminalUnsafe.FindString(stdout + stderr); m != "" {
						t.Errorf("%q reached the terminal:\n%s%s", m, stdout, stderr)
					}
				}
				if strings.Contains(stdout+stderr, "PWNED") && !strings.Contains(stdout+stderr, "]0;PWNED") {
					t.Errorf("PWNED shown unescaped:\n%s", stdout)
				}
				for cmd, want := range map[string]string{"list": "plain", "export": "plain", "people": "Dana Smith", "todo": "Send the plain"} {
					if args[0] == cmd && !strings.Contains(stdout, want) {
						t.Errorf("%s lost the well-formed %q:\n%s", name, want, stdout)
					}
				}
			})
		}
	}
	if _, err := os.Stat(filepath.Join(home, "PWNED")); err == nil {
		t.Errorf("the journal's lead.yaml ran a program")
	}
	if written, _ := os.ReadDir(outside); len(written) > 0 {
		t.Errorf("lead wrote outside the journal, through .lead: %v", written)
	}
}

// addSpecialFiles puts in dir what git cannot carry, or carries as a
// link: named pipes, a socket, links to a device, and .lead a link to the
// directory outside, made empty.
func addSpecialFiles(t *testing.T, dir, outside string) {
	t.Helper()
	if err := os.MkdirAll(outside, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, fifo := range []string{"entries/2026/11/2026-11-22-0900-fifo.md", "people/pipe.md", "templates/1on1.md", "reviews/2026-W47.md"} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, fifo)), 0o700)
		if err := syscall.Mkfifo(filepath.Join(dir, fifo), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"entries/2026/11/2026-11-22-1000-zero.md": "/dev/zero", "people/zero.md": "/dev/zero", ".lead": outside,
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	l, err := net.Listen("unix", filepath.Join(dir, "entries/2026/11/2026-11-22-1100-socket.md"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
}

// runBounded runs lead on dir with HOME at home, on a terminal when tty
// is "1", and fails the test when it takes longer than hostileTime, more
// memory than hostileMemory, or exits with other than 0 or 1.
func runBounded(t *testing.T, home, dir, tty string, args ...string) (stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hostileTime)
	defer cancel()
	args = slices.Clone(args)
	for i := range args {
		args[i] = strings.ReplaceAll(args[i], "$JOURNAL", dir)
	}
	cmd := exec.CommandContext(ctx, "lead", append([]string{"--dir", dir}, args...)...)
	cmd.Env = []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "TZ=America/New_York", "LEAD_TEST_NOW=2026-11-22T16:00:00-05:00",
		"LEAD_TEST_TTY=" + tty, "NO_COLOR=1", "EDITOR=true"}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("lead %v did not end within %v", args, hostileTime)
	}
	if code := cmd.ProcessState.ExitCode(); code != 0 && code != 1 {
		t.Errorf("lead %v: %v\n%s", args, err, errb.String())
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss*1024 > hostileMemory {
		t.Errorf("lead %v used %d MB at its peak", args, ru.Maxrss>>10)
	}
	t.Logf("%v, %d bytes out", took.Round(time.Millisecond), out.Len())
	return out.String(), errb.String()
}

// copyTree copies the regular files under src to dst, private.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o700)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}

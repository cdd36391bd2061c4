package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/lead-journal/lead/journal/synth"
	"github.com/rivo/uniseg"
)

// terminalJournal is a realistic journal of a year (generated, seed 7)
// with people and titles in wide characters and combining marks.
func terminalJournal(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "lead")
	end := time.Date(2026, 11, 22, 12, 0, 0, 0, time.Local)
	if err := synth.Generate(dir, synth.Options{Entries: 400, People: 25, Years: 1, End: end, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	runInProcess(t, dir, "people", "add", "山田 太郎", "--relation", "peer", "--org", "東京オフィスの開発チーム")
	runInProcess(t, dir, "people", "add", "Dana Smithson", "--relation", "peer", "--cadence", "7d..14d") // due, with a long status
	runInProcess(t, dir, "log", "-w", "dana-smithson", "-t", "Sync", "-m", "x", "--date", "2026-11-10 10:00")
	// Long names and names in wide characters, with trust between them: the map, stats, people and pickers.
	runInProcess(t, dir, "people", "add", longName, "--relation", "skip", "--stance", "neutral", "--influence", "high",
		"--trusts", "dana-smithson", "--cadence", "30d")
	runInProcess(t, dir, "people", "add", "李小龍 Bruce", "--relation", "peer", "--stance", "supporter", "--influence", "medium",
		"--trusts", "dana-smithson,bartholomew", "--cadence", "14d")
	runInProcess(t, dir, "people", "add", "김민준 Kim Min-jun Park Seo-jun", "--relation", "chief-of-staff", "--stance", "skeptic",
		"--trusts", "dana-smithson,李小龍-bruce,bartholomew,山田-太郎", "--cadence", "7d..14d")
	for i, with := range [][]string{{"-w", "bartholomew"}, {"-w", "李小龍"}, {"-w", "김민준"}, {"-w", "bartholomew", "-w", "李小龍", "-w", "김민준"}} {
		runInProcess(t, dir, append(append([]string{"log"}, with...), "-t", "Weekly sync", "-m", "x", "--date", fmt.Sprintf("2026-11-%02d 09:00", 2+5*i))...)
	}
	runInProcess(t, dir, "log", "-w", "山田", "-t", "Café de\u0301cisions 日本語の会議とロードマップの確認", "--date", "2026-11-21 10:00",
		"-m", "話し合った内容を全部ここに書いておくと長い行になります。", "--todo", "@山田-太郎 資料を共有する due:2026-11-24",
		"--todo", "Send the revised deck with the numbers from last quarter and the risks up front due:2026-11-20",
		"--win", "日本チームのリリースが予定より早く終わった", "--next", "ロードマップの優先順位を確認する")
	return dir
}

// longName is a name wider than any column it is shown in.
const longName = "Bartholomew Maximilian Featherstonehaugh-Cholmondeley"

// onTerminal runs lead in a pseudo-terminal of the given width and
// returns what it showed, without carriage returns.
func onTerminal(t *testing.T, dir string, cols uint16, color bool, args ...string) string {
	t.Helper()
	cmd := exec.Command("lead", append([]string{"--no-pager"}, args...)...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + filepath.Dir(dir), "LEAD_DIR=" + dir, "TERM=xterm-256color",
		"TZ=" + os.Getenv("TZ"), "LEAD_TEST_NOW=2026-11-22T16:00:00-05:00", "EDITOR=false"}
	if !color {
		cmd.Env = append(cmd.Env, "NO_COLOR=1")
	}
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: cols})
	if err != nil {
		t.Fatal(err)
	}
	defer tty.Close()
	var out bytes.Buffer
	_, err = io.Copy(&out, tty)
	if err != nil && !errors.Is(err, syscall.EIO) { // EIO: the other side closed
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("lead %v: %v\n%s", args, err, out.String())
	}
	return strings.ReplaceAll(out.String(), "\r", "")
}

// screen is a line as the terminal lays it out: one string per cell, ""
// for the second cell of a wide character, escapes left out.
func screen(line string) []string {
	var cellsOf []string
	for line != "" {
		if k := escapeEnd(line); k > 0 {
			line = line[k:]
			continue
		}
		end := strings.IndexByte(line, '\x1b')
		if end < 0 {
			end = len(line)
		}
		g := uniseg.NewGraphemes(line[:end])
		for g.Next() {
			cellsOf = append(cellsOf, g.Str())
			for range g.Width() - 1 {
				cellsOf = append(cellsOf, "")
			}
		}
		line = line[end:]
	}
	return cellsOf
}

// columnStarts are the cells at which a table's header starts a column.
func columnStarts(header []string) []int {
	var starts []int
	for i, c := range header {
		if c != " " && (i == 0 || i >= 2 && header[i-1] == " " && header[i-2] == " ") {
			starts = append(starts, i)
		}
	}
	return starts
}

// TestTerminalFits runs every command that prints for people on a real
// pseudo-terminal at 80 and 120 columns, with colour on and off: no line
// is wider than the terminal, and every row of a table starts each of its
// cells where the header starts the column, or leaves it empty.
func TestTerminalFits(t *testing.T) {
	if testing.Short() {
		t.Skip("runs lead many times")
	}
	dir := terminalJournal(t)
	documents := [][]string{{"review"}, {"prep", "山田"}, {"person", "山田"}, {"brag"}, {"show", "last"},
		{"stats"}, {"stats", "--people", "50"}, {"stats", "--weeks", "90"}, {"map"}, {"map", "--for", "김민준"}, {"map", "--for", "bartholomew"}, {"agenda", "山田"}}
	tables := [][]string{{"list"}, {"todo"}, {"todo", "--all"}, {"people"}, {"practices"}, {"config"}}
	for _, cols := range []uint16{80, 120} {
		for _, color := range []bool{false, true} {
			for _, args := range append(tables, documents...) {
				out := onTerminal(t, dir, cols, color, args...)
				if out == "" {
					t.Errorf("lead %v showed nothing", args)
				}
				if color != strings.Contains(out, "\x1b[") {
					t.Errorf("lead %v, colour %v: escapes %v", args, color, !color)
				}
				lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
				for n, line := range lines {
					if w := len(screen(line)); w > int(cols) {
						t.Errorf("lead %v at %d columns, colour %v: line %d is %d cells wide:\n%s", args, cols, color, n+1, w, line)
					}
				}
				switch args[0] {
				case "map":
					mapAligned(t, args, cols, color, lines)
				case "stats":
					statsAligned(t, args, cols, color, lines)
				}
				if len(args) > 2 || !isTable(args, tables) {
					continue
				}
				header := screen(lines[0])
				starts := columnStarts(header)
				for n, line := range lines[1:] {
					row := screen(line)
					if args[0] == "people" && len(row) > starts[len(starts)-1] && strings.Contains(strings.Join(row[starts[len(starts)-1]:], ""), ellipsis) {
						t.Errorf("lead people at %d columns, colour %v: the status is cut:\n%s", cols, color, line)
					}
					for k, c := range starts {
						end := len(row)
						if k+1 < len(starts) {
							end = min(end, starts[k+1]-tableGap)
						}
						if c >= end {
							continue
						}
						empty := strings.TrimSpace(strings.Join(row[c:end], "")) == ""
						if !empty && (row[c] == " " || c > 0 && row[c-1] != " ") {
							t.Errorf("lead %v at %d columns, colour %v: row %d does not start column %q at cell %d:\n%s\n%s",
								args, cols, color, n+1, strings.TrimSpace(strings.Join(header[c:], "")), c, lines[0], line)
							break
						}
					}
				}
			}
		}
	}
}

// lastSeenText is how lead map says when someone was last met.
var lastSeenText = regexp.MustCompile(`(\d+d ago|today|yesterday|never met)(, overdue)?$`)

// mapAligned checks that on every line of a person on the map, the last
// contact starts at one cell, and that the long name was cut.
func mapAligned(t *testing.T, args []string, cols uint16, color bool, lines []string) {
	t.Helper()
	start, cut := -1, false
	for _, line := range lines {
		plain := strings.Join(screen(line), "")
		if !strings.HasPrefix(plain, "  ") || strings.HasPrefix(plain, "   ") {
			continue // a heading, or a line of trust
		}
		cut = cut || strings.HasPrefix(plain, "  Bartholomew Maxi") && !strings.Contains(plain, longName)
		m := lastSeenText.FindStringIndex(plain)
		if m == nil {
			t.Errorf("lead %v at %d columns, colour %v: no last contact in %q", args, cols, color, plain)
			continue
		}
		at := len(screen(plain[:m[0]]))
		if start < 0 {
			start = at
		}
		if at != start {
			t.Errorf("lead %v at %d columns, colour %v: the last contact starts at cell %d, not %d:\n%s", args, cols, color, at, start, plain)
		}
	}
	if !cut && args[len(args)-1] == "map" {
		t.Errorf("lead %v at %d columns, colour %v: %s is not cut:\n%s", args, cols, color, longName, strings.Join(lines, "\n"))
	}
}

// statsAligned checks that every row of sparklines in lead stats takes as
// many cells as the others, so that the sparklines line up, and that
// every person is shown.
func statsAligned(t *testing.T, args []string, cols uint16, color bool, lines []string) {
	t.Helper()
	width := -1
	for _, line := range lines[1:] {
		row := screen(line)
		if len(row) == 0 || strings.Contains(line, "… and ") {
			continue
		}
		if width < 0 {
			width = len(row)
		}
		if len(row) != width {
			t.Errorf("lead %v at %d columns, colour %v: a row of %d cells among rows of %d:\n%s", args, cols, color, len(row), width, strings.Join(lines, "\n"))
			return
		}
	}
	if len(args) > 1 && args[1] == "--people" {
		for _, who := range []string{"李小龍 Bruce", "김민준 ", "Bartholomew "} {
			if !strings.Contains(strings.Join(lines, "\n"), who) {
				t.Errorf("lead %v: %s is not shown:\n%s", args, who, strings.Join(lines, "\n"))
			}
		}
	}
}

// TestTerminalDocuments runs person, prep and show on a real
// pseudo-terminal at 80 columns, with colour on and off, on notes and
// entries written in Markdown with long titles and a long address: no
// Markdown markup is left, the rows of a timeline keep their columns
// (the kind and the title start in the same cell on every row, the ids
// too), no line is wider than the terminal but one holding an address
// longer than a line, and show gives that address whole.
func TestTerminalDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("runs lead on a terminal")
	}
	dir := filepath.Join(t.TempDir(), "lead")
	const url = "https://example.com/a/very/long/path/to/the/planning/document/that/does/not/fit/and/ends/here.html"
	runInProcess(t, dir, "people", "add", "Priya Raman", "--relation", "boss",
		"-m", "**Very** direct. Prefers `async` updates. See [wiki](https://wiki.example.com/priya) and *ask* first.")
	runInProcess(t, dir, "people", "add", "Dana Smith", "--relation", "peer")
	for i := range 6 {
		runInProcess(t, dir, "log", "-w", "priya", "-k", "1on1", "-t", fmt.Sprintf("Weekly one-on-one number %d covering career growth, project status and feedback", 20+i),
			"-m", "Talked about **growth**.", "--date", fmt.Sprintf("2026-11-%02d 09:00", 10+i))
	}
	runInProcess(t, dir, "log", "-w", "priya", "-w", "dana", "-t", "Quarterly planning for the platform team, including the database migration and the hiring plan",
		"-m", "Walked **Dana** through the draft, see <"+url+"> and the `plan`.", "--feedback", "Dana: **lead** with the decision",
		"--date", "2026-11-20 15:00")
	for _, color := range []bool{false, true} {
		for _, args := range [][]string{{"person", "priya"}, {"person", "dana"}, {"prep", "dana"}, {"prep", "priya"}, {"show", "quarterly"}} {
			out := onTerminal(t, dir, 80, color, args...)
			if strings.Contains(out, "**") || strings.Contains(out, "`") || strings.Contains(out, "](") || strings.Contains(out, "## ") {
				t.Errorf("lead %v, colour %v, shows Markdown:\n%s", args, color, out)
			}
			if args[0] == "show" && !strings.Contains(out, url) {
				t.Errorf("lead %v, colour %v, does not show %s whole:\n%s", args, color, url, out)
			}
			var timeline [][]string // the rows under Timeline
			inTimeline := false
			for n, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				cellsOf := screen(line)
				if w := len(cellsOf); w > 80 && (args[0] != "show" || !strings.Contains(line, url)) {
					t.Errorf("lead %v, colour %v: line %d is %d cells wide:\n%s", args, color, n+1, w, line)
				}
				if inTimeline {
					timeline = append(timeline, cellsOf)
				}
				inTimeline = inTimeline || strings.Join(cellsOf, "") == "Timeline"
			}
			if args[1] == "priya" && args[0] == "person" && len(timeline) != 7 {
				t.Errorf("lead %v, colour %v: %d rows in the timeline:\n%s", args, color, len(timeline), out)
			}
			for _, row := range timeline {
				if len(row) < 26 || row[13] != " " || row[14] == " " || row[24] != " " || row[25] == " " || idStart(row) != idStart(timeline[0]) {
					t.Errorf("lead %v, colour %v: a timeline row out of its columns:\n%s", args, color, strings.Join(row, ""))
				}
			}
		}
	}
}

// idStart is the cell at which the last word of a row starts.
func idStart(row []string) int {
	i := len(row)
	for i > 0 && row[i-1] == " " {
		i--
	}
	for i > 0 && row[i-1] != " " {
		i--
	}
	return i
}

// TestShownRefsResolve: every reference lead list shows on a terminal
// finds its own entry, with or without a filter, and says its date and
// time.
func TestShownRefsResolve(t *testing.T) {
	dir := terminalJournal(t)
	for _, args := range [][]string{{"list", "--wide"}, {"list", "--wide", "--kind", "1on1", "--limit", "30"}} {
		lines := strings.Split(strings.TrimSpace(onTerminal(t, dir, 200, false, args...)), "\n")[1:]
		seen := map[string]bool{}
		for _, line := range lines {
			fields := strings.Fields(line)
			ref := fields[0]
			date := ref[:len("2006-01-02")] + "T" + ref[11:13] + ":" + ref[13:15] // 2026-11-20-1000: 2026-11-20T10:00
			if seen[ref] {
				t.Errorf("lead %v shows %s twice", args, ref)
			}
			seen[ref] = true
			if out := runInProcess(t, dir, "show", ref); !strings.Contains(out, "date: "+date) {
				t.Errorf("lead %v shows %s for an entry of %s; lead show %s gives:\n%s", args, ref, date, ref, out)
			}
		}
	}
}

func isTable(args []string, tables [][]string) bool {
	for _, tb := range tables {
		if strings.Join(tb, " ") == strings.Join(args, " ") {
			return true
		}
	}
	return false
}

// TestPager: on a terminal long output goes through $LEAD_PAGER, then
// $PAGER; --no-pager, PAGER=cat, LEAD_PAGER set empty and a pipe write it
// directly.
func TestPager(t *testing.T) {
	dir := t.TempDir()
	runInProcess(t, dir, "log", "-w", "Dana Smith", "-t", "One", "-m", "first")
	paged := func(out string) bool { return strings.Contains(out, "PAGED: ") }
	run := func(env []string, args ...string) string {
		t.Helper()
		cmd := exec.Command("lead", append([]string{"--dir", dir}, args...)...)
		cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "NO_COLOR=1", "TERM=xterm"}, env...)
		tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
		if err != nil {
			t.Fatal(err)
		}
		defer tty.Close()
		defer time.AfterFunc(time.Minute, func() { cmd.Process.Kill() }).Stop() // a pager waiting for keys
		var out bytes.Buffer
		io.Copy(&out, tty)
		if err := cmd.Wait(); err != nil {
			t.Fatalf("lead %v: %v\n%s", args, err, out.String())
		}
		return out.String()
	}
	const sed = "sed 's/^/PAGED: /'"
	if out := run([]string{"LEAD_PAGER=" + sed, "PAGER=false"}, "list"); !paged(out) || !strings.Contains(out, "One") {
		t.Errorf("LEAD_PAGER is not used:\n%s", out)
	}
	if out := run([]string{"PAGER=" + sed}, "people"); !paged(out) {
		t.Errorf("PAGER is not used:\n%s", out)
	}
	if out := run([]string{"PAGER=" + sed}, "list", "--no-pager"); paged(out) || !strings.Contains(out, "One") {
		t.Errorf("--no-pager pages:\n%s", out)
	}
	if _, err := exec.LookPath("less"); err == nil {
		if out := run(nil, "list"); !strings.Contains(out, "One") { // less -F quits: it fits a screen
			t.Errorf("less -FRX:\n%s", out)
		}
	}
	if out := run([]string{"PAGER=cat"}, "list"); paged(out) || !strings.Contains(out, "One") {
		t.Errorf("PAGER=cat:\n%s", out)
	}
	if out := run([]string{"LEAD_PAGER=", "PAGER=" + sed}, "list"); paged(out) || !strings.Contains(out, "One") {
		t.Errorf("LEAD_PAGER set empty pages:\n%s", out)
	}
	if out := run([]string{"PAGER=" + sed}, "log", "-w", "dana", "-m", "second"); paged(out) {
		t.Errorf("lead log pages:\n%s", out)
	}
	cmd := exec.Command("lead", "--dir", dir, "list")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "PAGER=" + sed}
	if out, err := cmd.Output(); err != nil || paged(string(out)) {
		t.Errorf("piped output pages (%v):\n%s", err, out)
	}
}

// TestPickerFzf: on a terminal with fzf installed, lead edit without a
// reference lets the person pick an entry in fzf, by typing part of it.
func TestPickerFzf(t *testing.T) {
	if _, err := exec.LookPath("fzf"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI installs fzf")
		}
		t.Skip("fzf is not installed")
	}
	dir := t.TempDir()
	runInProcess(t, dir, "log", "-w", "Dana Smith", "-t", "Q3 review", "-m", "first", "--date", "2026-11-20 10:00")
	runInProcess(t, dir, "log", "-w", "Lee Wong", "-t", "Budget sync", "-m", "second", "--date", "2026-11-21 10:00")
	picked := filepath.Join(dir, "picked")
	cmd := exec.Command("lead", "--dir", dir, "edit")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "TERM=xterm", "NO_COLOR=1", "EDITOR=printf %s >" + shellQuote(picked)}
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatal(err)
	}
	defer tty.Close()
	defer time.AfterFunc(time.Minute, func() { cmd.Process.Kill() }).Stop()
	shown := make(chan string)
	go func() {
		var out bytes.Buffer
		buf := make([]byte, 4096)
		prompted, answered := false, 0
		for {
			n, err := tty.Read(buf)
			out.Write(buf[:n])
			for ; answered < strings.Count(out.String(), "\x1b[6n"); answered++ {
				tty.Write([]byte("\x1b[1;1R")) // where the cursor is, as a terminal answers
			}
			if !prompted && strings.Contains(out.String(), "2/2") {
				prompted = true
				tty.Write([]byte("q3 rev"))
				time.Sleep(300 * time.Millisecond)
				tty.Write([]byte("\r"))
			}
			if err != nil {
				shown <- out.String()
				return
			}
		}
	}()
	out := <-shown
	if err := cmd.Wait(); err != nil {
		t.Fatalf("lead edit: %v\n%s", err, out)
	}
	got, err := os.ReadFile(picked)
	if err != nil || !strings.HasSuffix(string(got), "-q3-review.md") {
		t.Errorf("the editor opened %q (%v); the screen:\n%s", got, err, out)
	}
	if !strings.Contains(out, "with: [") || strings.Contains(out, "---") { // the preview is rendered: no front matter fence
		t.Errorf("the preview shows the entry as Markdown, or not at all:\n%s", out)
	}
}

// TestPickerRows: lead's own picker (no fzf on PATH) shows each candidate
// on one line cut to the width, no more than fit the terminal's height
// with the prompt, and the columns of people in cells.
func TestPickerRows(t *testing.T) {
	dir := terminalJournal(t)
	lead, err := exec.LookPath("lead")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args       []string
		cols, rows uint16
	}{{[]string{"show"}, 80, 24}, {[]string{"prep"}, 80, 24}, {[]string{"show"}, 60, 10}} {
		cmd := exec.Command(lead, append([]string{"--no-pager"}, c.args...)...)
		cmd.Env = []string{"PATH=" + filepath.Dir(lead), "HOME=" + filepath.Dir(dir), "LEAD_DIR=" + dir, "TERM=xterm", "NO_COLOR=1",
			"LEAD_TEST_NOW=2026-11-22T16:00:00-05:00"}
		tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: c.rows, Cols: c.cols})
		if err != nil {
			t.Fatal(err)
		}
		stop := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
		var out bytes.Buffer
		buf := make([]byte, 4096)
		prompt := -1
		for {
			n, err := tty.Read(buf)
			out.Write(buf[:n])
			if prompt < 0 {
				if prompt = strings.Index(out.String(), "Choose a number"); prompt >= 0 {
					tty.Write([]byte("1\r"))
				}
			}
			if err != nil {
				break
			}
		}
		stop.Stop()
		tty.Close()
		if err := cmd.Wait(); err != nil || prompt < 0 {
			t.Fatalf("lead %v: %v\n%s", c.args, err, out.String())
		}
		listed := strings.Split(strings.TrimSuffix(strings.ReplaceAll(out.String()[:prompt], "\r", ""), "\n"), "\n")
		if len(listed)+1 > int(c.rows) {
			t.Errorf("lead %v at %d lines: %d lines and the prompt:\n%s", c.args, c.rows, len(listed), out.String()[:prompt])
		}
		wide := false
		for _, line := range listed {
			if strings.HasPrefix(line, "     … and ") {
				continue
			}
			row := screen(line)
			wide = wide || strings.Contains(line, "李小龍")
			if len(row) > int(c.cols) {
				t.Errorf("lead %v at %d columns: a row of %d cells:\n%s", c.args, c.cols, len(row), line)
			}
			if c.args[0] == "prep" && len(row) > 31 && !strings.Contains(line, longName[:20]) && !strings.Contains(line, "김민준") &&
				(row[29] != " " || row[30] == " ") {
				t.Errorf("lead prep: the relation does not start at cell 30:\n%s", line)
			}
		}
		if c.args[0] == "prep" && !wide {
			t.Errorf("lead prep lists no name in wide characters:\n%s", out.String()[:prompt])
		}
	}
}

// TestTruncateColoured: a cut keeps to its width in cells whatever the
// escapes, wide characters and combining marks in the text.
func TestTruncateColoured(t *testing.T) {
	a := &app{env: &Env{StdoutTTY: true, LookupEnv: func(string) (string, bool) { return "", false }}}
	for _, s := range []string{
		a.paint("id", "abc") + "defgh",
		a.paint("overdue", "2026-11-20") + "  me  " + a.paint("bold", "日本語の会議") + " Café de\u0301cisions",
	} {
		for w := 1; w <= cells(s)+1; w++ {
			if got := truncate(s, w); cells(got) > w || w >= cells(s) && got != s {
				t.Errorf("truncate(%q, %d) = %q, %d cells", s, w, got, cells(got))
			}
		}
	}
}

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// shareJournal is a small journal with a win, feedback and a project.
var shareJournal = map[string]string{
	"people/dana-smith.md":                    "---\nname: Dana Smith\nrelation: boss\n---\n",
	"people/lee-wong.md":                      "---\nname: Lee Wong\nrelation: peer\ntrusts: [dana-smith]\n---\n",
	"entries/2026/10/2026-10-27-1000-plan.md": "---\ndate: 2026-10-27T10:00:00Z\nkind: 1on1\ntitle: Q3 plan review\nwith: [dana-smith]\nproject: q3\n---\n## Feedback\n- Dana: lead with the decision you need.\n",
	"entries/2026/11/2026-11-20-0900-ship.md": "---\ndate: 2026-11-20T09:00:00Z\nkind: meeting\ntitle: Q3 ship\nwith: [dana-smith, lee-wong]\nproject: q3\n---\n## Wins\n- Shipped the Q3 plan.\n",
}

// shareNow is the fixed clock of these tests: a Sunday in 2026-W47.
var shareNow = time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC)

// TestRunBrag: lead brag's run function writes the brag document of the
// window it is given, up to the day of its clock, and refuses a bad date.
func TestRunBrag(t *testing.T) {
	a, stdout, stderr := testApp(t, shareNow, shareJournal)
	if err := a.runBrag(bragOptions{since: "2026-10-01", format: "markdown"}); err != nil {
		t.Fatal(err)
	}
	out := stdout.String()
	for _, want := range []string{"# What I did, 1 October 2026 to 22 November 2026", "2 recorded interactions with 2 people; 1 win; 1 piece of feedback.",
		"- Shipped the Q3 plan. (q3; 20 Nov 2026)", "- lead with the decision you need. (27 Oct 2026)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the brag document lacks %q:\n%s", want, out)
		}
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr: %s", stderr)
	}
	stdout.Reset()
	if err := a.runBrag(bragOptions{since: "2026-11-01", until: "2026-11-19", format: "markdown"}); err != nil || strings.Contains(stdout.String(), "Shipped") {
		t.Errorf("--until 2026-11-19 keeps a win of 20 Nov: %v\n%s", err, stdout)
	}
	if err := a.runBrag(bragOptions{since: "someday"}); err == nil || !strings.Contains(err.Error(), "--since") {
		t.Errorf("--since someday: %v", err)
	}
}

// TestRunExport: lead export's run function writes the entries its
// filter keeps, oldest first, in the format it is given, and refuses an
// unknown format.
func TestRunExport(t *testing.T) {
	a, stdout, _ := testApp(t, shareNow, shareJournal)
	if err := a.runExport(exportOptions{filter: filterFlags{with: []string{"lee"}}, format: "csv"}); err != nil {
		t.Fatal(err)
	}
	want := "id,date,kind,title,with,project,tags,practices,path,body\n" +
		"2026-11-20-0900-ship,2026-11-20T09:00:00Z,meeting,Q3 ship,dana-smith;lee-wong,q3,,,entries/2026/11/2026-11-20-0900-ship.md,\"## Wins\n- Shipped the Q3 plan.\n\"\n"
	if got := stdout.String(); got != want {
		t.Errorf("csv export:\n%s\nwant:\n%s", got, want)
	}
	stdout.Reset()
	if err := a.runExport(exportOptions{format: "markdown"}); err != nil {
		t.Fatal(err)
	}
	out := stdout.String()
	if first, second := strings.Index(out, "# 2026-10-27 10:00 — Q3 plan review"), strings.Index(out, "# 2026-11-20 09:00 — Q3 ship"); first < 0 || second < first || !strings.Contains(out, "### Wins\n") {
		t.Errorf("markdown export, oldest first with headings moved down:\n%s", out)
	}
	if err := a.runExport(exportOptions{format: "yaml"}); err == nil || !strings.Contains(err.Error(), `--format "yaml"`) {
		t.Errorf("--format yaml: %v", err)
	}
}

// TestRunImportJrnl: lead import jrnl's run function adds a jrnl entry as
// a note, prints its path, and adds nothing the second time.
func TestRunImportJrnl(t *testing.T) {
	a, stdout, stderr := testApp(t, shareNow, shareJournal)
	file := filepath.Join(t.TempDir(), "journal.txt")
	if err := os.WriteFile(file, []byte("[2026-11-21 10:15] Talked budget with @dana-smith.\nShe agreed.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := a.runImportJrnl(importJrnlOptions{file: file}); err != nil {
		t.Fatal(err)
	}
	if got := stdout.String(); !strings.HasSuffix(got, filepath.FromSlash("entries/2026/11/2026-11-21-1015-talked-budget-with-dana-smith.md")+"\n") || strings.Count(got, "\n") != 1 {
		t.Errorf("stdout: %q", got)
	}
	if !strings.Contains(stderr.String(), "imported 1 entry from "+file+"; 0 already in the journal") {
		t.Errorf("stderr: %s", stderr)
	}
	stdout.Reset()
	stderr.Reset()
	if err := a.runImportJrnl(importJrnlOptions{file: file}); err != nil || stdout.Len() > 0 || !strings.Contains(stderr.String(), "imported 0 entries from "+file+"; 1 already in the journal") {
		t.Errorf("a second import: %v\nstdout: %s\nstderr: %s", err, stdout, stderr)
	}
	if err := a.runImportJrnl(importJrnlOptions{file: filepath.Join(t.TempDir(), "missing.txt")}); err == nil {
		t.Error("a missing file is not refused")
	}
}

// TestRunMap: lead map's run function draws the stakeholder map as of
// its clock, by direction with who trusts whom, as text or Mermaid, and
// refuses an unknown format or person.
func TestRunMap(t *testing.T) {
	a, stdout, stderr := testApp(t, shareNow, shareJournal)
	if err := a.runMap(mapOptions{format: "text"}); err != nil {
		t.Fatal(err)
	}
	out := stdout.String()
	for _, want := range []string{"UP\n  Dana Smith ", "2d ago\n      trusted by Lee Wong\n", "SIDE\n  Lee Wong ", "      trusts Dana Smith\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("the map lacks %q:\n%s", want, out)
		}
	}
	stdout.Reset()
	if err := a.runMap(mapOptions{format: "mermaid"}); err != nil || !strings.Contains(stdout.String(), `n2 -->|"trusts"| n1`) {
		t.Errorf("--format mermaid: %v\n%s", err, stdout)
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr: %s", stderr)
	}
	if err := a.runMap(mapOptions{format: "svg"}); err == nil || !strings.Contains(err.Error(), `--format "svg"`) {
		t.Errorf("--format svg: %v", err)
	}
	if err := a.runMap(mapOptions{format: "text", focus: "nobody"}); err == nil || !strings.Contains(err.Error(), "--for") {
		t.Errorf("--for nobody: %v", err)
	}
}

// TestRunConfig: lead config's run function prints each setting with its
// source, as its environment and the journal's lead.yaml give them.
func TestRunConfig(t *testing.T) {
	a, stdout, stderr := testApp(t, shareNow, map[string]string{"lead.yaml": "default_time: \"09:30\"\n"})
	xdg := t.TempDir()
	a.env.LookupEnv = func(key string) (string, bool) {
		v, ok := map[string]string{"XDG_CONFIG_HOME": xdg, "EDITOR": "nano"}[key]
		return v, ok
	}
	if err := a.runConfig(configOptions{}); err != nil {
		t.Fatal(err)
	}
	out := stdout.String()
	for _, want := range []string{"dir\t" + a.dir + "\t--dir\n", "user_config\t" + filepath.Join(xdg, "lead", "config.yaml") + "\t",
		"editor\tnano\tEDITOR\n", "default_time\t09:30\t" + filepath.Join(a.dir, "lead.yaml") + "\n", "git.autocommit\tfalse\tdefault\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("config lacks %q:\n%s", want, out)
		}
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr: %s", stderr)
	}
	stdout.Reset()
	if err := a.runConfig(configOptions{json: true}); err != nil || !strings.Contains(stdout.String(), `"key": "editor",`+"\n    \"value\": \"nano\",\n    \"source\": \"EDITOR\"") {
		t.Errorf("--json: %v\n%s", err, stdout)
	}
}

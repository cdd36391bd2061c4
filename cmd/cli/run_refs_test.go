package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// refsNow is the fixed clock of the run functions tested here.
var refsNow = time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC)

// TestRunShow: lead show's run function finds an entry by a prefix of
// the part after its date and writes its file, as it is on disk, to the
// stream it is given.
func TestRunShow(t *testing.T) {
	entry := "---\ndate: 2026-11-20T14:30:00Z\nkind: 1on1\ntitle: Q3\n---\nNotes kept as written.\n"
	a, stdout, _ := testApp(t, refsNow, map[string]string{
		"entries/2026/11/2026-11-20-1430-q3-review.md": entry,
	})
	if err := a.runShow(showOptions{ref: "q3"}); err != nil {
		t.Fatal(err)
	}
	if stdout.String() != entry {
		t.Errorf("show q3:\n%s", stdout)
	}
	if err := a.runShow(showOptions{ref: "nothing-like-it"}); err == nil {
		t.Error("show of an entry that is not there does not fail")
	}
}

// TestRunEdit: lead edit's run function opens the entry in the editor
// the environment names; an entry left unreadable fails, is named on the
// stream it is given, and stays as the editor left it.
func TestRunEdit(t *testing.T) {
	a, _, stderr := testApp(t, refsNow, map[string]string{
		"entries/2026/11/2026-11-20-1430-q3.md": "---\ndate: 2026-11-20T14:30:00Z\n---\n",
	})
	path := filepath.Join(a.dir, "entries/2026/11/2026-11-20-1430-q3.md")
	editor := "printf '%s' \"---\ndate: [\n---\n\" >"
	a.env.LookupEnv = func(k string) (string, bool) {
		return editor, k == "LEAD_EDITOR"
	}
	if err := a.runEdit(editOptions{ref: "q3"}); err == nil {
		t.Error("an entry left unreadable does not fail")
	}
	if !strings.Contains(stderr.String(), "2026-11-20-1430-q3.md") || !strings.Contains(stderr.String(), "saved as you left it") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if data, _ := os.ReadFile(path); string(data) != "---\ndate: [\n---\n" {
		t.Errorf("the file is not as the editor left it:\n%s", data)
	}
	editor = "true"
	if err := os.WriteFile(path, []byte("---\ndate: 2026-11-20T14:30:00Z\n---\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := a.runEdit(editOptions{ref: "q3"}); err != nil {
		t.Errorf("an entry left readable: %v", err)
	}
}

// TestRunPerson: lead person's run function prints a person's profile,
// with the last contact counted from the clock it is given, and as many
// of the timeline's entries as the limit allows.
func TestRunPerson(t *testing.T) {
	a, stdout, _ := testApp(t, refsNow, map[string]string{
		"people/dana-smith.md":                     "---\nname: Dana Smith\nrelation: boss\n---\n",
		"entries/2026/11/2026-11-20-1430-q3.md":    "---\ndate: 2026-11-20T14:30:00Z\nkind: 1on1\ntitle: Q3\nwith: [dana-smith]\n---\n",
		"entries/2026/11/2026-11-09-0900-plans.md": "---\ndate: 2026-11-09T09:00:00Z\nkind: 1on1\ntitle: Plans\nwith: [dana-smith]\n---\n",
	})
	if err := a.runPerson(personOptions{name: "dana", limit: 1}); err != nil {
		t.Fatal(err)
	}
	out := stdout.String()
	for _, want := range []string{"Dana Smith — boss", "last contact: 2d ago (2026-11-20, Q3)", "Timeline", "2026-11-20  1on1"} {
		if !strings.Contains(out, want) {
			t.Errorf("person dana lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Plans") {
		t.Errorf("--limit 1 shows a second entry:\n%s", out)
	}
}

// TestRunPrep: lead prep's run function briefs on a person as of the
// clock it is given: what each owes, with how long theirs has waited, and
// the agenda queued; with share, only what is safe to share.
func TestRunPrep(t *testing.T) {
	a, stdout, _ := testApp(t, refsNow, map[string]string{
		"people/dana-smith.md": "---\nname: Dana Smith\nrelation: boss\n---\n## Agenda\n- [ ] Raise the hiring plan\n",
		"entries/2026/11/2026-11-20-1430-q3.md": "---\ndate: 2026-11-20T14:30:00Z\nkind: 1on1\ntitle: Q3\nwith: [dana-smith]\n---\n" +
			"Private notes.\n\n- [ ] Send the deck\n- [ ] @dana-smith Review the plan\n",
	})
	if err := a.runPrep(prepOptions{name: "dana"}); err != nil {
		t.Fatal(err)
	}
	out := stdout.String()
	for _, want := range []string{"I owe Dana Smith", "- Send the deck", "Dana Smith owes me", "Review the plan (waiting 2d)", "Agenda", "- Raise the hiring plan"} {
		if !strings.Contains(out, want) {
			t.Errorf("prep dana lacks %q:\n%s", want, out)
		}
	}
	stdout.Reset()
	if err := a.runPrep(prepOptions{name: "dana", share: true}); err != nil {
		t.Fatal(err)
	}
	if out := stdout.String(); !strings.Contains(out, "Raise the hiring plan") || strings.Contains(out, "Private notes") {
		t.Errorf("prep dana --share:\n%s", out)
	}
}

// TestRunAgenda: lead agenda's run function lists what is queued for a
// person to the stream it is given, says on stderr when nothing is, and
// refuses share without a person.
func TestRunAgenda(t *testing.T) {
	a, stdout, stderr := testApp(t, refsNow, map[string]string{
		"people/dana-smith.md": "---\nname: Dana Smith\nrelation: boss\n---\n## Agenda\n- [ ] Raise the hiring plan\n",
		"people/lee-wong.md":   "---\nname: Lee Wong\nrelation: peer\n---\n",
	})
	if err := a.runAgenda(agendaOptions{name: "dana"}); err != nil {
		t.Fatal(err)
	}
	if out := stdout.String(); strings.Count(out, "\n") != 1 || !strings.Contains(out, "\tme\tRaise the hiring plan\t") {
		t.Errorf("agenda dana:\n%s", out)
	}
	stdout.Reset()
	if err := a.runAgenda(agendaOptions{name: "lee"}); err != nil || stdout.Len() > 0 || !strings.Contains(stderr.String(), "nothing queued for Lee Wong") {
		t.Errorf("agenda lee: %v\nstdout:\n%s\nstderr:\n%s", err, stdout, stderr)
	}
	if err := a.runAgenda(agendaOptions{share: true}); err == nil {
		t.Error("--share without a person is not refused")
	}
}

// TestRunAgendaAdd: lead agenda add's run function appends the item,
// dated by the clock it is given, under "## Agenda" in the person's file
// and prints its id.
func TestRunAgendaAdd(t *testing.T) {
	person := "---\nname: Dana Smith\nrelation: boss\n---\nNotes.\n"
	a, stdout, _ := testApp(t, refsNow, map[string]string{"people/dana-smith.md": person})
	if err := a.runAgendaAdd(agendaAddOptions{name: "dana", words: []string{"Discuss  the", "offsite"}}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(a.dir, "people/dana-smith.md"))
	if want := person + "\n## Agenda\n- [ ] Discuss the offsite added:2026-11-22\n"; string(data) != want {
		t.Errorf("the file after agenda add:\n%q\nwant\n%q", data, want)
	}
	if out := stdout.String(); len(out) != 8 || !strings.HasSuffix(out, "\n") {
		t.Errorf("stdout is not the item's id: %q", out)
	}
}

// TestRunPractices: lead practices' run function prints the practice
// vocabulary, whom each is for and what it means, to the stream it is
// given.
func TestRunPractices(t *testing.T) {
	a, stdout, _ := testApp(t, refsNow, nil)
	if err := a.runPractices(practicesOptions{}); err != nil {
		t.Fatal(err)
	}
	out := stdout.String()
	for _, want := range []string{"previewed\tboss,skip\tPreviewed results", "thanked\tanyone\t"} {
		if !strings.Contains(out, want) {
			t.Errorf("practices lacks %q:\n%s", want, out)
		}
	}
}

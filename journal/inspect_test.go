package journal

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestInspectSaysWhatCheckSays: for every file of a journal with a
// problem of each kind, Inspect of its text finds exactly what Check
// finds in that file, word for word and line for line.
func TestInspectSaysWhatCheckSays(t *testing.T) {
	j := testJournal(t)
	writeFile(t, j, "people/dana-smith.md", "---\nname: Dana Smith\nrelation: boss\ntrusts: [lee-wong, nobody]\n---\n## Agenda\n- [ ] @ghost owes this\n")
	writeFile(t, j, "people/dana-smyth.md", "---\nname: Dana Smyth\nrelation: wizard\n---\n")
	writeFile(t, j, "people/lee-wong.md", "---\nname: Lee Wong\n---\n")
	writeFile(t, j, "entries/2026/11/2026-11-20-1000-sync.md",
		"---\ndate: 2026-11-20T10:00:00-05:00\nkind: standup\nwith: [dana-smith, sam]\npractices: [previewed, bragged]\n---\n## Commitments\n- [ ] Send it due:fri\n- [ ] @nobody owes me\n")
	writeFile(t, j, "entries/2026/10/2026-11-20-1000-sync.md", "---\ndate: 2026-11-20T10:00:00-05:00\nkind: note\n---\n")
	writeFile(t, j, "entries/2026/11/2026-11-21-0900-broken.md", "---\ndate: [\n---\n")
	writeFile(t, j, "entries/2026/11/2026-11-21-1000-clean.md", "---\ndate: 2026-11-21T10:00:00-05:00\nkind: 1on1\nwith: [dana-smith]\n---\nFine.\n")
	writeFile(t, j, "notes/stray.md", "# not an entry\n")

	s := read(j, Everything)
	byFile := map[string][]Finding{}
	for _, f := range s.Check() {
		byFile[f.Path] = append(byFile[f.Path], f)
	}
	for _, rel := range []string{
		"people/dana-smith.md", "people/dana-smyth.md", "people/lee-wong.md",
		"entries/2026/11/2026-11-20-1000-sync.md", "entries/2026/10/2026-11-20-1000-sync.md",
		"entries/2026/11/2026-11-21-0900-broken.md", "entries/2026/11/2026-11-21-1000-clean.md", "notes/stray.md",
	} {
		data, err := os.ReadFile(j.Abs(rel))
		if err != nil {
			t.Fatal(err)
		}
		got := s.Inspect(rel, data).Findings
		if want := byFile[j.Abs(rel)]; !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("%s:\n got %s\nwant %s", rel, show(got), show(want))
		}
	}
	if n := len(byFile[j.Abs("entries/2026/11/2026-11-20-1000-sync.md")]); n < 6 {
		t.Errorf("the entry with every problem has %d findings", n)
	}
}

// TestInspectReadsUnsavedText: the text given is what is checked, and a
// draft is checked as lead log will read it.
func TestInspectReadsUnsavedText(t *testing.T) {
	j := testJournal(t)
	writeFile(t, j, "people/dana-smith.md", "---\nname: Dana Smith\nrelation: boss\n---\n")
	s := read(j, Everything)
	text := "---\ndate: 2026-11-20T10:00:00-05:00\nkind: 1on1\nwith: [dana-smith, Lee Wong]\n---\n- [ ] @dana-smith sends it due:fri\n"
	in := s.Inspect("entries/2026/11/2026-11-20-1000-new.md", []byte(text))
	if in.Entry == nil || len(in.Entry.Items) != 1 || in.Entry.Items[0].Owner != "dana-smith" {
		t.Fatalf("entry read: %+v", in.Entry)
	}
	var subjects []string
	for _, f := range in.Findings {
		subjects = append(subjects, f.Subject)
	}
	if strings.Join(subjects, " ") != "lee wong due:fri" {
		t.Errorf("findings of an entry: %s", show(in.Findings))
	}
	if in := s.Inspect(DraftsDir+"/lead-123.md", []byte(text)); len(in.Findings) != 0 {
		t.Errorf("a draft is read as lead log reads it: %s", show(in.Findings))
	}
}

func show(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("\n  " + f.String() + " [" + f.Subject + "]")
	}
	return b.String()
}

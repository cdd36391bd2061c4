package diagram

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// hostile has names that break naive diagram writers: quotes, brackets,
// arrows, hashes, HTML, backslashes and letters outside ASCII.
var hostile = Graph{
	Title:  `Stakeholders "Q3" #1`,
	Groups: []string{"up", `side "peers"`},
	Nodes: []Node{
		{Key: "dana-smith", Lines: []string{`Dana "DS" Smith`, "boss · champion"}, Group: "up", Class: "overdue"},
		{Key: "zoë-ørsted", Lines: []string{"Zoë Ørsted", "<b>report</b> & friend"}, Group: `side "peers"`},
		{Key: "x[1]", Lines: []string{`a --> b; c\d #quot;`, "line\nbreak"}, Class: "never"},
		{Key: "李雷", Lines: []string{"李雷 `tick`"}, Group: "up"},
	},
	Edges: []Edge{
		{From: "zoë-ørsted", To: "dana-smith", Label: `trusts "a lot"`},
		{From: "x[1]", To: "李雷"},
		{From: "dana-smith", To: "missing"},
	},
	Classes: map[string]Style{"overdue": {Fill: "#fde2e2", Stroke: "#c53030"}, "never": {Fill: "#eeeeee", Stroke: "#999999", Dashed: true}},
}

var (
	mermaidID      = `n\d+`
	mermaidQuoted  = `"[^"<>\n]*(?:<br/>[^"<>\n]*)*"`
	mermaidLineRes = []*regexp.Regexp{
		regexp.MustCompile(`^flowchart LR$`),
		regexp.MustCompile(`^---$`),
		regexp.MustCompile(`^title: "(?:[^"\\]|\\.)*"$`),
		regexp.MustCompile(`^  subgraph g\d+\[` + mermaidQuoted + `\]$`),
		regexp.MustCompile(`^  end$`),
		regexp.MustCompile(`^ +` + mermaidID + `\[` + mermaidQuoted + `\]$`),
		regexp.MustCompile(`^  ` + mermaidID + ` -->(?:\|` + mermaidQuoted + `\|)? ` + mermaidID + `$`),
		regexp.MustCompile(`^  classDef [A-Za-z_][A-Za-z0-9_]* fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6}(?:,stroke-dasharray:\d+ \d+)?$`),
		regexp.MustCompile(`^  class ` + mermaidID + `(?:,` + mermaidID + `)* [A-Za-z_][A-Za-z0-9_]*$`),
	}
)

// TestMermaidFollowsTheGrammar checks every line against the forms of
// Mermaid's flowchart grammar lead uses, and every id against a definition.
func TestMermaidFollowsTheGrammar(t *testing.T) {
	out := Mermaid(hostile)
	defined := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		ok := false
		for _, re := range mermaidLineRes {
			ok = ok || re.MatchString(line)
		}
		if !ok {
			t.Errorf("not a valid Mermaid line: %q", line)
		}
		if m := regexp.MustCompile(`^ +(n\d+)\[`).FindStringSubmatch(line); m != nil {
			defined[m[1]] = true
		}
	}
	for _, id := range regexp.MustCompile(`\bn\d+\b`).FindAllString(out, -1) {
		if !defined[id] {
			t.Errorf("%s is used but not defined", id)
		}
	}
	for _, want := range []string{`Dana #quot;DS#quot; Smith<br/>boss · champion`, "Zoë Ørsted<br/>#lt;b#gt;report#lt;/b#gt; #amp; friend", "李雷 #96;tick#96;"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing escaped label %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "missing") {
		t.Error("an edge to an unknown node was drawn")
	}
}

// TestDOTFollowsTheGrammar tokenizes the DOT text as Graphviz does and
// checks that strings close, braces balance and statements end; with
// Graphviz installed, it also renders the graph.
func TestDOTFollowsTheGrammar(t *testing.T) {
	out := DOT(hostile)
	depth := 0
	for i := 0; i < len(out); i++ {
		switch c := out[i]; c {
		case '"':
			j := i + 1
			for ; j < len(out) && out[j] != '"'; j++ {
				if out[j] == '\\' {
					j++
				}
				if out[j] == '\n' {
					t.Fatalf("raw newline inside a string at byte %d", j)
				}
			}
			if j >= len(out) {
				t.Fatalf("string opened at byte %d never closes", i)
			}
			i = j
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				t.Fatal("unbalanced }")
			}
		}
	}
	if depth != 0 {
		t.Fatalf("unbalanced braces: %d", depth)
	}
	for _, want := range []string{`"dana-smith" [label="Dana \"DS\" Smith\nboss · champion"`, `"x[1]" [label="a --> b; c\\d #quot;\nline\nbreak"`, `"zoë-ørsted" -> "dana-smith" [label="trusts \"a lot\""];`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if _, err := exec.LookPath("dot"); err == nil {
		cmd := exec.Command("dot", "-Tsvg")
		cmd.Stdin = strings.NewReader(out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("graphviz rejects the DOT: %v\n%s", err, msg)
		}
	} else if os.Getenv("CI") != "" {
		t.Log("graphviz is not installed; the DOT was checked by the grammar rules only")
	}
}

func TestQuadrantFollowsTheGrammar(t *testing.T) {
	out := MermaidQuadrant(Quadrant{
		Title: "Influence: and interest", XLow: "Low interest", XHigh: "High -> interest", YLow: "Low", YHigh: "High",
		Top: "Manage closely", TopLeft: "Keep satisfied", BottomLeft: "Monitor", BottomRight: "Keep informed",
		Points: []Point{{`Dana "DS" Smith`, 0.9, 0.8}, {"Zoë Ørsted", -1, 2}},
	})
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	res := []*regexp.Regexp{
		regexp.MustCompile(`^quadrantChart$`),
		regexp.MustCompile(`^  title [^:"\[\]#;\n]+$`),
		regexp.MustCompile(`^  [xy]-axis [^:"\[\]\->#]+ --> [^:"\[\]\->#]+$`),
		regexp.MustCompile(`^  quadrant-[1-4] [^:"\[\]\->#]+$`),
		regexp.MustCompile(`^  "[^"\n]+": \[0\.\d\d, 0\.\d\d\]$`),
	}
	for _, line := range lines {
		ok := false
		for _, re := range res {
			ok = ok || re.MatchString(line)
		}
		if !ok {
			t.Errorf("not a valid quadrant chart line: %q", line)
		}
	}
	if !strings.Contains(out, `"Zoë Ørsted": [0.02, 0.98]`) || !strings.Contains(out, `"Dana 'DS' Smith": [0.90, 0.80]`) {
		t.Errorf("points:\n%s", out)
	}
}

// Package diagram writes graphs as Mermaid and Graphviz DOT text that
// renders on common git hosts and in Graphviz, escaping every name so
// that quotes, brackets and letters of any script are safe.
package diagram

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Node is a box in a graph.
type Node struct {
	Key   string   // unique; identifies the node in edges
	Lines []string // the label, one line each
	Group string   // the cluster it is drawn in; "" for none
	Class string   // a style name from Graph.Classes; "" for none
}

// Edge is an arrow from one node to another.
type Edge struct {
	From, To string // node keys
	Label    string
}

// Style is how a class of nodes is drawn.
type Style struct {
	Fill, Stroke string // colours as #rrggbb
	Dashed       bool
}

// Graph is what Mermaid and DOT draw.
type Graph struct {
	Title   string
	Groups  []string // in drawing order
	Nodes   []Node
	Edges   []Edge
	Classes map[string]Style
}

// Mermaid renders the graph as a Mermaid flowchart. Node ids are n1, n2,
// ... in node order; labels are quoted, with quotes, #, <, > and &
// written as Mermaid entity codes.
func Mermaid(g Graph) string {
	var b strings.Builder
	if g.Title != "" {
		fmt.Fprintf(&b, "---\ntitle: %s\n---\n", mermaidTitle(g.Title))
	}
	b.WriteString("flowchart LR\n")
	ids := map[string]string{}
	for i, n := range g.Nodes {
		ids[n.Key] = fmt.Sprintf("n%d", i+1)
	}
	node := func(indent string, n Node) {
		lines := make([]string, len(n.Lines))
		for i, l := range n.Lines {
			lines[i] = mermaidText(l)
		}
		fmt.Fprintf(&b, "%s%s[\"%s\"]\n", indent, ids[n.Key], strings.Join(lines, "<br/>"))
	}
	for gi, group := range g.Groups {
		fmt.Fprintf(&b, "  subgraph g%d[\"%s\"]\n", gi+1, mermaidText(group))
		for _, n := range g.Nodes {
			if n.Group == group {
				node("    ", n)
			}
		}
		b.WriteString("  end\n")
	}
	for _, n := range g.Nodes {
		if n.Group == "" || !slices.Contains(g.Groups, n.Group) {
			node("  ", n)
		}
	}
	for _, e := range g.Edges {
		from, to := ids[e.From], ids[e.To]
		if from == "" || to == "" {
			continue
		}
		if e.Label != "" {
			fmt.Fprintf(&b, "  %s -->|\"%s\"| %s\n", from, mermaidText(e.Label), to)
		} else {
			fmt.Fprintf(&b, "  %s --> %s\n", from, to)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(g.Classes)) {
		st := g.Classes[name]
		style := "fill:" + st.Fill + ",stroke:" + st.Stroke
		if st.Dashed {
			style += ",stroke-dasharray:4 3"
		}
		fmt.Fprintf(&b, "  classDef %s %s\n", ident(name), style)
		var members []string
		for _, n := range g.Nodes {
			if n.Class == name {
				members = append(members, ids[n.Key])
			}
		}
		if len(members) > 0 {
			fmt.Fprintf(&b, "  class %s %s\n", strings.Join(members, ","), ident(name))
		}
	}
	return b.String()
}

// mermaidText escapes text for a quoted Mermaid label.
func mermaidText(s string) string {
	return strings.NewReplacer(
		"#", "#35;", `"`, "#quot;", "<", "#lt;", ">", "#gt;", "&", "#amp;",
		"\n", " ", "\r", " ", "`", "#96;",
	).Replace(s)
}

// mermaidTitle makes a title safe in Mermaid's YAML front matter.
func mermaidTitle(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", " ").Replace(s) + `"`
}

// ident keeps the letters, digits and underscores of a class name.
func ident(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 || b.String()[0] >= '0' && b.String()[0] <= '9' {
		return "c" + b.String()
	}
	return b.String()
}

// DOT renders the graph for Graphviz: every id and label is a quoted
// string, groups are clusters.
func DOT(g Graph) string {
	var b strings.Builder
	b.WriteString("digraph stakeholders {\n")
	if g.Title != "" {
		fmt.Fprintf(&b, "  label=%s;\n  labelloc=t;\n", dotQuote(g.Title))
	}
	b.WriteString("  rankdir=LR;\n  fontname=\"Helvetica\";\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n")
	node := func(indent string, n Node) {
		attrs := "label=" + dotQuote(strings.Join(n.Lines, "\n"))
		if st, ok := g.Classes[n.Class]; ok {
			attrs += fmt.Sprintf(", fillcolor=%s, color=%s", dotQuote(st.Fill), dotQuote(st.Stroke))
			if st.Dashed {
				attrs += `, style="rounded,filled,dashed"`
			}
		}
		fmt.Fprintf(&b, "%s%s [%s];\n", indent, dotQuote(n.Key), attrs)
	}
	for gi, group := range g.Groups {
		fmt.Fprintf(&b, "  subgraph cluster_%d {\n    label=%s;\n", gi+1, dotQuote(group))
		for _, n := range g.Nodes {
			if n.Group == group {
				node("    ", n)
			}
		}
		b.WriteString("  }\n")
	}
	for _, n := range g.Nodes {
		if n.Group == "" || !slices.Contains(g.Groups, n.Group) {
			node("  ", n)
		}
	}
	keys := map[string]bool{}
	for _, n := range g.Nodes {
		keys[n.Key] = true
	}
	for _, e := range g.Edges {
		if !keys[e.From] || !keys[e.To] {
			continue
		}
		label := ""
		if e.Label != "" {
			label = " [label=" + dotQuote(e.Label) + "]"
		}
		fmt.Fprintf(&b, "  %s -> %s%s;\n", dotQuote(e.From), dotQuote(e.To), label)
	}
	b.WriteString("}\n")
	return b.String()
}

// dotQuote makes a DOT quoted string; a newline becomes a centred line
// break.
func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r", "", "\n", `\n`).Replace(s) + `"`
}

// Point is a labelled point in a quadrant chart, at x and y in [0, 1].
type Point struct {
	Label string
	X, Y  float64
}

// Quadrant is a Mermaid quadrant chart.
type Quadrant struct {
	Title        string
	XLow, XHigh  string
	YLow, YHigh  string
	Top, TopLeft string // quadrant-1 (top right) and quadrant-2 (top left)
	BottomLeft   string // quadrant-3
	BottomRight  string // quadrant-4
	Points       []Point
	Unplaced     []string // labels of what has no place on either axis, listed in a comment
}

// MermaidQuadrant renders a quadrant chart. Point names are quoted; the
// characters its grammar cannot hold inside quotes are replaced.
func MermaidQuadrant(q Quadrant) string {
	var b strings.Builder
	b.WriteString("quadrantChart\n")
	fmt.Fprintf(&b, "  title %s\n", plain(q.Title))
	fmt.Fprintf(&b, "  x-axis %s --> %s\n", plain(q.XLow), plain(q.XHigh))
	fmt.Fprintf(&b, "  y-axis %s --> %s\n", plain(q.YLow), plain(q.YHigh))
	fmt.Fprintf(&b, "  quadrant-1 %s\n  quadrant-2 %s\n  quadrant-3 %s\n  quadrant-4 %s\n",
		plain(q.Top), plain(q.TopLeft), plain(q.BottomLeft), plain(q.BottomRight))
	for _, p := range q.Points {
		fmt.Fprintf(&b, "  \"%s\": [%.2f, %.2f]\n", strings.NewReplacer(`"`, "'", "\n", " ").Replace(p.Label), clamp(p.X), clamp(p.Y))
	}
	if len(q.Unplaced) > 0 {
		fmt.Fprintf(&b, "  %%%% not placed: %s\n", strings.NewReplacer("\n", " ", "\r", " ").Replace(strings.Join(q.Unplaced, ", ")))
	}
	return b.String()
}

// plain keeps quadrant-chart text to what its unquoted grammar accepts.
func plain(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', ':', '"', '[', ']', '-', '>', '#', ';', '%':
			return ' '
		}
		return r
	}, s)
}

func clamp(v float64) float64 { return min(max(v, 0.02), 0.98) }

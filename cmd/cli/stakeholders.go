package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/lead-journal/lead/cmd/diagram"
	"github.com/lead-journal/lead/journal"
	"github.com/spf13/cobra"
)

// stakeholderJSON is a person on the map in --json output.
type stakeholderJSON struct {
	personJSON
	Stance    string   `json:"stance"`
	Influence string   `json:"influence"`
	Interest  string   `json:"interest"`
	Trusts    []string `json:"trusts"`
	TrustedBy []string `json:"trusted_by"`
	Engaged   bool     `json:"engaged"`
}

// mapJSON is `lead map --json`; see docs/format.md.
type mapJSON struct {
	Focus     *string           `json:"focus"`
	People    []stakeholderJSON `json:"people"`
	Unengaged []string          `json:"unengaged"`
}

func toMapJSON(m *journal.StakeholderMap, now time.Time) mapJSON {
	out := mapJSON{People: []stakeholderJSON{}, Unengaged: []string{}}
	if m.Focus != nil {
		out.Focus = &m.Focus.Slug
	}
	for _, st := range m.People {
		p := st.Contact.Person
		out.People = append(out.People, stakeholderJSON{toPersonJSON(st.Contact, now), p.Stance, p.Influence, p.Interest,
			journal.NonNil(p.Trusts), journal.NonNil(st.TrustedBy), st.Engaged()})
	}
	for _, st := range m.Unengaged {
		out.Unengaged = append(out.Unengaged, st.Contact.Person.Slug)
	}
	return out
}

// mapOptions are lead map's flags.
type mapOptions struct {
	format, focus, path string
	grid, json          bool
}

func (a *app) cmdMap() *cobra.Command {
	var o mapOptions
	cmd := &cobra.Command{
		Use:     "map",
		Short:   "The stakeholder map: who trusts whom, stance, influence, last contact",
		GroupID: "habits",
		Long: `Draw the stakeholder map: people grouped by direction, who trusts whom
(the "trusts" field), their stance and influence, and how recently you
engaged each.

--format text is for reading here; mermaid is a flowchart that renders on
common git hosts (paste it in a fenced mermaid block); dot is for
Graphviz (lead map --format dot | dot -Tsvg > map.svg). --grid draws a
Mermaid quadrant chart of influence against interest instead.

--for PERSON focuses on one person and the people they trust, and lists
those you have not engaged within your cadence: the coalition you still
need to build before you need their support.

--path PERSON shows the chains of trust from people you are engaged with
(met, within your cadence) to someone you need, each link a "trusts" field
one way or the other, each person marked by how recently you engaged them:
"Lee Wong (3 days) trusts Priya Patel (40 days: re-engage) trusts Pat Jones".`,
		Example: `  lead map
  lead map --for dana
  lead map --format mermaid > map.md
  lead map --format dot | dot -Tpng > map.png
  lead map --grid
  lead map --path pat`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.runMap(o) },
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "text, mermaid or dot")
	cmd.Flags().StringVar(&o.focus, "for", "", "focus on this person and the people they trust")
	cmd.Flags().BoolVar(&o.grid, "grid", false, "a Mermaid quadrant chart of influence against interest")
	cmd.Flags().StringVar(&o.path, "path", "", "the chains of trust from people you are engaged with to this person")
	cmd.MarkFlagsMutuallyExclusive("path", "for")
	cmd.MarkFlagsMutuallyExclusive("path", "grid")
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON")
	return cmd
}

// runMap prints the stakeholder map, focused on one person with focus,
// or the chains of trust to someone with path.
func (a *app) runMap(o mapOptions) error {
	switch o.format {
	case "text", "mermaid", "dot":
	default:
		return usagef("--format %q: want text, mermaid or dot", o.format)
	}
	s, err := a.loadHeaders()
	if err != nil {
		return err
	}
	var p *journal.Person
	if o.focus != "" {
		if p, err = s.Lookup(o.focus); err != nil {
			return usagef("--for: %v", err)
		}
	}
	now := a.env.Now()
	if o.path != "" {
		target, err := s.Lookup(o.path)
		if err != nil {
			return usagef("--path: %v", err)
		}
		return a.printPaths(s.ContactOf(target, now), s.PathsTo(target, now), now, o.json)
	}
	m := s.StakeholderMap(now, p)
	w := a.env.Stdout
	switch {
	case o.json:
		return writeJSON(w, toMapJSON(m, now))
	case o.grid:
		q := quadrant(m)
		if len(q.Unplaced) > 0 {
			a.infof("not placed, without influence or interest (set them with lead people set): %s", strings.Join(q.Unplaced, ", "))
		}
		_, err = fmt.Fprint(w, diagram.MermaidQuadrant(q))
	case o.format == "mermaid":
		_, err = fmt.Fprint(w, diagram.Mermaid(graph(m, now)))
	case o.format == "dot":
		_, err = fmt.Fprint(w, diagram.DOT(graph(m, now)))
	default:
		a.printMap(w, s, m, now)
	}
	if err == nil && m.Focus != nil && o.format != "text" {
		a.reportCoalition(m, now)
	}
	return err
}

// lastSeen says how long ago you last met someone.
func lastSeen(c journal.Contact, now time.Time) string {
	if c.Last == nil {
		return "never met"
	}
	return ago(c.DaysSince(now))
}

// graph turns the map into a diagram: a box per person in their
// direction's group, an arrow from each person to those they trust, and
// overdue and never-met people marked.
func graph(m *journal.StakeholderMap, now time.Time) diagram.Graph {
	g := diagram.Graph{Title: "Stakeholder map", Classes: map[string]diagram.Style{
		"overdue": {Fill: "#fde2e2", Stroke: "#c53030"},
		"never":   {Fill: "#eeeeee", Stroke: "#777777", Dashed: true},
		"focus":   {Fill: "#e2ecfd", Stroke: "#2b6cb0"},
	}}
	if m.Focus != nil {
		g.Title = "Coalition around " + m.Focus.Name
	}
	in := map[string]bool{}
	for _, st := range m.People {
		c := st.Contact
		group := c.Direction
		if group == "" {
			group = "unknown"
		}
		if len(g.Groups) == 0 || g.Groups[len(g.Groups)-1] != group {
			g.Groups = append(g.Groups, group)
		}
		details := []string{}
		for _, d := range []string{c.Person.Relation, c.Person.Stance, influenceText(c.Person.Influence)} {
			if d != "" {
				details = append(details, d)
			}
		}
		n := diagram.Node{Key: c.Person.Slug, Group: group, Lines: []string{c.Person.Name}}
		if len(details) > 0 {
			n.Lines = append(n.Lines, strings.Join(details, " · "))
		}
		n.Lines = append(n.Lines, lastSeen(c, now))
		switch {
		case m.Focus != nil && c.Person.Slug == m.Focus.Slug:
			n.Class = "focus"
		case c.Never():
			n.Class = "never"
		case c.Overdue:
			n.Class = "overdue"
		}
		g.Nodes = append(g.Nodes, n)
		in[c.Person.Slug] = true
	}
	for _, st := range m.People {
		for _, t := range st.Contact.Person.Trusts {
			if in[t] {
				g.Edges = append(g.Edges, diagram.Edge{From: st.Contact.Person.Slug, To: t, Label: "trusts"})
			}
		}
	}
	return g
}

func influenceText(level string) string {
	if level == "" {
		return ""
	}
	return level + " influence"
}

// quadrant places everyone by interest (x) and influence (y); people
// without one of them are listed apart, not put at the centre.
func quadrant(m *journal.StakeholderMap) diagram.Quadrant {
	q := diagram.Quadrant{Title: "Stakeholders by influence and interest", XLow: "Low interest", XHigh: "High interest",
		YLow: "Low influence", YHigh: "High influence", Top: "Manage closely", TopLeft: "Keep satisfied",
		BottomLeft: "Monitor", BottomRight: "Keep informed"}
	placed := map[[2]float64]int{}
	for _, st := range m.People {
		p := st.Contact.Person
		if p.Interest == "" || p.Influence == "" {
			q.Unplaced = append(q.Unplaced, p.Name)
			continue
		}
		x, y := journal.Level(p.Interest), journal.Level(p.Influence)
		// Spread people who share a spot so that every name stays readable.
		n := placed[[2]float64{x, y}]
		placed[[2]float64{x, y}]++
		q.Points = append(q.Points, diagram.Point{Label: p.Name, X: x + 0.04*float64(n%3), Y: y - 0.05*float64(n/3+n%2)})
	}
	return q
}

// mapColumns are the widths, in cells, of the map's name, relation,
// stance and influence.
var mapColumns = [4]int{22, 15, 10, 8}

// printMap writes the map as text. On a terminal each line fits its width
// (unless --wide): the columns are cut to their widths with …, the name
// narrower when the line needs it, the lines of trust cut to the width
// and the closing sentences wrapped.
func (a *app) printMap(w io.Writer, s *journal.Snapshot, m *journal.StakeholderMap, now time.Time) {
	widths, limit := mapColumns, 0
	if a.fits() {
		limit = a.width()
		seen := 0
		for _, st := range m.People {
			seen = max(seen, cells(a.mapSeen(st.Contact, now)))
		}
		fixed := len("  ") + widths[1] + widths[2] + widths[3] + 4 // and a space after each column
		widths[0] = max(minFreeWidth, min(widths[0], limit-fixed-seen))
	}
	cell := func(s string, i int) string {
		if limit > 0 {
			s = truncate(s, widths[i])
		}
		return pad(s, widths[i])
	}
	line := func(format string, args ...any) {
		s := fmt.Sprintf(format, args...)
		if limit > 0 {
			s = truncate(s, limit)
		}
		fmt.Fprintln(w, s)
	}
	if m.Focus != nil {
		line("%s", a.paint("bold", "Coalition around "+m.Focus.Name))
		fmt.Fprintln(w)
	}
	group := "-"
	for _, st := range m.People {
		c := st.Contact
		d := c.Direction
		if d == "" {
			d = "unknown"
		}
		if d != group {
			if group != "-" {
				fmt.Fprintln(w)
			}
			group = d
			fmt.Fprintf(w, "%s\n", a.paint(d, a.paint("bold", strings.ToUpper(d))))
		}
		line("  %s %s %s %s %s", cell(c.Person.Name, 0), cell(c.Person.Relation, 1), cell(c.Person.Stance, 2), cell(c.Person.Influence, 3), a.mapSeen(c, now))
		if len(c.Person.Trusts) > 0 {
			line("      trusts %s", s.Names(c.Person.Trusts))
		}
		if len(st.TrustedBy) > 0 {
			line("      trusted by %s", s.Names(st.TrustedBy))
		}
	}
	if m.Focus != nil {
		fmt.Fprintln(w)
		var b strings.Builder // sentences: wrapped, not cut
		if len(m.Unengaged) == 0 {
			fmt.Fprintf(&b, "You are in touch with everyone %s trusts.\n", m.Focus.Name)
		}
		for _, st := range m.Unengaged {
			fmt.Fprintf(&b, "Not engaged within your cadence: %s (%s)\n", st.Contact.Person.Name, lastSeen(st.Contact, now))
		}
		text := b.String()
		if limit > 0 {
			text = fitText(text, limit)
		}
		fmt.Fprint(w, text)
	}
}

// mapSeen says on the map how recently you engaged someone, in the
// colour of never met or overdue.
func (a *app) mapSeen(c journal.Contact, now time.Time) string {
	seen := lastSeen(c, now)
	switch {
	case c.Never():
		return a.paint("soon", seen)
	case c.Overdue:
		return a.paint("overdue", seen+", overdue")
	}
	return seen
}

// reportCoalition names, on stderr, whom to engage when the map itself
// went to stdout as a diagram.
func (a *app) reportCoalition(m *journal.StakeholderMap, now time.Time) {
	for _, st := range m.Unengaged {
		a.infof("not engaged within your cadence: %s (%s)", st.Contact.Person.Name, lastSeen(st.Contact, now))
	}
}

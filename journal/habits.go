package journal

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal/when"
)

// Habits is how the review and prep judge the habits of leading up, down
// and across: lead.yaml's `habits:`. Spans are written as cadences are
// ("30d", "2w"); a map by relation falls back to its "default" key.
type Habits struct {
	// ThankWithin is how long you may work with someone without thanking
	// them before the review lists them, by relation.
	ThankWithin map[string]string `yaml:"thank_within,omitempty" json:"thank_within"`
	// ChaseAfter is how long what someone owes you may wait before the
	// review says to chase it, by the relation of who owes it.
	ChaseAfter map[string]string `yaml:"chase_after,omitempty" json:"chase_after"`
	// PreviewWithin is how long before meeting people above your boss on a
	// project a preview with the boss on it still counts.
	PreviewWithin string `yaml:"preview_within,omitempty" json:"preview_within"`
	// AboveBoss are the relations of people above your boss, whom you meet
	// only after previewing with the boss.
	AboveBoss []string `yaml:"above_boss,omitempty" json:"above_boss"`
	// Styles turns a person's `style` into what to do before meeting them.
	Styles map[string]string `yaml:"styles,omitempty" json:"styles"`
}

// DefaultKey is the key of a Habits map that applies to relations it
// does not name.
const DefaultKey = "default"

// defaultHabits are the built-in habits settings.
func defaultHabits() Habits {
	return Habits{
		ThankWithin: map[string]string{DefaultKey: "60d", "boss": "30d", "report": "30d", "peer": "45d"},
		ChaseAfter:  map[string]string{DefaultKey: "7d"},
		// A week: previewed on Monday still counts for Friday's skip-level.
		PreviewWithin: "7d",
		AboveBoss:     []string{"skip", "executive"},
		Styles: map[string]string{
			"detail":     "Bring the numbers and the draft; walk through them.",
			"high-level": "Lead with the decision you need, then the one or two facts behind it.",
		},
	}
}

// merge lays the habits set in a lead.yaml over h: each key of a map
// replaces the same key, and a span set replaces the default.
func (h Habits) merge(file Habits) Habits {
	out := Habits{ThankWithin: maps.Clone(h.ThankWithin), ChaseAfter: maps.Clone(h.ChaseAfter),
		PreviewWithin: h.PreviewWithin, AboveBoss: h.AboveBoss, Styles: maps.Clone(h.Styles)}
	maps.Copy(out.ThankWithin, file.ThankWithin)
	maps.Copy(out.ChaseAfter, file.ChaseAfter)
	maps.Copy(out.Styles, file.Styles)
	if file.PreviewWithin != "" {
		out.PreviewWithin = file.PreviewWithin
	}
	if file.AboveBoss != nil {
		out.AboveBoss = file.AboveBoss
	}
	return out
}

// mark notes in set the keys of the habits a lead.yaml set:
// "habits.thank_within.peer", "habits.preview_within", ...
func (h Habits) mark(set map[string]bool) {
	for name, m := range map[string]map[string]string{"thank_within": h.ThankWithin, "chase_after": h.ChaseAfter, "styles": h.Styles} {
		for key := range m {
			set["habits."+name+"."+key] = true
		}
	}
	if h.PreviewWithin != "" {
		set["habits.preview_within"] = true
	}
	if h.AboveBoss != nil {
		set["habits.above_boss"] = true
	}
}

// Settings lists the habits as keys and values, in a stable order, for
// `lead config`.
func (h Habits) Settings() [][2]string {
	var out [][2]string
	for _, m := range []struct {
		name string
		m    map[string]string
	}{{"thank_within", h.ThankWithin}, {"chase_after", h.ChaseAfter}} {
		for _, key := range slices.Sorted(maps.Keys(m.m)) {
			out = append(out, [2]string{"habits." + m.name + "." + key, m.m[key]})
		}
	}
	out = append(out, [2]string{"habits.preview_within", h.PreviewWithin}, [2]string{"habits.above_boss", strings.Join(h.AboveBoss, ", ")})
	for _, key := range slices.Sorted(maps.Keys(h.Styles)) {
		out = append(out, [2]string{"habits.styles." + key, h.Styles[key]})
	}
	return out
}

func (h Habits) validate() error {
	for _, m := range []struct {
		name  string
		spans map[string]string
	}{{"thank_within", h.ThankWithin}, {"chase_after", h.ChaseAfter}} {
		for _, key := range slices.Sorted(maps.Keys(m.spans)) {
			if _, err := when.ParseSpan(m.spans[key]); err != nil {
				return fmt.Errorf("habits: %s: %s: %v", m.name, key, err)
			}
		}
	}
	if _, err := when.ParseSpan(h.PreviewWithin); err != nil {
		return fmt.Errorf("habits: preview_within: %v", err)
	}
	return nil
}

// spanFor returns the span a map by relation gives relation r: its own,
// else the default; zero (never) for "0d" or when neither is set.
func spanFor(spans map[string]string, r string) when.Span {
	s, ok := spans[r]
	if !ok {
		s = spans[DefaultKey]
	}
	span, _ := when.ParseSpan(s) // validated on load
	return span
}

// ThankWindow is how long you may work with someone of relation r
// without thanking them; zero when the review should not ask.
func (h Habits) ThankWindow(r string) when.Span { return spanFor(h.ThankWithin, r) }

// ChaseWindow is how long what someone of relation r owes you may wait
// before it is worth chasing; zero when never.
func (h Habits) ChaseWindow(r string) when.Span { return spanFor(h.ChaseAfter, r) }

// PreviewWindow is how long a preview with the boss counts for.
func (h Habits) PreviewWindow() when.Span {
	span, _ := when.ParseSpan(h.PreviewWithin) // validated on load
	return span
}

// IsAboveBoss reports whether people of relation r sit above your boss
// (habits.above_boss): skip-levels and executives unless set otherwise.
func (h Habits) IsAboveBoss(r string) bool { return slices.Contains(h.AboveBoss, r) }

// StyleAdvice is what to do before meeting someone of the given style:
// the configured instruction, or "" for a style with none.
func (h Habits) StyleAdvice(style string) string { return h.Styles[style] }

// OversightWeeks is the length of each of the two windows the review
// compares for a rising share of close oversight from the boss.
const OversightWeeks = 4

// before returns t moved back by the span.
func before(s when.Span, t time.Time) time.Time { return when.Span{N: -s.N, Unit: s.Unit}.After(t) }

func earliest(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

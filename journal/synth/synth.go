// Package synth generates realistic synthetic journals for tests and
// benchmarks: people with relations, contact that follows a Zipf-like
// law (a few people get most of the meetings), varied prose, commitments
// both ways, wins, feedback, tags, practices and projects, spread over
// years. The same options always give the same journal, byte for byte.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal"
)

// Options describe the journal to generate.
type Options struct {
	Entries int
	People  int       // default 60
	Years   int       // span of the entries, ending at End; default 10
	End     time.Time // default 2026-11-22 18:00 in Location
	Seed    uint64
}

var (
	firstNames = []string{"Dana", "Lee", "Sam", "Priya", "Kim", "Pat", "Ash", "Jordan", "Alex", "Morgan", "Zoë", "José", "Mei", "Olu", "Ingrid", "Ravi", "Chen", "Fatima", "Noah", "Sofia", "Liam", "Aiko", "Mateo", "Élodie", "Kwame", "Hana", "Omar", "Greta", "Tariq", "Yuki"}
	lastNames  = []string{"Smith", "Wong", "Rivera", "Patel", "Park", "Jones", "Okafor", "Nguyen", "Müller", "García", "Kowalski", "Haddad", "Ivanova", "Brown", "Tanaka", "O'Brien", "Silva", "Larsen", "Cohen", "Mensah"}
	relations  = []struct {
		name  string
		share int
	}{{"boss", 1}, {"skip", 1}, {"executive", 2}, {"peer", 10}, {"report", 8}, {"assistant", 1}, {"chief-of-staff", 1}, {"stakeholder", 10}, {"partner", 5}, {"customer", 4}, {"vendor", 2}}
	projects  = []string{"q1-planning", "q2-roadmap", "q3-strategy", "q4-budget", "hiring", "migration", "reorg", "launch", "pricing", "platform", "security-review", "offsite"}
	tags      = []string{"strategy", "budget", "hiring", "career", "feedback", "risk", "roadmap", "customers", "process", "team", "ops", "quality"}
	verbs     = []string{"walked through", "pushed back on", "agreed on", "reviewed", "questioned", "sketched", "prioritised", "reworked", "escalated", "celebrated", "untangled", "scoped"}
	objects   = []string{"the draft plan", "the hiring pipeline", "the budget numbers", "the migration risks", "the launch checklist", "the customer escalation", "the roadmap", "the offsite agenda", "the team structure", "the pricing model", "the incident review", "the quarterly goals"}
	qualifier = []string{"before the exec review", "in more detail than expected", "with a clear decision", "without a conclusion", "ahead of schedule", "after some back and forth", "for the second time", "with data from last quarter"}
	asks      = []string{"Send the revised deck", "Share the risk register", "Book time with finance", "Draft the hiring plan", "Write up the decision", "Follow up with legal", "Update the roadmap doc", "Prepare the board slides", "Check the vendor contract", "Introduce them to the platform team"}
	wins      = []string{"landed the migration a week early", "closed the senior hire", "shipped the pricing page", "cut the incident rate in half", "got the budget approved", "unblocked the data pipeline", "won back the key customer", "ran a great offsite"}
	feedback  = []string{"lead with the decision you need, then the data", "share the roadmap earlier", "great job handling the escalation", "be more concise in the exec update", "keep the team informed sooner", "the written summary was very useful"}
)

// Generate writes a journal into dir, which must not hold one yet.
func Generate(dir string, o Options) error {
	if o.People == 0 {
		o.People = 60
	}
	if o.Years == 0 {
		o.Years = 10
	}
	if o.End.IsZero() {
		o.End = time.Date(2026, 11, 22, 18, 0, 0, 0, time.Local)
	}
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	if _, err := journal.Init(dir); err != nil {
		return err
	}
	people := makePeople(r, o.People)
	for _, p := range people {
		if err := write(dir, "people/"+p.slug+".md", p.render(r, people)); err != nil {
			return err
		}
	}
	// A Zipf law over the people, most-met first: the boss and reports sit
	// near the top, as they do in a working life.
	zipf := rand.NewZipf(r, 1.3, 2, uint64(len(people)-1))
	start := o.End.AddDate(-o.Years, 0, 0)
	span := o.End.Sub(start)
	used := map[string]bool{}
	for i := 0; i < o.Entries; i++ {
		// Spread evenly with jitter, at working hours.
		at := start.Add(time.Duration(float64(span) * (float64(i) + r.Float64()) / float64(o.Entries)))
		at = time.Date(at.Year(), at.Month(), at.Day(), 8+r.IntN(10), []int{0, 15, 30, 45}[r.IntN(4)], 0, 0, at.Location())
		with := []*person{people[zipf.Uint64()]}
		if r.IntN(5) == 0 {
			if other := people[zipf.Uint64()]; other != with[0] {
				with = append(with, other)
			}
		}
		e := entry(r, at, with)
		rel := journal.EntryPath(at, journal.Slugify(e.title))
		for n := 2; used[rel]; n++ {
			rel = strings.TrimSuffix(journal.EntryPath(at, journal.Slugify(e.title)), ".md") + fmt.Sprintf("-%d.md", n)
		}
		used[rel] = true
		if err := write(dir, rel, e.text); err != nil {
			return err
		}
	}
	return nil
}

type person struct {
	name, slug, relation string
}

func makePeople(r *rand.Rand, n int) []*person {
	var pool []string
	for _, rel := range relations {
		for i := 0; i < rel.share; i++ {
			pool = append(pool, rel.name)
		}
	}
	seen := map[string]bool{}
	var out []*person
	for i := 0; len(out) < n; i++ {
		name := firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))]
		slug := journal.Slugify(name)
		if seen[slug] {
			continue
		}
		seen[slug] = true
		rel := pool[r.IntN(len(pool))]
		switch len(out) {
		case 0:
			rel = "boss"
		case 1, 2:
			rel = "report"
		case 3:
			rel = "skip"
		}
		out = append(out, &person{name, slug, rel})
	}
	return out
}

func (p *person) render(r *rand.Rand, all []*person) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\nname: %s\nrelation: %s\n", quote(p.name), p.relation)
	fmt.Fprintf(&b, "stance: %s\ninfluence: %s\ninterest: %s\n", pick(r, []string{"champion", "supporter", "neutral", "skeptic", "blocker"}),
		pick(r, []string{"high", "medium", "low"}), pick(r, []string{"high", "medium", "low"}))
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "trusts: [%s, %s]\n", all[r.IntN(len(all))].slug, all[r.IntN(len(all))].slug)
	}
	fmt.Fprintf(&b, "---\n%s %s.\n\n## Agenda\n- [ ] %s\n", p.name, pick(r, []string{"likes decisions first", "prefers written updates", "wants detail", "thinks out loud"}), pick(r, asks))
	return b.String()
}

type generated struct{ title, text string }

func entry(r *rand.Rand, at time.Time, with []*person) generated {
	kind := "1on1"
	switch {
	case len(with) > 1:
		kind = "meeting"
	case with[0].relation == "skip":
		kind = "skip-level"
	case r.IntN(6) == 0:
		kind = pick(r, []string{"email", "chat", "event"})
	}
	slugs := make([]string, len(with))
	for i, p := range with {
		slugs[i] = p.slug
	}
	object := strings.TrimPrefix(pick(r, objects), "the ")
	title := strings.ToUpper(object[:1]) + object[1:]
	var b strings.Builder
	fmt.Fprintf(&b, "---\ndate: %s\nkind: %s\ntitle: %s\nwith: [%s]\n", at.Format(time.RFC3339), kind, quote(title), strings.Join(slugs, ", "))
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "project: %s\n", pick(r, projects))
	}
	fmt.Fprintf(&b, "tags: [%s, %s]\n", pick(r, tags), pick(r, tags))
	if r.IntN(3) == 0 {
		fmt.Fprintf(&b, "practices: [%s]\n", pick(r, []string{"previewed", "sought-advice", "shared-credit", "thanked", "asked-for-help", "involved-early", "gave-feedback"}))
	}
	b.WriteString("---\n## Notes\n")
	for i := 0; i < 6+r.IntN(16); i++ {
		fmt.Fprintf(&b, "We %s %s %s. ", pick(r, verbs), pick(r, objects), pick(r, qualifier))
	}
	b.WriteString("\n")
	if r.IntN(4) == 0 {
		fmt.Fprintf(&b, "\n## Feedback\n- %s: %s.\n", with[0].name, pick(r, feedback))
	}
	if n := r.IntN(4); n > 0 {
		b.WriteString("\n## Commitments\n")
		for i := 0; i < n; i++ {
			box, owner, due := " ", "", ""
			if r.IntN(3) > 0 {
				box = "x"
			}
			if r.IntN(3) == 0 {
				owner = "@" + with[0].slug + " "
			}
			if r.IntN(2) == 0 {
				due = " due:" + at.AddDate(0, 0, 1+r.IntN(14)).Format("2006-01-02")
			}
			fmt.Fprintf(&b, "- [%s] %s%s%s\n", box, owner, pick(r, asks), due)
		}
	}
	if r.IntN(5) == 0 {
		fmt.Fprintf(&b, "\n## Wins\n- %s %s; credited %s.\n", with[0].name, pick(r, wins), with[0].name)
	}
	if r.IntN(3) == 0 {
		fmt.Fprintf(&b, "\n## Next time\n- [%s] %s\n", pick(r, []string{" ", "x"}), pick(r, asks))
	}
	return generated{title, b.String()}
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// quote writes a YAML scalar, quoted when it has a character YAML reads
// specially.
func quote(s string) string {
	if strings.ContainsAny(s, ":#'\"[]{},&*!|>%@`") {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return s
}

func write(dir, rel, text string) error {
	path := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), journal.DirMode); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), journal.FileMode)
}

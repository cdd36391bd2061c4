package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strings"
	"time"

	"github.com/lead-journal/lead/journal/format"
	"github.com/lead-journal/lead/journal/store"
)

// Markdown renders the review, with chart, the direction balance as its
// reader sees it (a Mermaid chart in a written review), after its counts.
func (r *Review) Markdown(chart string) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	title := "Review " + r.Start.Format("Mon 2 Jan") + " – " + r.End.Add(-time.Nanosecond).Format("Mon 2 Jan 2006")
	if r.Week != "" {
		title = "Weekly review " + r.Week + " (" + r.Start.Format("Mon 2 Jan") + " – " + r.End.Add(-time.Nanosecond).Format("Mon 2 Jan 2006") + ")"
	}
	w("# %s\n\n", title)

	w("## Interactions by direction\n\n")
	w("%d %s in this window; the average is over the four windows before it (those since the first entry), each counted to the same point.\n\n", r.Entries, Plural(r.Entries, "entry", "entries"))
	w("%s\n", chart)

	w("## Overdue for contact\n\n")
	if len(r.Overdue) == 0 {
		w("Everyone is within the cadence you want.\n")
	}
	for _, c := range r.Overdue {
		last := "**never met**"
		if c.Last != nil {
			last = fmt.Sprintf("last %s (%dd ago)", Day(c.Last.Date), c.DaysSince(r.LastDay()))
		}
		w("- %s%s: %s; cadence %s%s\n", c.Person.Name, r.relationOf(c), last, c.Cadence, contactNote(c))
	}

	w("\n## My commitments\n\n")
	if len(r.MyOpen) == 0 {
		w("Nothing open.\n")
	}
	for _, it := range r.MyOpen[:min(len(r.MyOpen), ReviewListLimit)] {
		flag := ""
		if it.Overdue(r.At) {
			flag = "**overdue** "
		}
		w("- %s%s%s\n", flag, it.Text, r.itemSource(it))
	}
	more(w, "", r.MyOpenCount, "lead todo --mine")

	w("\n## Waiting on\n\n")
	if len(r.Waiting) == 0 {
		w("Nobody owes you anything open.\n")
	}
	for _, it := range r.Waiting[:min(len(r.Waiting), ReviewListLimit)] {
		flag := ""
		if it.Overdue(r.At) {
			flag = "**overdue** "
		}
		w("- %s%s: %s%s\n", flag, r.s.Names([]string{it.Owner}), strings.TrimSpace(strings.TrimPrefix(it.Text, "@"+it.Owner)), r.itemSource(it))
	}
	more(w, "", r.WaitingCount, "lead todo --theirs")

	w("\n## Done this week\n\n")
	if len(r.DoneMine)+len(r.DoneTheirs) == 0 {
		w("Nothing ticked in this window.\n")
	}
	for _, it := range r.DoneMine {
		w("- %s (done %s)%s\n", format.IDText(it.Text), Day(it.DoneOn), r.itemSource(it))
	}
	for _, it := range r.DoneTheirs {
		w("- %s: %s (done %s)%s\n", r.s.Names([]string{it.Owner}), strings.TrimSpace(strings.TrimPrefix(format.IDText(it.Text), "@"+it.Owner)), Day(it.DoneOn), r.itemSource(it))
	}

	w("\n## Wins\n\n")
	if len(r.Wins) == 0 {
		w("No wins recorded this week. Record them under \"## Wins\" (or with lead log --win) and credit the people behind them.\n")
	} else {
		w("Ready to share with your boss:\n\n")
	}
	for _, win := range r.Wins {
		credit := ""
		if len(win.Credited) > 0 {
			credit = " — credit: " + r.s.Names(win.Credited)
		}
		w("- %s%s (%s)\n", WithoutCredit(win.Text), credit, Day(win.Entry.Date))
	}

	w("\n## Feedback received\n\n")
	if len(r.Feedback) == 0 {
		w("None recorded this week.\n")
	}
	for _, f := range r.Feedback {
		from := ""
		if f.From != "" {
			from = r.s.Names([]string{f.From}) + " — "
		}
		w("- %s%s (%s)\n", from, r.s.FeedbackSaid(f), Day(f.Entry.Date))
	}

	w("\n## Practices with the boss, last four weeks\n\n")
	if len(r.Bosses) == 0 {
		w("No one has relation boss; add yours with: lead people add NAME --relation boss\n\n")
	}
	for _, bp := range r.Bosses {
		counts := make([]string, len(bp.Counts))
		for i, pc := range bp.Counts {
			counts[i] = fmt.Sprintf("%s %d", pc.Practice.Name, pc.Count)
		}
		w("%s: %s\n\n", bp.Person.Name, strings.Join(counts, ", "))
		for _, p := range bp.Missing {
			w("- Nudge: %s\n", p.NudgeFor(bp.Person.Name))
		}
		if len(bp.Missing) == 0 {
			w("- Every practice shown at least once. Keep it up.\n")
		}
		w("\n")
	}

	w("## Projects and the boss\n\n")
	if len(r.Projects) == 0 {
		w("No entries with a project this week.\n")
	}
	for _, pc := range r.Projects {
		status := "boss involved " + Day(pc.BossLast)
		if !pc.BossInvolve {
			status = "**boss not involved in two weeks**"
			if !pc.BossLast.IsZero() {
				status += " (last " + Day(pc.BossLast) + ")"
			}
			status += ": involve them early, before the work is finished"
		}
		w("- %s: %d %s; %s\n", pc.Project, pc.Entries, Plural(pc.Entries, "entry", "entries"), status)
	}
	r.habitsMarkdown(w)

	r.unloggedSection(w)

	w("\n## Coming week\n\n")
	if len(r.Coming) == 0 && len(r.DueSoon) == 0 {
		w("Nothing due.\n")
	}
	for _, c := range r.Coming {
		when := "agenda queued"
		switch {
		case c.Contact.Overdue && c.Contact.Never():
			when = "**never met**: reach out"
		case c.Contact.Overdue:
			when = "overdue since " + Day(c.Contact.Late)
		case !c.Contact.Due.IsZero():
			when = "due " + Day(c.Contact.Due)
		}
		w("- %s%s: %s\n", c.Contact.Person.Name, r.relationOf(c.Contact), when)
		for _, it := range c.Agenda[:min(len(c.Agenda), ReviewListLimit)] {
			w("  - [ ] %s `%s`\n", it.Text, it.ShortID())
		}
		more(w, "  ", c.AgendaCount, "lead prep "+c.Contact.Person.Slug)
	}
	for _, it := range r.DueSoon {
		w("- Due %s: %s `%s`\n", Day(it.Due), it.Text, it.ShortID())
	}
	return b.String()
}

// ReviewListLimit is how many items each list of the review shows, the
// most urgent first; lead todo and lead prep show them all.
const ReviewListLimit = 25

// more says, after a list of total items cut to ReviewListLimit, how many
// were left out and which command shows them.
func more(w func(string, ...any), indent string, total int, command string) {
	if total > ReviewListLimit {
		w("%s- … and %d more: `%s`\n", indent, total-ReviewListLimit, command)
	}
}

// mermaid draws the balance as a Mermaid bar chart: this window against
// the recent average.
func (r *Review) mermaid() string {
	var names, counts, avgs []string
	top := 1.0
	for _, d := range r.Directions {
		names = append(names, `"`+d.Direction+`"`)
		counts = append(counts, fmt.Sprint(d.Count))
		avgs = append(avgs, fmt.Sprintf("%.2f", d.Average))
		top = math.Max(top, math.Max(float64(d.Count), d.Average))
	}
	return "```mermaid\nxychart-beta\n" +
		"    title \"Interactions by direction (bars: this week, line: 4-week average)\"\n" +
		"    x-axis [" + strings.Join(names, ", ") + "]\n" +
		fmt.Sprintf("    y-axis \"Entries\" 0 --> %d\n", int(math.Ceil(top))) +
		"    bar [" + strings.Join(counts, ", ") + "]\n" +
		"    line [" + strings.Join(avgs, ", ") + "]\n```\n"
}

func (r *Review) relationOf(c Contact) string {
	if c.Person.Relation == "" {
		return ""
	}
	return " (" + c.Person.Relation + ")"
}

// itemSource says where an item was recorded, with its id.
func (r *Review) itemSource(it *Item) string {
	src := ""
	if len(it.With) > 0 && !it.Date.IsZero() {
		src = " — with " + r.s.Names(it.With) + ", " + Day(it.Date)
	}
	return src + " `" + it.ShortID() + "`"
}

// ReflectionHeading is the section of a written review that is the
// user's own: lead keeps it when it rewrites the review.
const ReflectionHeading = "## Reflection"

const reflectionPrompt = "<!-- What went well, what will you change? lead keeps this section when it rewrites the review. -->\n"

// ReviewPath is where the review of a week is written.
func ReviewPath(week string) string { return ReviewsDir + "/" + week + ".md" }

// WriteReview saves a weekly review as reviews/YYYY-Www.md: front matter,
// the sections with a Mermaid chart, and a "## Reflection" section. When
// the file exists, whatever is under its Reflection heading is kept.
func (j *Journal) WriteReview(r *Review, generated time.Time) (string, error) {
	if r.Week == "" {
		return "", errors.New("only a whole ISO week can be written")
	}
	unlock, err := j.lockWrites()
	if err != nil {
		return "", err
	}
	defer unlock()
	rel := ReviewPath(r.Week)
	path, err := j.writable(rel)
	if err != nil {
		return "", err
	}
	old, err := store.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	reflection := reflectionPrompt
	if old != nil {
		if kept, ok := sectionFrom(string(old), ReflectionHeading); ok {
			reflection = kept
		}
	}
	m := &format.Mapping{}
	m.Add("week", r.Week)
	m.Add("start", Day(r.Start))
	m.Add("end", Day(r.End.Add(-time.Nanosecond)))
	m.Add("generated", generated)
	data := string(m.Render()) + r.Markdown(r.mermaid()) + "\n" + ReflectionHeading + "\n" + reflection
	if old == nil {
		return rel, store.CreateFile(path, []byte(data))
	}
	return rel, store.ReplaceFile(path, old, []byte(data))
}

// sectionFrom returns everything after the line that is heading, up to
// the next heading of the same level, byte for byte.
func sectionFrom(text, heading string) (string, bool) {
	lines := strings.SplitAfter(text, "\n")
	for i, line := range lines {
		if strings.TrimRight(line, "\r\n") != heading {
			continue
		}
		end := len(lines)
		for k := i + 1; k < len(lines); k++ {
			if strings.HasPrefix(lines[k], "## ") {
				end = k
				break
			}
		}
		return strings.Join(lines[i+1:end], ""), true
	}
	return "", false
}

package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/lead-journal/lead/journal"
)

// feedbackMonthJSON is one month of a person's feedback in
// `lead person --json`; see docs/format.md.
type feedbackMonthJSON struct {
	Month    string         `json:"month"` // YYYY-MM
	Counts   map[string]int `json:"counts"`
	Feedback []feedbackJSON `json:"feedback"`
}

func feedbackMonthsJSON(months []journal.FeedbackMonth) []feedbackMonthJSON {
	out := make([]feedbackMonthJSON, len(months))
	for i, m := range months {
		counts := map[string]int{}
		for _, k := range journal.FeedbackKinds {
			counts[k] = m.Counts[k]
		}
		out[i] = feedbackMonthJSON{m.Month.Format("2006-01"), counts, feedbacksJSON(m.Feedback)}
	}
	return out
}

// printFeedbackMonths prints a person's feedback over time: a line of
// counts by kind for each month, with its items under it.
func (a *app) printFeedbackMonths(w io.Writer, months []journal.FeedbackMonth) {
	if len(months) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", a.paint("heading", "Feedback over time"))
	for _, m := range months {
		var counts []string
		for _, k := range journal.FeedbackKinds {
			if n := m.Counts[k]; n > 0 {
				counts = append(counts, fmt.Sprintf("%d %s", n, k))
			}
		}
		fmt.Fprintf(w, "  %s  %s\n", m.Month.Format("2006-01"), strings.Join(counts, ", "))
		for _, f := range m.Feedback {
			fmt.Fprintln(w, a.hanging(fmt.Sprintf("    %s  %-10s ", f.Entry.Date.Format("01-02"), f.Kind()), a.readable(f.Text)))
		}
	}
}

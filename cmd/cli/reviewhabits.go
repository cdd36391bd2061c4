package cli

import (
	"time"

	"github.com/lead-journal/lead/journal"
)

// reviewHabitsJSON is what `lead review --json` adds for the habits of
// leading up, down and across; see docs/format.md.
type reviewHabitsJSON struct {
	FollowUps   []followUpJSON           `json:"follow_ups"`
	Unthanked   []unthankedJSON          `json:"unthanked"`
	PreviewGaps []previewGapJSON         `json:"preview_gaps"`
	Oversight   []oversightJSON          `json:"oversight"`
	Balance     []journal.DirectionShare `json:"balance"`
}

type followUpJSON struct {
	Item    itemJSON `json:"item"`
	Waiting int      `json:"waiting_days"`
	Nudges  int      `json:"nudges"`
}

type unthankedJSON struct {
	Slug   string `json:"slug"`
	Window string `json:"window"`
	Met    int    `json:"met"`
}

type previewGapJSON struct {
	Entry   string   `json:"entry"`
	Date    string   `json:"date"`
	Project string   `json:"project"`
	Above   []string `json:"above"`
	Boss    string   `json:"boss"`
}

type oversightJSON struct {
	Boss       string `json:"boss"`
	Recent     int    `json:"recent"`
	RecentAll  int    `json:"recent_all"`
	Earlier    int    `json:"earlier"`
	EarlierAll int    `json:"earlier_all"`
	Advice     string `json:"advice"`
}

func toReviewHabitsJSON(r *journal.Review) reviewHabitsJSON {
	out := reviewHabitsJSON{FollowUps: []followUpJSON{}, Unthanked: []unthankedJSON{}, PreviewGaps: []previewGapJSON{}, Oversight: []oversightJSON{}, Balance: r.Shares}
	for _, f := range r.FollowUps {
		out.FollowUps = append(out.FollowUps, followUpJSON{toItemJSON(f.Item, r.At), f.Waiting, f.Nudges})
	}
	for _, u := range r.Unthanked {
		out.Unthanked = append(out.Unthanked, unthankedJSON{u.Person.Slug, u.Window.String(), u.Met})
	}
	for _, g := range r.PreviewGaps {
		above := make([]string, len(g.Above))
		for i, p := range g.Above {
			above[i] = p.Slug
		}
		out.PreviewGaps = append(out.PreviewGaps, previewGapJSON{g.Entry.ID, g.Entry.Date.Format(time.RFC3339), g.Entry.Project, above, g.Boss.Slug})
	}
	for _, t := range r.Oversight {
		out.Oversight = append(out.Oversight, *toOversightJSON(t))
	}
	return out
}

func toOversightJSON(t journal.OversightTrend) *oversightJSON {
	return &oversightJSON{t.Boss.Slug, t.Recent, t.RecentAll, t.Earlier, t.EarlierAll, t.Advice()}
}

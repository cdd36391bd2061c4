package journal

import (
	"fmt"
	"math"
	"time"
)

// DirectionShare is one direction's part of your interactions over the
// last quarter and over the last year: where your time goes, against
// where it usually goes.
type DirectionShare struct {
	Direction    string  `json:"direction"`
	Quarter      int     `json:"quarter"` // entries with people in this direction, last three months
	Year         int     `json:"year"`    // the same, last twelve months
	QuarterShare float64 `json:"quarter_share"`
	YearShare    float64 `json:"year_share"`
}

// ShareDrop is how many points a direction's share of the quarter may
// fall below its share of the year before the review says so.
const ShareDrop = 0.10

// Falling reports whether the direction had a smaller part of the last
// quarter than of the year, by ShareDrop or more.
func (d DirectionShare) Falling() bool { return d.YearShare-d.QuarterShare >= ShareDrop-1e-9 }

// Advice says what a falling share means for the relationships it faces.
func (d DirectionShare) Advice() string {
	who := map[string]string{Up: "your boss and those above", Down: "your reports", Side: "peers and partners", Out: "customers and outsiders"}[d.Direction]
	return fmt.Sprintf("Less time %s than usual: %d%% of this quarter against %d%% of the year. Look %s again: %s.",
		d.Direction, percent(d.QuarterShare), percent(d.YearShare), d.Direction, who)
}

func percent(f float64) int { return int(math.Round(100 * f)) }

// directionShares counts, per direction, the entries up to at in the last
// three months and the last twelve (an entry with people in two
// directions counts in both), and each direction's share of its window.
func (s *Snapshot) directionShares(at time.Time) []DirectionShare {
	quarterFrom, yearFrom := at.AddDate(0, -3, 0), at.AddDate(-1, 0, 0)
	quarter, year := map[string]int{}, map[string]int{}
	qTotal, yTotal := 0, 0
	s.eachInWindow(yearFrom, at.Add(time.Nanosecond), func(e *Entry) {
		for _, d := range s.Directions(e) {
			year[d]++
			yTotal++
			if !e.Date.Before(quarterFrom) {
				quarter[d]++
				qTotal++
			}
		}
	})
	out := make([]DirectionShare, len(Directions))
	for i, d := range Directions {
		out[i] = DirectionShare{Direction: d, Quarter: quarter[d], Year: year[d]}
		if qTotal > 0 {
			out[i].QuarterShare = float64(quarter[d]) / float64(qTotal)
		}
		if yTotal > 0 {
			out[i].YearShare = float64(year[d]) / float64(yTotal)
		}
	}
	return out
}

package cli

import (
	"fmt"
	"math"
	"strings"

	"github.com/lead-journal/lead/journal"
)

// directionBars draws the direction balance as bars of block characters,
// for a terminal.
func directionBars(directions []journal.DirectionBalance) string {
	top := 1.0
	for _, d := range directions {
		top = math.Max(top, math.Max(float64(d.Count), d.Average))
	}
	const width = 24
	var b strings.Builder
	b.WriteString("```\n")
	for _, d := range directions {
		n := int(math.Round(float64(d.Count) / top * width))
		avg := int(math.Round(d.Average / top * width))
		bar := strings.Repeat("█", n) + strings.Repeat("·", max(avg-n, 0)) + strings.Repeat(" ", width-max(n, avg))
		trend := ""
		switch {
		case float64(d.Count) > d.Average:
			trend = " ↑"
		case float64(d.Count) < d.Average:
			trend = " ↓"
		}
		fmt.Fprintf(&b, "%-5s %s %2d  avg %.1f%s\n", d.Direction, bar, d.Count, d.Average, trend)
	}
	b.WriteString("```\n")
	return b.String()
}

package journal

import (
	"sort"
	"time"

	"github.com/lead-journal/lead/journal/when"
)

// Series counts interactions per week.
type Series struct {
	Name   string `json:"name"` // a direction, or a person's slug
	Counts []int  `json:"counts"`
	Total  int    `json:"total"`
}

// Stats are interactions per ISO week, by direction and by person.
type Stats struct {
	Weeks       []string  `json:"weeks"` // "2026-W47", oldest first
	Start       time.Time `json:"start"` // Monday of the first week
	Total       int       `json:"total"`
	ByDirection []Series  `json:"directions"`
	ByPerson    []Series  `json:"people"` // most interactions first
}

// Stats counts the entries of the weeks weeks up to and including the one
// holding now. An entry counts once for each distinct direction and each
// person in it.
func (s *Snapshot) Stats(weeks int, now time.Time) *Stats {
	start := when.WeekStart(now).AddDate(0, 0, -7*(weeks-1))
	st := &Stats{Start: start}
	for i := 0; i < weeks; i++ {
		st.Weeks = append(st.Weeks, when.WeekName(start.AddDate(0, 0, 7*i)))
	}
	dirs := map[string]*Series{}
	for _, d := range Directions {
		dirs[d] = &Series{Name: d, Counts: make([]int, weeks)}
		st.ByDirection = append(st.ByDirection, Series{})
	}
	people := map[string]*Series{}
	s.eachInWindow(start, start.AddDate(0, 0, 7*weeks), func(e *Entry) {
		w := int(when.WeekStart(e.Date.In(now.Location())).Sub(start).Hours()+12) / (24 * 7)
		if w < 0 || w >= weeks {
			return
		}
		st.Total++
		for _, d := range s.Directions(e) {
			dirs[d].Counts[w]++
			dirs[d].Total++
		}
		for _, slug := range e.With {
			if people[slug] == nil {
				people[slug] = &Series{Name: slug, Counts: make([]int, weeks)}
			}
			people[slug].Counts[w]++
			people[slug].Total++
		}
	})
	for i, d := range Directions {
		st.ByDirection[i] = *dirs[d]
	}
	for _, p := range people {
		st.ByPerson = append(st.ByPerson, *p)
	}
	sort.Slice(st.ByPerson, func(a, b int) bool {
		if st.ByPerson[a].Total != st.ByPerson[b].Total {
			return st.ByPerson[a].Total > st.ByPerson[b].Total
		}
		return st.ByPerson[a].Name < st.ByPerson[b].Name
	})
	return st
}

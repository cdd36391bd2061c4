package journal

import (
	"slices"
	"sort"
	"time"
)

// Stakeholder is a person on the stakeholder map: where the relationship
// stands, and who trusts them.
type Stakeholder struct {
	Contact   Contact
	TrustedBy []string // slugs of the people whose `trusts` names them
}

// Engaged reports whether you have been in touch within the cadence you
// want: met, and not overdue.
func (st Stakeholder) Engaged() bool { return st.Contact.Last != nil && !st.Contact.Overdue }

// StakeholderMap is everyone, by direction, with who trusts whom. With a
// focus, it is that person and the circle they trust.
type StakeholderMap struct {
	People []Stakeholder // by direction (up, down, side, out, unknown), then name
	Focus  *Person
	// Unengaged are the people in the focus's circle you have not engaged
	// within your cadence: the coalition still to build.
	Unengaged []Stakeholder
}

// StakeholderMap builds the map at now; focus may be nil.
func (s *Snapshot) StakeholderMap(now time.Time, focus *Person) *StakeholderMap {
	m := &StakeholderMap{Focus: focus}
	trustedBy := map[string][]string{}
	for _, p := range s.People {
		for _, t := range p.Trusts {
			trustedBy[t] = append(trustedBy[t], p.Slug)
		}
	}
	var circle []string
	if focus != nil {
		circle = append([]string{focus.Slug}, focus.Trusts...)
	}
	for _, c := range s.Contacts(now) {
		if focus != nil && !slices.Contains(circle, c.Person.Slug) {
			continue
		}
		st := Stakeholder{Contact: c, TrustedBy: trustedBy[c.Person.Slug]}
		m.People = append(m.People, st)
		if focus != nil && c.Person.Slug != focus.Slug && !st.Engaged() {
			m.Unengaged = append(m.Unengaged, st)
		}
	}
	order := func(d string) int {
		if i := slices.Index(Directions, d); i >= 0 {
			return i
		}
		return len(Directions)
	}
	sort.SliceStable(m.People, func(a, b int) bool {
		x, y := m.People[a].Contact, m.People[b].Contact
		if order(x.Direction) != order(y.Direction) {
			return order(x.Direction) < order(y.Direction)
		}
		return x.Person.Name < y.Person.Name
	})
	return m
}

// Level reads a high/medium/low field as a position from 0 to 1; anything
// else is the middle.
func Level(s string) float64 {
	switch s {
	case "high", "very high", "h":
		return 0.85
	case "low", "very low", "l":
		return 0.15
	}
	return 0.5
}

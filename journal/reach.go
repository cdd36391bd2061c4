package journal

import (
	"slices"
	"sort"
	"time"
)

// Chain is a chain of trust to a person you need: people, each linked to
// the next by a `trusts` field one way or the other, starting with
// someone you are engaged with and ending with the person.
type Chain []Contact

// Trusts reports whether the person at i trusts the one after: the link's
// direction, as their files say. When false, the next one trusts them.
func (c Chain) Trusts(i int) bool { return slices.Contains(c[i].Person.Trusts, c[i+1].Person.Slug) }

// MaxChains bounds the chains of trust PathsTo returns.
const MaxChains = 5

// PathsTo finds the chains of trust at now from the people you are
// engaged with (met, and not overdue) to target: for each such person, a
// shortest chain over `trusts` links (either way: a link means the two
// have a working trust), unless it passes through someone else engaged,
// whose own chain is shorter. Where several next steps are as short, the
// most recently engaged is taken. Shortest chains come first, then those
// starting with the most recent contact; at most MaxChains.
func (s *Snapshot) PathsTo(target *Person, now time.Time) []Chain {
	contacts := map[string]Contact{}
	for _, c := range s.Contacts(now) {
		contacts[c.Person.Slug] = c
	}
	linked := map[string][]string{} // both ways
	for _, p := range s.People {
		for _, t := range p.Trusts {
			if _, ok := contacts[t]; ok && t != p.Slug {
				linked[p.Slug] = append(linked[p.Slug], t)
				linked[t] = append(linked[t], p.Slug)
			}
		}
	}
	dist := map[string]int{target.Slug: 0}
	for queue := []string{target.Slug}; len(queue) > 0; queue = queue[1:] {
		for _, next := range linked[queue[0]] {
			if _, seen := dist[next]; !seen {
				dist[next] = dist[queue[0]] + 1
				queue = append(queue, next)
			}
		}
	}
	engaged := func(slug string) bool { c := contacts[slug]; return c.Last != nil && !c.Overdue }
	newer := func(a, b string) bool { // a engaged more recently than b
		la, lb := contacts[a].Last, contacts[b].Last
		if (la == nil) != (lb == nil) {
			return la != nil
		}
		if la != nil && !la.Date.Equal(lb.Date) {
			return la.Date.After(lb.Date)
		}
		return a < b
	}
	var chains []Chain
	for _, p := range s.People {
		d, ok := dist[p.Slug]
		if !ok || d == 0 || !engaged(p.Slug) {
			continue
		}
		chain, through := Chain{contacts[p.Slug]}, false
		for at := p.Slug; at != target.Slug; {
			var steps []string
			for _, next := range linked[at] {
				if dist[next] == dist[at]-1 && !slices.Contains(steps, next) {
					steps = append(steps, next)
				}
			}
			sort.Slice(steps, func(a, b int) bool { return newer(steps[a], steps[b]) })
			at = steps[0]
			chain = append(chain, contacts[at])
			through = through || at != target.Slug && engaged(at)
		}
		if !through {
			chains = append(chains, chain)
		}
	}
	sort.SliceStable(chains, func(a, b int) bool {
		if len(chains[a]) != len(chains[b]) {
			return len(chains[a]) < len(chains[b])
		}
		return newer(chains[a][0].Person.Slug, chains[b][0].Person.Slug)
	})
	return chains[:min(len(chains), MaxChains)]
}

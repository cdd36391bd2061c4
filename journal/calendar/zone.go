package calendar

import (
	"bufio"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/teambition/rrule-go"
)

// zone turns wall-clock times into instants and back. A wall-clock time
// is carried as a time.Time in UTC whose fields are the local ones, which
// is how recurrences are expanded: by the clock on the wall, whatever the
// offset that day.
type zone interface {
	instant(wall time.Time) time.Time
	wall(t time.Time) time.Time
}

// locationZone is a zone of the IANA database.
type locationZone struct{ loc *time.Location }

func (z locationZone) instant(w time.Time) time.Time {
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, z.loc)
}

func (z locationZone) wall(t time.Time) time.Time { return wallOf(t.In(z.loc)) }

// wallOf is t's clock reading as a wall-clock time.
func wallOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

//go:embed windowszones.tsv
var windowsZonesTSV string

// windowsZones maps the Windows zone names Outlook and Exchange write as
// TZID to IANA names, from CLDR's table.
var windowsZones = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(windowsZonesTSV))
	for sc.Scan() {
		if name, iana, ok := strings.Cut(sc.Text(), "\t"); ok && !strings.HasPrefix(name, "#") {
			m[name] = iana
		}
	}
	return m
})

// zones resolves the TZIDs of one calendar.
type zones struct {
	local    *time.Location            // for dates, and floating times unless floating says otherwise
	floating zone                      // for times without TZID or Z: X-WR-TIMEZONE, else local
	defined  map[string]*ics.VTimezone // the calendar's VTIMEZONE components
	resolved map[string]zone
	unknown  map[string]bool // TZIDs read as local time, to warn about once
}

func newZones(cal *ics.Calendar, local *time.Location) *zones {
	z := &zones{local: local, floating: locationZone{local}, defined: map[string]*ics.VTimezone{}, resolved: map[string]zone{}, unknown: map[string]bool{}}
	for _, p := range cal.CalendarProperties {
		// Apple's X-WR-TIMEZONE, which Google writes too, is the zone of
		// the calendar's floating times.
		if strings.EqualFold(p.IANAToken, "X-WR-TIMEZONE") {
			if loc, ok := ianaZone(strings.TrimSpace(p.Value)); ok {
				z.floating = locationZone{loc}
			}
		}
	}
	for _, c := range cal.Components {
		if tz, ok := c.(*ics.VTimezone); ok {
			if id := tz.GetProperty(ics.ComponentPropertyTzid); id != nil {
				z.defined[id.Value] = tz
			}
		}
	}
	return z
}

// zone returns the zone a TZID names: an IANA name, then a Windows name
// (through CLDR's table), then the calendar's own VTIMEZONE definition.
// A TZID none of these knows is read as local time and reported once.
func (z *zones) zone(tzid string) zone {
	if tzid == "" {
		return z.floating
	}
	if found, ok := z.resolved[tzid]; ok {
		return found
	}
	var found zone
	name := strings.TrimSpace(strings.Trim(tzid, `"`))
	if loc, ok := ianaZone(name); ok {
		found = locationZone{loc}
	} else if iana, ok := windowsZones()[name]; ok {
		if loc, err := time.LoadLocation(iana); err == nil {
			found = locationZone{loc}
		}
	}
	if found == nil {
		if def, ok := z.defined[tzid]; ok {
			if rules, err := rulesOf(def); err == nil {
				found = rules
			}
		}
	}
	if found == nil {
		z.unknown[tzid] = true
		found = locationZone{z.local}
	}
	z.resolved[tzid] = found
	return found
}

// ianaZone loads an IANA zone by name, or by the end of a name that
// carries a prefix, as Mozilla's "/mozilla.org/20070129_1/Europe/Berlin"
// and "/citadel.org/20190914_1/America/New_York" do.
func ianaZone(name string) (*time.Location, bool) {
	if name == "" || name == "Local" {
		return nil, false
	}
	for _, n := range []string{name, titleCase(name)} { // "Europe/lisbon" is written too
		if loc, err := time.LoadLocation(n); err == nil {
			return loc, true
		}
		parts := strings.Split(n, "/")
		for i := 1; i < len(parts)-1; i++ {
			if loc, err := time.LoadLocation(strings.Join(parts[i:], "/")); err == nil {
				return loc, true
			}
		}
	}
	return nil, false
}

// titleCase capitalises each word of a zone name, as the IANA names are:
// "america/new_york" becomes "America/New_York".
func titleCase(name string) string {
	b := []byte(strings.ToLower(name))
	for i := range b {
		if (i == 0 || strings.IndexByte("/_-", b[i-1]) >= 0) && b[i] >= 'a' && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}

// ruleZone is a zone defined by a VTIMEZONE: observances, each starting
// at onsets given by a DTSTART and an RRULE or RDATEs, each with the
// offset it sets.
type ruleZone struct {
	observances []observance
	years       map[int][]onset // the onsets of two years up to the key, by time
}

// onset is when an observance starts, and the offset it sets.
type onset struct {
	at     time.Time // wall clock
	offset time.Duration
}

type observance struct {
	from, to time.Duration // TZOFFSETFROM, TZOFFSETTO
	start    time.Time     // wall clock, in the offset before it
	rule     *rrule.RRule  // nil for onsets by RDATE or DTSTART alone
	dates    []time.Time   // RDATE onsets, wall clock
}

func rulesOf(tz *ics.VTimezone) (*ruleZone, error) {
	z := &ruleZone{}
	for _, c := range tz.Components {
		var base *ics.ComponentBase
		switch o := c.(type) {
		case *ics.Standard:
			base = &o.ComponentBase
		case *ics.Daylight:
			base = &o.ComponentBase
		default:
			continue
		}
		var ob observance
		var err error
		if ob.from, err = offsetOf(base.GetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom))); err != nil {
			return nil, err
		}
		if ob.to, err = offsetOf(base.GetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto))); err != nil {
			return nil, err
		}
		start := base.GetProperty(ics.ComponentPropertyDtStart)
		if start == nil {
			return nil, fmt.Errorf("VTIMEZONE %s: an observance has no DTSTART", tz.Id())
		}
		if ob.start, err = time.Parse("20060102T150405", strings.TrimSuffix(start.Value, "Z")); err != nil {
			return nil, fmt.Errorf("VTIMEZONE %s: DTSTART %q: %v", tz.Id(), start.Value, err)
		}
		if r := base.GetProperty(ics.ComponentPropertyRrule); r != nil {
			opt, err := rrule.StrToROptionInLocation(r.Value, time.UTC)
			if err != nil {
				return nil, fmt.Errorf("VTIMEZONE %s: RRULE %q: %v", tz.Id(), r.Value, err)
			}
			opt.Dtstart = ob.start
			if epoch := 1970; ob.start.Year() < epoch && opt.Count == 0 {
				// Outlook starts its rules in 1601; rrule-go gives up
				// after some centuries of a yearly rule. The rule is the
				// same from a later start, whose onsets are all that
				// matter for meetings.
				opt.Dtstart = ob.start.AddDate(epoch-ob.start.Year(), 0, 0)
			}
			if ob.rule, err = rrule.NewRRule(*opt); err != nil {
				return nil, fmt.Errorf("VTIMEZONE %s: RRULE %q: %v", tz.Id(), r.Value, err)
			}
		}
		for _, p := range base.GetProperties(ics.ComponentPropertyRdate) {
			for _, v := range strings.Split(p.Value, ",") {
				if t, err := time.Parse("20060102T150405", strings.TrimSuffix(v, "Z")); err == nil {
					ob.dates = append(ob.dates, t)
				}
			}
		}
		z.observances = append(z.observances, ob)
	}
	if len(z.observances) == 0 {
		return nil, fmt.Errorf("VTIMEZONE %s has no STANDARD or DAYLIGHT", tz.Id())
	}
	sort.Slice(z.observances, func(i, j int) bool { return z.observances[i].start.Before(z.observances[j].start) })
	return z, nil
}

// offsetOf reads a UTC offset such as -0500 or +0530.
func offsetOf(p *ics.IANAProperty) (time.Duration, error) {
	if p == nil {
		return 0, fmt.Errorf("VTIMEZONE: an observance has no UTC offset")
	}
	v := p.Value
	if len(v) != 5 && len(v) != 7 || (v[0] != '+' && v[0] != '-') {
		return 0, fmt.Errorf("VTIMEZONE: UTC offset %q", v)
	}
	t, err := time.Parse("150405", (v[1:] + "00")[:6])
	if err != nil {
		return 0, fmt.Errorf("VTIMEZONE: UTC offset %q", v)
	}
	d := time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute + time.Duration(t.Second())*time.Second
	if v[0] == '-' {
		d = -d
	}
	return d, nil
}

// offsetAt is the offset in force at a wall-clock time: that of the
// observance whose latest onset is the last before it. The onsets of the
// year and the one before are expanded once and kept.
func (z *ruleZone) offsetAt(w time.Time) time.Duration {
	y := w.Year()
	list, ok := z.years[y]
	if !ok {
		from, to := time.Date(y-1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC)
		for _, ob := range z.observances {
			var at []time.Time
			if ob.rule != nil {
				at = ob.rule.Between(from, to, true)
			}
			at = append(at, ob.start)
			at = append(at, ob.dates...)
			for _, t := range at {
				if !t.Before(from) && t.Before(to) {
					list = append(list, onset{t, ob.to})
				}
			}
		}
		sort.Slice(list, func(i, j int) bool { return list[i].at.Before(list[j].at) })
		if z.years == nil {
			z.years = map[int][]onset{}
		}
		z.years[y] = list
	}
	for i := len(list) - 1; i >= 0; i-- {
		if !list[i].at.After(w) {
			return list[i].offset
		}
	}
	return z.offsetSince(w) // no change of offset in two years
}

// offsetSince finds the offset at w from every onset before it, however
// long ago.
func (z *ruleZone) offsetSince(w time.Time) time.Duration {
	best, offset := time.Time{}, z.observances[0].from
	for _, ob := range z.observances {
		onset := time.Time{}
		if !ob.start.After(w) {
			onset = ob.start
		}
		if ob.rule != nil {
			if t := ob.rule.Before(w, true); !t.IsZero() {
				onset = t
			}
		}
		for _, d := range ob.dates {
			if !d.After(w) && d.After(onset) {
				onset = d
			}
		}
		if !onset.IsZero() && onset.After(best) {
			best, offset = onset, ob.to
		}
	}
	return offset
}

func (z *ruleZone) instant(w time.Time) time.Time { return w.Add(-z.offsetAt(w)) }

func (z *ruleZone) wall(t time.Time) time.Time {
	t = t.UTC()
	guess := t.Add(z.offsetAt(t))
	return t.Add(z.offsetAt(guess))
}

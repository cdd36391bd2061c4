//go:build race

package journal

// raceRounds is how many rounds of the stress tests run under the race
// detector, ten times slower: plain go test runs stressRounds.
const raceRounds = 50

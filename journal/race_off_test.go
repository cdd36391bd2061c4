//go:build !race

package journal

// raceRounds is stressRounds without the race detector: every round runs.
const raceRounds = stressRounds

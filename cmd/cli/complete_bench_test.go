package cli

import "testing"

// BenchmarkCompletion times what a shell asks for at each Tab, over the
// generated journals of BenchmarkCommands, with the index built. The
// targets at 100,000 entries: people, kinds, practices, tags and projects
// under 50 ms, entries and items under 150 ms.
//
//	go test ./cmd/cli -run '^$' -bench Completion/100k -benchtime 5x
func BenchmarkCompletion(b *testing.B) {
	words := []struct {
		name string
		args []string
	}{
		{"person", []string{"__complete", "prep", "a"}},
		{"kind", []string{"__complete", "log", "--kind", ""}},
		{"practice", []string{"__complete", "log", "--practice", ""}},
		{"tag", []string{"__complete", "list", "--tag", ""}},
		{"project", []string{"__complete", "list", "--project", "q"}},
		{"entry", []string{"__complete", "show", ""}},
		{"entry-title", []string{"__complete", "show", "q"}},
		{"item", []string{"__complete", "done", ""}},
	}
	for _, size := range benchSizes {
		for _, w := range words {
			b.Run(size.name+"/"+w.name, func(b *testing.B) {
				dir := benchJournal(b, size.entries)
				runInProcess(b, dir, "todo") // build the index
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					runInProcess(b, dir, w.args...)
				}
			})
		}
	}
}

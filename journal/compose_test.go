package journal

import "testing"

func TestDropEmptySections(t *testing.T) {
	in := "# Q3\n\n## Notes\nShe agreed.\n\n## Feedback\n\n## Wins\n### later\n\n## Next time\n\n"
	want := "# Q3\n\n## Notes\nShe agreed.\n\n## Wins\n### later\n"
	if got := dropEmptySections(in); got != want {
		t.Errorf("dropEmptySections:\n%q\nwant\n%q", got, want)
	}
	if same := "## Notes\nText\n\n\n\nmore\n"; dropEmptySections(same) != same {
		t.Errorf("a body with nothing to drop changed: %q", dropEmptySections(same))
	}
}

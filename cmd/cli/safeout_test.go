package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestTerminalWriterShowsControlsAndKeepsStyles: text written a byte at a
// time or whole reaches the terminal the same: its controls visible,
// lead's own colours as escape sequences.
func TestTerminalWriterShowsControlsAndKeepsStyles(t *testing.T) {
	a := &app{env: &Env{StdoutTTY: true, LookupEnv: func(string) (string, bool) { return "", false }}}
	in := a.paint("red", "overdue") + " \x1b]0;PWNED\x07 é\u202e\u009b\r\x7f\tend\n" + string([]byte{0xff})
	want := "\x1b[31moverdue\x1b[0m ^[]0;PWNED^G é<U+202E><U+009B>^M^?\tend\n<0xFF>"
	for _, step := range []int{len(in), 1, 2, 3} {
		var out bytes.Buffer
		w := &terminalWriter{w: &out}
		for i := 0; i < len(in); i += step {
			w.Write([]byte(in[i:min(len(in), i+step)]))
		}
		w.Flush()
		if out.String() != want {
			t.Errorf("written %d bytes at a time:\n got %q\nwant %q", step, out.String(), want)
		}
	}
	var out bytes.Buffer
	w := &terminalWriter{w: &out}
	w.Write([]byte("cut short " + styleMark[:3]))
	w.Flush()
	if strings.ContainsRune(out.String(), 0x1b) {
		t.Errorf("an incomplete mark reached the terminal as ESC: %q", out.String())
	}
}

func TestSpreadsheetText(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx", "\rx": "'\rx",
		"＝1": "'＝1", "plain": "plain", "": "", "a=b": "a=b",
	} {
		if got := spreadsheetText(in); got != want {
			t.Errorf("spreadsheetText(%q) = %q, want %q", in, got, want)
		}
	}
}

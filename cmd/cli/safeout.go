package cli

import (
	"crypto/rand"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Every string lead prints may come from a file someone else wrote or
// from the command line. What reaches a terminal passes through a
// terminalWriter, so that no byte of it is taken by the terminal for a
// command: control characters, escape sequences and the invisible
// characters that reorder text are shown in a visible form instead.
// Tab-separated cells lose their tabs and line breaks (cellSpace), and CSV
// cells a spreadsheet would evaluate are quoted (csvCell).

// styleMark stands for the ESC byte in what paint writes. It is chosen at
// random for each run, so text from a file cannot contain it, and short,
// so that a painted cell stays near its width in a table: a
// terminalWriter turns it into ESC and shows every other ESC as ^[.
var styleMark = func() string {
	b := make([]byte, 8)
	rand.Read(b)
	mark := []rune{0x1b}
	for i := 0; i < len(b); i += 2 { // four runes of Unicode's plane 15, 64 random bits
		mark = append(mark, 0xf0000+rune(b[i])<<8|rune(b[i+1]))
	}
	return string(mark)
}()

// terminalWriter writes to a terminal with control characters made
// visible: C0 controls but tab and newline in caret notation (ESC as ^[,
// CR as ^M), DEL as ^?, and C1 controls, bidirectional overrides and
// isolates, and bytes that are not UTF-8 as <U+XXXX> or <0xXX>.
type terminalWriter struct {
	w        io.Writer
	verbatim bool   // write bytes as they come: output to a pipe or a file
	held     []byte // an incomplete rune or style mark at the end of the last write
	out      []byte
}

// safeStreams returns env with standard output and standard error passing
// through terminalWriters, and a function that writes out what they hold
// back. Standard output is written verbatim unless it is a terminal, or
// until showControls says colour was asked for on a pipe (a pager's, a
// picker's preview), which is bound for a terminal too.
func safeStreams(env *Env) (*Env, func()) {
	safe := *env
	safe.raw = env
	stderr := &terminalWriter{w: env.Stderr}
	stdout := &terminalWriter{w: env.Stdout, verbatim: !env.StdoutTTY}
	safe.Stderr, safe.Stdout = stderr, stdout
	return &safe, func() {
		stdout.Flush()
		stderr.Flush()
	}
}

// showControls makes standard output show control characters when colour
// is on though it is not a terminal (--color always, CLICOLOR_FORCE):
// such output is read on a terminal, through less -R or a preview.
func (a *app) showControls() {
	if t, ok := a.env.Stdout.(*terminalWriter); ok && a.color() {
		t.verbatim = false
	}
}

// showsControls reports whether standard output shows control characters.
func (a *app) showsControls() bool {
	t, ok := a.env.Stdout.(*terminalWriter)
	return a.env.StdoutTTY || ok && !t.verbatim
}

// Write writes p made safe. It reports len(p) when every byte was taken.
func (t *terminalWriter) Write(p []byte) (int, error) {
	if t.verbatim {
		return t.w.Write(p)
	}
	in := p
	if len(t.held) > 0 {
		in = append(t.held, p...)
		t.held = nil
	}
	t.out = t.out[:0]
	for i := 0; i < len(in); {
		c := in[i]
		switch {
		case c == 0x1b && strings.HasPrefix(string(in[i:]), styleMark):
			t.out = append(t.out, 0x1b)
			i += len(styleMark)
			continue
		case c == 0x1b && strings.HasPrefix(styleMark, string(in[i:])):
			t.held = append(t.held, in[i:]...)
			i = len(in)
			continue
		case c < utf8.RuneSelf:
			t.out = appendVisible(t.out, rune(c))
			i++
			continue
		}
		if !utf8.FullRune(in[i:]) {
			t.held = append(t.held, in[i:]...)
			break
		}
		r, n := utf8.DecodeRune(in[i:])
		if r == utf8.RuneError && n == 1 {
			t.out = fmt.Appendf(t.out, "<0x%02X>", c)
		} else {
			t.out = appendVisible(t.out, r)
		}
		i += n
	}
	if _, err := t.w.Write(t.out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes what Write held back, as text that did not complete.
func (t *terminalWriter) Flush() {
	if len(t.held) == 0 {
		return
	}
	held := t.held
	t.held = nil
	t.out = t.out[:0]
	for _, c := range held {
		if c < utf8.RuneSelf {
			t.out = appendVisible(t.out, rune(c))
		} else {
			t.out = fmt.Appendf(t.out, "<0x%02X>", c)
		}
	}
	t.w.Write(t.out)
}

// appendVisible appends r, or its visible form when a terminal would act
// on it rather than show it.
func appendVisible(b []byte, r rune) []byte {
	switch {
	case r == '\t' || r == '\n':
		return append(b, byte(r))
	case r < 0x20:
		return append(b, '^', byte(r)+'@')
	case r == 0x7f:
		return append(b, '^', '?')
	case r < 0x80:
		return append(b, byte(r))
	case r <= 0x9f, // C1 controls: 0x9b is CSI to some terminals
		r == 0x061c, r == 0x200e, r == 0x200f, // bidirectional marks
		0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069: // embeddings, overrides, isolates
		return fmt.Appendf(b, "<U+%04X>", r)
	}
	return utf8.AppendRune(b, r)
}

// visibleLine is s on one line as a terminal would show it from a
// terminalWriter: for text lead hands to a program that draws on the
// terminal itself, a shell's completion menu or a picker. Tabs and line
// breaks become spaces; other controls take their visible forms.
func visibleLine(s string) string {
	var b []byte
	for _, r := range strings.ToValidUTF8(cellSpace.Replace(s), "\uFFFD") {
		b = appendVisible(b, r)
	}
	return string(b)
}

// spreadsheetText is a CSV cell as OWASP's advice on CSV injection has
// it: a cell that a spreadsheet would take for a formula (it begins with
// =, +, -, @, a tab or a carriage return, or a full-width =, +, - or @)
// gets a leading single quote, which spreadsheets show as text.
func spreadsheetText(cell string) string {
	r, _ := utf8.DecodeRuneInString(cell)
	switch r {
	case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠':
		return "'" + cell
	}
	return cell
}

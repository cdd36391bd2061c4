package journal_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// module is lead's module path; its packages are named below relative to it.
const module = "github.com/lead-journal/lead/"

// layers are the packages of docs/architecture.md and the packages of
// lead each may import. A package of lead's not listed here fails the
// test, so that a new one gets its place on that page.
var layers = map[string][]string{
	"journal/when":     {},
	"journal/format":   {"journal/when"},
	"journal/store":    {"journal/format"},
	"journal/index":    {"journal/format", "journal/store", "journal/when"},
	"journal/jrnl":     {},
	"journal/calendar": {"journal/when"},
	"journal":          {"journal/format", "journal/store", "journal/index", "journal/when", "journal/jrnl", "journal/calendar", "templates"},
	"journal/synth":    {"journal"},
	"templates":        {},
	"cmd/diagram":      {},
	"cmd/gitrepo":      {},
	"cmd/cli":          {"journal", "journal/when", "journal/jrnl", "journal/calendar", "cmd/diagram", "cmd/gitrepo", "cmd/cli/lsp"},
	"cmd/cli/lsp":      {"journal", "journal/when"},
	"cmd/lead":         {"cmd/cli"},
	"cmd/gen-docs":     {"cmd/cli"},
	"cmd/gen-journal":  {"journal/synth"},
}

// lowLevel are what the domain leaves to the packages below it: memory
// tricks, system calls and process-wide tuning.
var lowLevel = []string{"unsafe", "syscall", "golang.org/x/sys", "runtime/debug"}

// unsafeUsers are the only packages that may import unsafe, where
// docs/performance.md (14) measured that it pays for itself: the statx
// call on a listed name, and strings that point into the mapped index.
var unsafeUsers = []string{"journal/store", "journal/index"}

// commandLine are what only cmd/ may import: the command line and the
// terminal.
var commandLine = []string{"github.com/spf13/cobra", "github.com/spf13/pflag", "golang.org/x/term"}

// domainWords name what only the domain knows: the read engine reads
// files, records and filters, never reviews, bosses or agendas.
var domainWords = []string{"review", "boss", "agenda", "cadence", "prep", "stakeholder"}

// TestPackagesImportOnlyWhatTheirLayerMay holds every package of lead to
// docs/architecture.md: one-way imports between its packages, no system
// calls, memory tricks or process tuning in the domain, unsafe only where
// it was measured to pay, no command line or terminal below cmd/, and no
// word of the domain in the read engine.
func TestPackagesImportOnlyWhatTheirLayerMay(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(root, path)
		pkg := filepath.ToSlash(rel)
		imports, idents := packageOf(t, path)
		if imports == nil {
			return nil
		}
		found[pkg] = true
		allowed, ok := layers[pkg]
		if !ok {
			t.Errorf("%s is not in docs/architecture.md (nor in this test's layers)", pkg)
			return nil
		}
		for imp, file := range imports {
			switch {
			case strings.HasPrefix(imp, module):
				if dep := strings.TrimPrefix(imp, module); !slices.Contains(allowed, dep) {
					t.Errorf("%s imports %s (%s): docs/architecture.md does not allow it", pkg, dep, file)
				}
			case pkg == "journal" && matchesAny(imp, lowLevel):
				t.Errorf("the domain imports %s (%s): that belongs in journal/store or journal/index, or in cmd/lead", imp, file)
			case imp == "unsafe" && !slices.Contains(unsafeUsers, pkg):
				t.Errorf("%s imports unsafe (%s): only %s may, where docs/performance.md measured that it pays", pkg, file, strings.Join(unsafeUsers, " and "))
			case !strings.HasPrefix(pkg, "cmd/") && matchesAny(imp, commandLine):
				t.Errorf("%s imports %s (%s): the command line and the terminal belong in cmd/", pkg, imp, file)
			}
		}
		if pkg == "journal/index" {
			for _, id := range idents {
				for _, w := range domainWords {
					if strings.Contains(strings.ToLower(id.name), w) {
						t.Errorf("the read engine names %s (%s): it knows files, records and filters, not the domain's %ss", id.name, id.at, w)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for pkg := range layers {
		if !found[pkg] {
			t.Errorf("%s is in this test's layers but not in the tree", pkg)
		}
	}
}

func matchesAny(imp string, prefixes []string) bool {
	for _, p := range prefixes {
		if imp == p || strings.HasPrefix(imp, p+"/") {
			return true
		}
	}
	return false
}

// ident is a name a package's code declares or uses, and where.
type ident struct{ name, at string }

// packageOf parses the Go files of dir but its tests, whatever their
// build constraints, and returns each import with a file that makes it,
// and the identifiers the code declares or uses, other than the fields
// and methods it selects from other packages' types. A directory with
// no Go code gives nil.
func packageOf(t *testing.T, dir string) (map[string]string, []ident) {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var imports map[string]string
	var idents []ident
	fset := token.NewFileSet()
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		if imports == nil {
			imports = map[string]string{}
		}
		for _, spec := range f.Imports {
			path, _ := strconv.Unquote(spec.Path.Value)
			imports[path] = filepath.Base(name)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.SelectorExpr:
				ast.Inspect(x.X, func(n ast.Node) bool { // the selected field is the record's own
					if id, ok := n.(*ast.Ident); ok {
						idents = append(idents, ident{id.Name, where(fset, id)})
					}
					return true
				})
				return false
			case *ast.Ident:
				idents = append(idents, ident{x.Name, where(fset, x)})
			case *ast.Comment, *ast.CommentGroup:
				return false
			}
			return true
		})
	}
	return imports, idents
}

// where is the file and line of n.
func where(fset *token.FileSet, n ast.Node) string {
	p := fset.Position(n.Pos())
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

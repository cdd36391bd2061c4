package journal

import "github.com/lead-journal/lead/journal/store"

// ReadFile reads a file lead was pointed at (a draft, an entry to print,
// the user's config) as it reads the journal's own: a regular file only,
// never a named pipe, device or socket, whether named directly or through
// a symbolic link, opened without waiting, and of at most MaxFileSize
// bytes. Anything else is refused with an error naming the path.
func ReadFile(path string) ([]byte, error) { return store.ReadFile(path) }

// MaxImportSize bounds a file lead imports from another journal.
const MaxImportSize = 256 << 20

// ReadImport reads a file to import, as ReadFile does but of at most
// MaxImportSize bytes.
func ReadImport(path string) ([]byte, error) { return store.ReadLimited(path, MaxImportSize) }

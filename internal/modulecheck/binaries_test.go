package modulecheck

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// executableMagic are the first bytes of the executable and object
// formats go build can write: ELF, Mach-O (32 and 64 bits, both byte
// orders, and universal), PE (MZ) and WebAssembly.
var executableMagic = [][]byte{
	[]byte("\x7fELF"),
	{0xfe, 0xed, 0xfa, 0xce}, {0xce, 0xfa, 0xed, 0xfe},
	{0xfe, 0xed, 0xfa, 0xcf}, {0xcf, 0xfa, 0xed, 0xfe},
	{0xca, 0xfe, 0xba, 0xbe},
	[]byte("MZ"),
	[]byte("\x00asm"),
}

// No compiled binary is tracked in git: a binary built by go build in an
// example's directory once slipped in (10 MB) past a .gitignore that
// matched only at the root.
func TestNoBinaryIsTracked(t *testing.T) {
	out, err := exec.Command("git", "-C", "../..", "ls-files", "-z").Output()
	if err != nil {
		t.Skipf("not a git checkout, or no git: %v", err)
	}
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if name == "" {
			continue
		}
		f, err := os.Open(filepath.Join("../..", name))
		if err != nil {
			continue // deleted in the work tree
		}
		head := make([]byte, 4)
		n, _ := f.Read(head)
		f.Close()
		for _, m := range executableMagic {
			if bytes.HasPrefix(head[:n], m) {
				t.Errorf("%s is a compiled binary tracked in git: remove it and ignore it", name)
				break
			}
		}
	}
}

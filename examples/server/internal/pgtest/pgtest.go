// Package pgtest starts a throwaway PostgreSQL cluster on loopback for the
// service's tests and benchmarks, or uses the server named by
// KASHIDASHI_POSTGRES_URL. The cluster lives in a temporary directory,
// listens on 127.0.0.1 and a free port only, trusts local connections,
// and is removed by Stop.
//
// PostgreSQL's own binaries (initdb, postgres) are found on PATH, in
// KASHIDASHI_PG_BIN, or where Debian's package puts them
// (/usr/lib/postgresql/VERSION/bin). When none is found, Start fails with
// a message naming the package to install: the tests that need
// PostgreSQL fail rather than skip, so that CI proves them.
//
// initdb and postgres refuse to run as root. A test running as root
// (a CI container) runs them as the operating-system user "postgres",
// which Debian's package creates, by setting the child process's
// credentials; nothing else runs as that user.
package pgtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// EnvURL names the environment variable of an existing server to use
// instead of a throwaway cluster: a URL such as
// postgres://user:pass@127.0.0.1:5432/postgres whose user may create
// databases.
const EnvURL = "KASHIDASHI_POSTGRES_URL"

// Install is the advice Start gives when PostgreSQL is missing.
const Install = "PostgreSQL's server binaries (initdb, postgres) were not found: install them " +
	"(Debian, Ubuntu: apt-get install -y postgresql), set KASHIDASHI_PG_BIN to their directory, " +
	"or set " + EnvURL + " to a server whose user may create databases"

// Cluster is a running PostgreSQL server for tests: a throwaway cluster
// this package started, or the server of KASHIDASHI_POSTGRES_URL.
type Cluster struct {
	admin string // URL of the maintenance database
	dir   string // temporary directory of a throwaway cluster, "" otherwise
	cmd   *exec.Cmd
	done  chan struct{}
	seq   atomic.Int64
}

var (
	shared     *Cluster
	sharedErr  error
	sharedOnce sync.Once
)

// Shared returns the one cluster of the test binary, started on first
// use; StopShared stops it (call it from TestMain).
func Shared() (*Cluster, error) {
	sharedOnce.Do(func() { shared, sharedErr = Start() })
	return shared, sharedErr
}

// StopShared stops the shared cluster if one was started.
func StopShared() {
	if shared != nil {
		shared.Stop()
	}
}

// Start starts a throwaway cluster, or connects to the server of
// KASHIDASHI_POSTGRES_URL when it is set.
func Start() (*Cluster, error) {
	if u := os.Getenv(EnvURL); u != "" {
		c := &Cluster{admin: u}
		return c, c.ping(10 * time.Second)
	}
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	var lastErr error
	for range 3 { // a free port may be taken between choosing and binding it
		c, err := start(bin)
		if err == nil {
			return c, nil
		}
		lastErr = err
	}
	return nil, lastErr
}

// binDir finds the directory of initdb and postgres.
func binDir() (string, error) {
	if d := os.Getenv("KASHIDASHI_PG_BIN"); d != "" {
		return d, nil
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(found) == 0 {
		return "", errors.New(Install)
	}
	sort.Slice(found, func(i, j int) bool { return version(found[i]) > version(found[j]) })
	return filepath.Dir(found[0]), nil
}

// version is the major version in a path /usr/lib/postgresql/15/bin/initdb.
func version(path string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return n
}

// start runs initdb into a new temporary directory and starts postgres
// on a free loopback port, its socket in that directory.
func start(bin string) (*Cluster, error) {
	cred, uid, gid, err := credential()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "kashidashi-pg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, done: make(chan struct{})}
	if err := os.Chown(dir, uid, gid); err != nil {
		c.Stop()
		return nil, err
	}
	data := filepath.Join(dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres",
		"--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		c.Stop()
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	port, err := freePort()
	if err != nil {
		c.Stop()
		return nil, err
	}
	if err := c.run(bin, data, port, cred); err != nil {
		c.Stop()
		return nil, err
	}
	c.admin = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	if err := c.ping(30 * time.Second); err != nil {
		c.Stop()
		return nil, fmt.Errorf("%w; server log:\n%s", err, c.log())
	}
	return c, nil
}

// run starts postgres as a child process, which gets SIGQUIT (immediate
// shutdown) should the test process die without stopping it.
func (c *Cluster) run(bin, data string, port int, cred *syscall.Credential) error {
	logf, err := os.Create(filepath.Join(c.dir, "server.log"))
	if err != nil {
		return err
	}
	c.cmd = exec.Command(filepath.Join(bin, "postgres"), "-D", data, "-k", c.dir,
		"-p", strconv.Itoa(port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200")
	c.cmd.Stdout, c.cmd.Stderr = logf, logf
	c.cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGQUIT, Setpgid: true}
	if err := c.cmd.Start(); err != nil {
		logf.Close()
		return err
	}
	go func() {
		_ = c.cmd.Wait()
		logf.Close()
		close(c.done)
	}()
	return nil
}

// credential returns the credentials to run PostgreSQL with: those of
// the user postgres when running as root, none (the current user)
// otherwise; and the owner to give the cluster's directory.
func credential() (*syscall.Credential, int, int, error) {
	if os.Geteuid() != 0 {
		return nil, os.Getuid(), os.Getgid(), nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, 0, 0, fmt.Errorf("running as root, PostgreSQL needs the user postgres to run as "+
			"(Debian's package creates it: apt-get install -y postgresql): %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, uid, gid, nil
}

// freePort returns a TCP port free on 127.0.0.1 a moment ago.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// ping waits until the server answers, for up to limit.
func (c *Cluster) ping(limit time.Duration) error {
	db, err := sql.Open("pgx", c.admin)
	if err != nil {
		return err
	}
	defer db.Close()
	deadline := time.Now().Add(limit)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err = db.PingContext(ctx)
		cancel()
		if err == nil {
			return nil
		}
		if c.exited() || time.Now().After(deadline) {
			return fmt.Errorf("postgres does not answer: %w", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// exited reports whether a throwaway server has stopped.
func (c *Cluster) exited() bool {
	if c.done == nil {
		return false
	}
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// log returns the throwaway server's log.
func (c *Cluster) log() string {
	b, _ := os.ReadFile(filepath.Join(c.dir, "server.log"))
	return string(b)
}

// NewDatabase creates a fresh database and returns its URL. The caller
// drops it with DropDatabase, or leaves it to Stop.
func (c *Cluster) NewDatabase(ctx context.Context) (string, error) {
	name := fmt.Sprintf("kashidashi_%d_%d", os.Getpid(), c.seq.Add(1))
	db, err := sql.Open("pgx", c.admin)
	if err != nil {
		return "", err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	return withDatabase(c.admin, name)
}

// DropDatabase drops the database of url, made by NewDatabase.
func (c *Cluster) DropDatabase(ctx context.Context, url string) error {
	i := strings.LastIndex(strings.SplitN(url, "?", 2)[0], "/")
	name := strings.SplitN(url[i+1:], "?", 2)[0]
	db, err := sql.Open("pgx", c.admin)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	return err
}

// withDatabase returns url with its database replaced by name.
func withDatabase(url, name string) (string, error) {
	base, query, _ := strings.Cut(url, "?")
	scheme, rest, ok := strings.Cut(base, "://")
	if !ok {
		return "", fmt.Errorf("%s is not a postgres:// URL", EnvURL)
	}
	host, _, _ := strings.Cut(rest, "/")
	out := scheme + "://" + host + "/" + name
	if query != "" {
		out += "?" + query
	}
	return out, nil
}

// Stop stops a throwaway cluster and removes its directory; for the
// server of KASHIDASHI_POSTGRES_URL it does nothing.
func (c *Cluster) Stop() {
	if c.cmd != nil && c.cmd.Process != nil && !c.exited() {
		_ = c.cmd.Process.Signal(syscall.SIGINT) // fast shutdown
		select {
		case <-c.done:
		case <-time.After(15 * time.Second):
			_ = c.cmd.Process.Kill()
			<-c.done
		}
	}
	if c.dir != "" {
		_ = os.RemoveAll(c.dir)
	}
}

// Database creates a database on the shared cluster (Shared) and returns
// its URL; the database is dropped at the end of the test. PostgreSQL
// missing fails the test, never skips it: CI proves PostgreSQL.
func Database(t testing.TB) string {
	t.Helper()
	c, err := Shared()
	if err != nil {
		t.Fatal(err)
	}
	url, err := c.NewDatabase(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.DropDatabase(context.Background(), url) })
	return url
}

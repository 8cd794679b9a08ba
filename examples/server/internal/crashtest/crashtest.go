// Package crashtest is the harness of the service's crash tests: it
// starts a service process on a database, sends it many concurrent
// checkouts of one item, kills it with SIGKILL in the middle, starts it
// again on the same database, retries every request with its
// Idempotency-Key, and checks what a library must be able to rely on:
// every retry is granted, an acknowledged checkout gets its first answer
// again (Idempotent-Replayed), and the item's queue holds exactly one
// reservation per patron, positions 1..n in ID order, each the one its
// answer named. Traffic goes to 127.0.0.1 only; every wait is bounded.
//
// Start, Process.Kill and Process.Stop are the harness's own parts, for
// a crash test of other requests.
package crashtest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Service is a service under test: how to start it and how to talk to it.
type Service struct {
	// Bin and Args start the service; "-addr 127.0.0.1:0" is appended.
	Bin  string
	Args []string
	// Listening finds the address the service listens on in a line of
	// its output (standard output or standard error).
	Listening func(line string) (addr string, ok bool)
	// Checkout returns the request of patron's checkout of item under
	// the Idempotency-Key key, to the service at addr.
	Checkout func(addr, patron, item, key string) (*http.Request, error)
	// Placed reads the reservation a granted checkout's body names.
	Placed func(body []byte) (Placed, error)
	// Queue reads item's queue from the service at addr.
	Queue func(ctx context.Context, c *http.Client, addr, item string) ([]Placed, error)
}

// Placed is a reservation as an answer or a queue names it. Position is
// 0 when the answer does not say.
type Placed struct {
	ID       uint64
	Patron   string
	Position int
}

// Report says what a run did.
type Report struct {
	// KilledAt is the number of acknowledged checkouts that triggered
	// the kill; Acked, the acknowledged checkouts in all.
	KilledAt, Acked int
}

// Item is the item every checkout is of.
const Item = "hot"

// Build builds the main package pkg (run from dir) and returns the
// binary's path and the function that removes it.
func Build(dir, pkg string) (string, func(), error) {
	tmp, err := os.MkdirTemp("", "kashidashi-crash-")
	if err != nil {
		return "", nil, err
	}
	remove := func() { os.RemoveAll(tmp) }
	bin := filepath.Join(tmp, "service")
	// go test puts the go command of its GOROOT first on PATH.
	cmd := exec.Command("go", "build", "-o", bin, pkg)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		remove()
		return "", nil, fmt.Errorf("building %s: %v\n%s", pkg, err, out)
	}
	return bin, remove, nil
}

// Run runs the crash test with n concurrent checkouts by n patrons.
func Run(ctx context.Context, s Service, n int) (Report, error) {
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: n}}
	defer client.CloseIdleConnections()
	p, err := Start(ctx, s)
	if err != nil {
		return Report{}, err
	}
	rep := Report{KilledAt: 10 + rand.IntN(min(60, n/2))}
	var acks atomic.Int64
	first := sendAll(ctx, client, s, p.Addr(), n, func() {
		if acks.Add(1) == int64(rep.KilledAt) {
			p.Kill()
		}
	})
	p.Kill() // in case fewer were acknowledged
	if rep.Acked = int(acks.Load()); rep.Acked >= n {
		return rep, fmt.Errorf("all %d checkouts were acknowledged before the kill: nothing was in flight", n)
	}
	if p, err = Start(ctx, s); err != nil {
		return rep, err
	}
	defer p.Stop()
	client.CloseIdleConnections()
	retry := sendAll(ctx, client, s, p.Addr(), n, func() {})
	answered, err := checkRetries(s, first, retry)
	if err != nil {
		return rep, err
	}
	queue, err := s.Queue(ctx, client, p.addr, Item)
	if err != nil {
		return rep, err
	}
	return rep, checkQueue(queue, answered, n)
}

// Process is a service started by Start, until it is killed or stopped.
type Process struct {
	cmd  *exec.Cmd
	addr string
	out  *bytes.Buffer // its output, for an error
	mu   sync.Mutex
	done chan struct{}
}

// Start starts the service s (s.Bin, s.Args and s.Listening; the other
// fields are Run's) on 127.0.0.1 and waits until it listens, at most
// 60 s or until ctx is done. The caller kills or stops it; it gets
// SIGKILL too if the test process dies first (Pdeathsig).
func Start(ctx context.Context, s Service) (*Process, error) {
	cmd := exec.Command(s.Bin, append(s.Args, "-addr", "127.0.0.1:0")...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	r, w := io.Pipe()
	cmd.Stdout, cmd.Stderr = w, w
	p := &Process{cmd: cmd, out: new(bytes.Buffer), done: make(chan struct{})}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	addrs := make(chan string, 1)
	go p.scan(r, s.Listening, addrs)
	go func() {
		_ = cmd.Wait()
		w.Close()
		close(p.done)
	}()
	select {
	case p.addr = <-addrs:
		return p, nil
	case <-p.done:
		return nil, fmt.Errorf("the service stopped: %s", p.Output())
	case <-ctx.Done():
	case <-time.After(time.Minute):
	}
	p.Kill()
	return nil, fmt.Errorf("the service did not start: %s", p.Output())
}

// Addr is the address the service listens on, host:port.
func (p *Process) Addr() string { return p.addr }

// scan keeps the service's output and sends the address it listens on.
func (p *Process) scan(r io.Reader, listening func(string) (string, bool), addrs chan<- string) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	found := false
	for sc.Scan() {
		p.mu.Lock()
		if p.out.Len() < 64<<10 {
			p.out.WriteString(sc.Text() + "\n")
		}
		p.mu.Unlock()
		if addr, ok := listening(sc.Text()); ok && !found {
			found = true
			addrs <- addr
		}
	}
	_, _ = io.Copy(io.Discard, r)
}

// Output returns what the service wrote, its first 64 KiB.
func (p *Process) Output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// Kill kills the service with SIGKILL and waits for it to die. It may
// be called more than once, and from several goroutines.
func (p *Process) Kill() {
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

// Stop stops the service with SIGTERM, or SIGKILL after 15 s, and
// waits for it to die.
func (p *Process) Stop() {
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(15 * time.Second):
		p.Kill()
	}
}

// outcome is what a client got for a request.
type outcome struct {
	status   int
	body     []byte
	replayed bool
	err      error
}

// patron is the i-th patron; key, the key of its checkout.
func patron(i int) string { return fmt.Sprintf("p%03d", i) }
func key(i int) string    { return fmt.Sprintf("crash-%03d", i) }

// sendAll sends every patron's checkout at once, calling acked after
// each 201.
func sendAll(ctx context.Context, c *http.Client, s Service, addr string, n int, acked func()) []outcome {
	out := make([]outcome, n)
	var wg sync.WaitGroup
	for i := range out {
		wg.Go(func() {
			out[i] = send(ctx, c, s, addr, i)
			if out[i].err == nil && out[i].status == http.StatusCreated {
				acked()
			}
		})
	}
	wg.Wait()
	return out
}

// send sends patron i's checkout.
func send(ctx context.Context, c *http.Client, s Service, addr string, i int) outcome {
	req, err := s.Checkout(addr, patron(i), Item, key(i))
	if err != nil {
		return outcome{err: err}
	}
	resp, err := c.Do(req.WithContext(ctx))
	if err != nil {
		return outcome{err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return outcome{status: resp.StatusCode, body: body, replayed: resp.Header.Get("Idempotent-Replayed") == "true", err: err}
}

// checkRetries checks that every retry was granted and that an
// acknowledged checkout got its first answer again, replayed, and
// returns the reservation each patron's answer names.
func checkRetries(s Service, first, retry []outcome) (map[string]Placed, error) {
	answered := make(map[string]Placed)
	for i, r := range retry {
		if r.err != nil || r.status != http.StatusCreated {
			return nil, fmt.Errorf("retry of checkout %d: %d %s %v", i, r.status, r.body, r.err)
		}
		f := first[i]
		if f.err == nil && f.status == http.StatusCreated && (!r.replayed || !bytes.Equal(f.body, r.body)) {
			return nil, fmt.Errorf("checkout %d was acknowledged with %s, and its retry answered %s (replayed: %v)", i, f.body, r.body, r.replayed)
		}
		p, err := s.Placed(r.body)
		if err != nil {
			return nil, err
		}
		if p.Patron != patron(i) {
			return nil, fmt.Errorf("checkout %d placed %+v, not %s's reservation", i, p, patron(i))
		}
		answered[p.Patron] = p
	}
	return answered, nil
}

// checkQueue checks the queue after the crash: n reservations, one per
// patron, the one its answer named, positions 1..n in ID order.
func checkQueue(queue []Placed, answered map[string]Placed, n int) error {
	if len(queue) != n {
		return fmt.Errorf("the queue holds %d reservations, want %d", len(queue), n)
	}
	seen := make(map[string]bool)
	for i, e := range queue {
		if e.Position != i+1 || (i > 0 && queue[i-1].ID >= e.ID) {
			return fmt.Errorf("queue entry %d: position %d, ID %d", i, e.Position, e.ID)
		}
		if seen[e.Patron] {
			return fmt.Errorf("patron %s twice in the queue", e.Patron)
		}
		seen[e.Patron] = true
		a, ok := answered[e.Patron]
		if !ok || a.ID != e.ID || (a.Position != 0 && a.Position != e.Position) {
			return fmt.Errorf("the queue holds %+v; %s's answer named %+v", e, e.Patron, a)
		}
	}
	return nil
}

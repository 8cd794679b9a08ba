package holds

// alreadyReserved reports, for each item of c, whether the patron
// already has an active reservation for it or it is earlier in the cart
// (ErrAlreadyReserved): O(k + n) for the patron's k active reservations
// and the n items of the cart. The result is appended to buf.
func (d *Desk) alreadyReserved(c Cart, buf []bool) []bool {
	mine := d.mine[c.Patron]
	seen := itemSet{size: len(mine) + len(c.Items)}
	for _, i := range mine {
		seen.add(d.rs[i].Item)
	}
	for _, it := range c.Items {
		buf = append(buf, seen.add(it.ID))
	}
	return buf
}

// itemSet is a set of item identifiers: an array while it is small, where
// a scan beats hashing, and a map beyond.
type itemSet struct {
	few  [smallSet]string
	n    int
	many map[string]struct{}
	size int // the most items expected, to size the map at once
}

// smallSet is the most items an itemSet scans.
const smallSet = 16

// add adds item and reports whether it was there already.
func (s *itemSet) add(item string) bool {
	if s.many == nil {
		for _, e := range s.few[:s.n] {
			if e == item {
				return true
			}
		}
		if s.n < smallSet {
			s.few[s.n] = item
			s.n++
			return false
		}
		s.many = make(map[string]struct{}, max(s.size, 2*smallSet))
		for _, e := range s.few {
			s.many[e] = struct{}{}
		}
	}
	if _, ok := s.many[item]; ok {
		return true
	}
	s.many[item] = struct{}{}
	return false
}

package knowledge

import "testing"

func TestParseVersion(t *testing.T) {
	for _, c := range []struct {
		in    string
		minor int // 0: refused
	}{
		{"1.37", 37}, {"v1.30", 30}, {"1.20.15", 20}, {" 1.28 ", 28},
		{"1.0", 0}, {"1.00", 0}, {"1.07", 0}, {"1.19", 0}, {"1.38", 0}, {"2.0", 0},
		{"1", 0}, {"1.x", 0}, {"1.30.x", 0}, {"", 0}, {"1.30.1.2", 0}, {"1.+30", 0},
	} {
		v, err := ParseVersion(c.in)
		if c.minor == 0 {
			if err == nil {
				t.Errorf("%q: accepted as %s", c.in, v)
			}
			continue
		}
		if err != nil || v.Minor != c.minor {
			t.Errorf("%q: got %v, %v; want 1.%d", c.in, v, err, c.minor)
		}
	}
	if vs := Versions(); vs[0].Minor != OldestMinor || vs[len(vs)-1] != Default() {
		t.Errorf("Versions() = %v", vs)
	}
}

func TestKindResource(t *testing.T) {
	for _, c := range []struct{ kind, plural, singular string }{
		{"Pod", "pods", "pod"}, {"Ingress", "ingresses", "ingress"}, {"NetworkPolicy", "networkpolicies", "networkpolicy"},
		{"Endpoints", "endpoints", "endpoints"}, {"CronTab", "crontabs", "crontab"}, {"", "", ""},
	} {
		if p, s := KindResource(c.kind); p != c.plural || s != c.singular {
			t.Errorf("KindResource(%q) = %q, %q; want %q, %q", c.kind, p, s, c.plural, c.singular)
		}
	}
}

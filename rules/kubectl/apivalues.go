package kubectl

import (
	"sort"
	"strconv"
	"strings"

	"k8s.io/apimachinery/pkg/api/resource"
)

// Values kubectl checks only when it runs (against the API or while it
// builds the request), checked here offline where the answer is certain:
// API group versions, wait conditions, event types, resource quantities and
// port specs. Each check cites the function that rejects the value.

// valueCheck returns why v is not accepted ("" when it is).
type valueCheck func(r *run, v string) string

// valueRow checks the values of one flag of one command.
type valueRow struct {
	cmd, flag string
	check     valueCheck
	cite      string
}

var valueRows = []valueRow{
	// wait --for: wait.go conditionFuncsFor ("unrecognized condition").
	{cmd: "wait", flag: "for", check: waitCondition, cite: "conditionFuncsFor"},
	// events --types: events.go EventsOptions.Validate ("valid --types are
	// Normal or Warning").
	{cmd: "events", flag: "types", check: eventTypes, cite: "EventsOptions.Validate"},
	// set resources --limits/--requests: set_resources.go parseResourceList.
	{cmd: "set resources", flag: "limits", check: resourceList, cite: "parseResourceList"},
	{cmd: "set resources", flag: "requests", check: resourceList, cite: "parseResourceList"},
	// create quota --hard: create_quota.go populateResourceListV1.
	{cmd: "create quota", flag: "hard", check: resourceList, cite: "populateResourceListV1"},
	// create service --tcp: create_service.go parsePorts.
	{cmd: "create service clusterip", flag: "tcp", check: servicePorts, cite: "parsePorts"},
	{cmd: "create service nodeport", flag: "tcp", check: servicePorts, cite: "parsePorts"},
	{cmd: "create service loadbalancer", flag: "tcp", check: servicePorts, cite: "parsePorts"},
}

// checkValueRows checks the flags of pr that a valueRow covers.
func (r *run) checkValueRows(pr *parsed) {
	for _, row := range valueRows {
		if row.cmd != pr.node.path {
			continue
		}
		for _, u := range pr.flags[row.flag] {
			if !u.hasVal || !r.literal(u.val) || looksPlaceholder(u.value) || u.value == "" {
				continue
			}
			if why := row.check(r, u.value); why != "" {
				r.add(Finding{Code: InvalidFlagValue, Arg: u.val, Start: u.off, End: u.off + len(u.value),
					Message: q(u.value) + " is not a value kubectl accepts for --" + row.flag + ": " + why + " (" + row.cite + ")."})
			}
		}
	}
}

// groupVersion is one version of a built-in API group.
type groupVersion struct {
	version string
	removed int // the minor release that stopped serving every kind of it; 0 while one is still served
}

// groupVersions lists the versions of each built-in API group ("" is core)
// with the release that removed them.
func (ix *resourceIndex) groupVersions() map[string][]groupVersion {
	ix.gvOnce.Do(func() {
		removed := map[string]map[string]int{} // group → version → latest removal of its kinds (-1: a kind is never removed)
		for _, es := range ix.byName {
			for _, e := range es {
				if removed[e.group] == nil {
					removed[e.group] = map[string]int{}
				}
				for v := range e.versions {
					m, ok := e.removed[v]
					if !ok {
						m = -1
					}
					old, seen := removed[e.group][v]
					switch {
					case !seen:
						removed[e.group][v] = m
					case old == -1 || m == -1:
						removed[e.group][v] = -1
					case m > old:
						removed[e.group][v] = m
					}
				}
			}
		}
		ix.gvs = map[string][]groupVersion{}
		for g, vs := range removed {
			for v, m := range vs {
				ix.gvs[g] = append(ix.gvs[g], groupVersion{version: v, removed: max(m, 0)})
			}
			sort.Slice(ix.gvs[g], func(i, j int) bool { return ix.gvs[g][i].version < ix.gvs[g][j].version })
		}
	})
	return ix.gvs
}

// explainAPIVersion checks `kubectl explain TYPE --api-version=G/V`: the
// OpenAPI document is looked up for the type in that group version
// (explain.go ExplainOptions.Run: "couldn't find resource for ..."), so the
// version must still serve the type.
func (r *run) explainAPIVersion(v *argView) {
	uses := v.pr.flags["api-version"]
	if len(uses) == 0 || len(v.before) == 0 {
		return
	}
	u := uses[len(uses)-1]
	if !u.hasVal || !r.literal(u.val) || looksPlaceholder(u.value) || u.value == "" {
		return
	}
	typ, _, _ := strings.Cut(strings.ToLower(r.text(v.before[0])), ".")
	group, version, ok := strings.Cut(u.value, "/")
	if !ok {
		group, version = "", u.value
	}
	var why string
	if es := r.t.res.byName[typ]; len(es) > 0 && r.t.res.groups()[group] {
		for _, e := range es {
			if e.group != group {
				continue
			}
			if !e.versions[version] {
				why = e.kind + " has no version " + version + " in " + groupName(group)
			} else if m := e.removed[version]; m > 0 && m <= r.c.version {
				why = e.kind + " " + u.value + " is no longer served (removed in 1." + strconv.Itoa(m) + ")"
			}
			if why != "" {
				var vs []string
				for x := range e.versions {
					if m := e.removed[x]; m == 0 || m > r.c.version {
						vs = append(vs, x)
					}
				}
				sort.Strings(vs)
				why += "; the API serves it as " + strings.Join(prefixVersions(group, vs), ", ")
			}
			break
		}
	} else {
		why = servedGroupVersion(r, u.value)
	}
	if why != "" {
		r.add(Finding{Code: InvalidFlagValue, Arg: u.val, Start: u.off, End: u.off + len(u.value),
			Message: q(u.value) + " is not a version kubectl can explain: " + why + " (ExplainOptions.Run)."})
	}
}

func groupName(g string) string {
	if g == "" {
		return "the core group"
	}
	return g
}

// servedGroupVersion: GROUP/VERSION or VERSION (core) of a built-in group
// must be one the API serves. A group no built-in API has is a custom
// resource's, not judged.
func servedGroupVersion(r *run, v string) string {
	group, version, ok := strings.Cut(v, "/")
	if !ok {
		group, version = "", v
	}
	if strings.Count(v, "/") > 1 || version == "" {
		return "an API version is GROUP/VERSION, e.g. apps/v1"
	}
	versions, known := r.t.res.groupVersions()[group]
	if !known {
		return ""
	}
	var served []string
	gone := 0
	for _, x := range versions {
		switch {
		case x.removed == 0 || x.removed > r.c.version:
			if x.version == version {
				return ""
			}
			served = append(served, x.version)
		case x.version == version:
			gone = x.removed
		}
	}
	if gone == 0 {
		return "" // a version this kubectl does not know: perhaps an alpha one, not judged
	}
	return v + " is no longer served (removed in 1." + strconv.Itoa(gone) + "); the API serves " + strings.Join(prefixVersions(group, served), ", ")
}

func prefixVersions(group string, versions []string) []string {
	out := make([]string, len(versions))
	for i, v := range versions {
		if group == "" {
			out[i] = v
		} else {
			out[i] = group + "/" + v
		}
	}
	return out
}

// waitCondition: delete, create (any case), condition=NAME[=VALUE] or
// jsonpath=EXPR[=VALUE].
func waitCondition(_ *run, v string) string {
	switch lv := strings.ToLower(v); {
	case lv == "delete", lv == "create":
		return ""
	case strings.HasPrefix(v, "condition=") && len(v) > len("condition="), strings.HasPrefix(v, "jsonpath=") && len(v) > len("jsonpath="):
		return ""
	case strings.HasPrefix(lv, "condition=") || strings.HasPrefix(lv, "jsonpath="):
		return "the keyword is lower case: condition=… or jsonpath=…"
	}
	return "wait takes delete, create, condition=NAME[=VALUE] or jsonpath=EXPR[=VALUE] (\"unrecognized condition\"); e.g. --for=condition=Ready"
}

// eventTypes: a comma-separated list of Normal and Warning (any case).
func eventTypes(_ *run, v string) string {
	for _, t := range strings.Split(v, ",") {
		if !strings.EqualFold(strings.TrimSpace(t), "Normal") && !strings.EqualFold(strings.TrimSpace(t), "Warning") {
			return q(t) + " is no event type (\"valid --types are Normal or Warning\")"
		}
	}
	return ""
}

// resourceList: RESOURCE=QUANTITY,... with quantities Kubernetes parses.
func resourceList(_ *run, v string) string {
	for _, st := range strings.Split(v, ",") {
		parts := strings.Split(st, "=")
		if len(parts) != 2 {
			return q(st) + " is not <resource>=<value> (\"invalid argument syntax\")"
		}
		if _, err := resource.ParseQuantity(parts[1]); err != nil {
			return q(parts[1]) + " is not a quantity (write e.g. 200m, 0.5, 512Mi, 1Gi; units are case-sensitive)"
		}
	}
	return ""
}

// servicePorts: PORT[:TARGET] with a port number (0 allowed) and a target
// port number 1-65535 or a port name.
func servicePorts(_ *run, v string) string {
	for _, spec := range strings.Split(v, ",") {
		parts := strings.Split(spec, ":")
		if !validPort(parts[0], true) {
			return q(parts[0]) + " is not a port number"
		}
		if len(parts) > 1 && isDigits(parts[1]) && !validPort(parts[1], false) {
			return q(parts[1]) + " is not a port from 1 to 65535"
		}
	}
	return ""
}

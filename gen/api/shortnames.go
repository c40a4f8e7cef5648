package api

// shortNames are the short names the API server advertises in discovery
// (kubectl api-resources, SHORTNAMES column), keyed by group/resource. The
// OpenAPI documents do not carry them; they are what the REST storage of
// each resource returns from ShortNames() (k8s.io/kubernetes pkg/registry,
// and apiextensions-apiserver for CustomResourceDefinitions). Every version
// that serves a resource gets its short names.
var shortNames = map[string][]string{
	"/pods":                                {"po"},
	"/services":                            {"svc"},
	"/configmaps":                          {"cm"},
	"/serviceaccounts":                     {"sa"},
	"/persistentvolumes":                   {"pv"},
	"/persistentvolumeclaims":              {"pvc"},
	"/namespaces":                          {"ns"},
	"/nodes":                               {"no"},
	"/endpoints":                           {"ep"},
	"/events":                              {"ev"},
	"/resourcequotas":                      {"quota"},
	"/limitranges":                         {"limits"},
	"/replicationcontrollers":              {"rc"},
	"/componentstatuses":                   {"cs"},
	"apps/deployments":                     {"deploy"},
	"apps/daemonsets":                      {"ds"},
	"apps/replicasets":                     {"rs"},
	"apps/statefulsets":                    {"sts"},
	"batch/cronjobs":                       {"cj"},
	"networking.k8s.io/ingresses":          {"ing"},
	"networking.k8s.io/networkpolicies":    {"netpol"},
	"policy/poddisruptionbudgets":          {"pdb"},
	"autoscaling/horizontalpodautoscalers": {"hpa"},
	"apiextensions.k8s.io/customresourcedefinitions": {"crd", "crds"},
	"storage.k8s.io/storageclasses":                  {"sc"},
	"certificates.k8s.io/certificatesigningrequests": {"csr"},
	"scheduling.k8s.io/priorityclasses":              {"pc"},
	"events.k8s.io/events":                           {"ev"},
	// pkg/registry/policy/podsecuritypolicy/storage (until 1.24),
	// pkg/registry/networking/ipaddress/storage (1.27+) and
	// pkg/registry/storage/volumeattributesclass/storage (1.29+).
	"policy/podsecuritypolicies":             {"psp"},
	"extensions/podsecuritypolicies":         {"psp"},
	"networking.k8s.io/ipaddresses":          {"ip"},
	"storage.k8s.io/volumeattributesclasses": {"vac"},
}

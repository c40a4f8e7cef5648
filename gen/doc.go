// Package gen is the generator module: it imports the tools' own code
// (kubectl, k8s.io/api, the Kubernetes OpenAPI documents) at pinned
// versions and writes the snapshots that package knowledge embeds. It is a
// module of its own so that building, testing or installing notelint never
// builds it.
package gen

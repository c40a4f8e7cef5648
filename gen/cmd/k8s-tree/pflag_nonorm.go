//go:build k8s_tree && !k8s_pflag_norm

package main

// pflagNorm: the main leaves pflag.CommandLine as it is (component_old.go).
const pflagNorm = false

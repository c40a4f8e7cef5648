//go:build k8s_tree && k8s_pflag_norm

package main

// pflagNorm: the main normalises pflag.CommandLine (component_old.go).
const pflagNorm = true

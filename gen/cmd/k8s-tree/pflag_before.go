//go:build k8s_tree && k8s_pflag_norm_before

package main

// pflagNormBefore: the main normalises pflag.CommandLine before it
// constructs the command (component_old.go).
const pflagNormBefore = true

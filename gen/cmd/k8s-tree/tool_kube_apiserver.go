//go:build k8s_tree && tool_kube_apiserver

package main

import (
	"github.com/spf13/cobra"
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

const tool = "kube-apiserver"

// construct builds the command as cmd/kube-apiserver's main does.
func construct() *cobra.Command {
	beforeConstruct()
	return component(app.NewAPIServerCommand())
}

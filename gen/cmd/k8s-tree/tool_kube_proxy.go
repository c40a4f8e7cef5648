//go:build k8s_tree && tool_kube_proxy

package main

import (
	"github.com/spf13/cobra"
	"k8s.io/kubernetes/cmd/kube-proxy/app"
)

const tool = "kube-proxy"

// construct builds the command as cmd/kube-proxy's main does.
func construct() *cobra.Command {
	beforeConstruct()
	return component(app.NewProxyCommand())
}

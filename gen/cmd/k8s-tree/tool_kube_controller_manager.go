//go:build k8s_tree && tool_kube_controller_manager

package main

import (
	"github.com/spf13/cobra"
	"k8s.io/kubernetes/cmd/kube-controller-manager/app"
)

const tool = "kube-controller-manager"

// construct builds the command as cmd/kube-controller-manager's main does.
func construct() *cobra.Command {
	beforeConstruct()
	return component(app.NewControllerManagerCommand())
}

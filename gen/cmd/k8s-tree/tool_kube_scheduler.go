//go:build k8s_tree && tool_kube_scheduler

package main

import (
	"github.com/spf13/cobra"
	"k8s.io/kubernetes/cmd/kube-scheduler/app"
)

const tool = "kube-scheduler"

// construct builds the command as cmd/kube-scheduler's main does.
func construct() *cobra.Command {
	beforeConstruct()
	return component(app.NewSchedulerCommand())
}

package api

import "fmt"

// enumRow is one enumeration the API server enforces, keyed like
// knowledge/api.Index.Enums by "<definition>.<field>" (for lists of strings,
// the field of the list). The published OpenAPI documents carry no enums,
// so the values are the string constants of k8s.io/api, named here and read
// from the source of each version (a constant that a version does not have
// yet is not one of its values); a value written "=X" is the literal X.
// The selection is curated: only enumerations that are closed (the API
// server rejects any other value) and that notes get wrong.
type enumRow struct {
	def, field string
	pkg        string // the k8s.io/api package of the constants: "core/v1"
	values     []string
}

const (
	coreDef  = "io.k8s.api.core.v1."
	appsDef  = "io.k8s.api.apps.v1."
	batchDef = "io.k8s.api.batch.v1."
	netv1    = "io.k8s.api.networking.v1."
	hpav2    = "io.k8s.api.autoscaling.v2."
	rbacDef  = "io.k8s.api.rbac.v1."
)

var (
	taintEffects = []string{"TaintEffectNoSchedule", "TaintEffectPreferNoSchedule", "TaintEffectNoExecute"}
	pullPolicies = []string{"PullAlways", "PullNever", "PullIfNotPresent"}
	protocols    = []string{"ProtocolTCP", "ProtocolUDP", "ProtocolSCTP"}
	accessModes  = []string{"ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"}
	volumeModes  = []string{"PersistentVolumeBlock", "PersistentVolumeFilesystem"}
	nodeOps      = []string{"NodeSelectorOpIn", "NodeSelectorOpNotIn", "NodeSelectorOpExists", "NodeSelectorOpDoesNotExist", "NodeSelectorOpGt", "NodeSelectorOpLt"}
	inclusion    = []string{"NodeInclusionPolicyIgnore", "NodeInclusionPolicyHonor"}
	pvcRetention = []string{"RetainPersistentVolumeClaimRetentionPolicyType", "DeletePersistentVolumeClaimRetentionPolicyType"}
)

var enumRows = []enumRow{
	{coreDef + "Taint", "effect", "core/v1", taintEffects},
	{coreDef + "Toleration", "effect", "core/v1", taintEffects},
	{coreDef + "Toleration", "operator", "core/v1", []string{"TolerationOpExists", "TolerationOpEqual"}},
	{coreDef + "Container", "imagePullPolicy", "core/v1", pullPolicies},
	{coreDef + "EphemeralContainer", "imagePullPolicy", "core/v1", pullPolicies},
	{coreDef + "Container", "terminationMessagePolicy", "core/v1", []string{"TerminationMessageReadFile", "TerminationMessageFallbackToLogsOnError"}},
	{coreDef + "Container", "restartPolicy", "core/v1", []string{"ContainerRestartPolicyAlways", "ContainerRestartPolicyNever", "ContainerRestartPolicyOnFailure"}},
	{coreDef + "PodSpec", "restartPolicy", "core/v1", []string{"RestartPolicyAlways", "RestartPolicyOnFailure", "RestartPolicyNever"}},
	{coreDef + "PodSpec", "dnsPolicy", "core/v1", []string{"DNSClusterFirstWithHostNet", "DNSClusterFirst", "DNSDefault", "DNSNone"}},
	{coreDef + "PodSpec", "preemptionPolicy", "core/v1", []string{"PreemptLowerPriority", "PreemptNever"}},
	{coreDef + "ServiceSpec", "type", "core/v1", []string{"ServiceTypeClusterIP", "ServiceTypeNodePort", "ServiceTypeLoadBalancer", "ServiceTypeExternalName"}},
	{coreDef + "ServiceSpec", "externalTrafficPolicy", "core/v1", []string{"ServiceExternalTrafficPolicyCluster", "ServiceExternalTrafficPolicyLocal"}},
	{coreDef + "ServiceSpec", "internalTrafficPolicy", "core/v1", []string{"ServiceInternalTrafficPolicyCluster", "ServiceInternalTrafficPolicyLocal"}},
	{coreDef + "ServiceSpec", "sessionAffinity", "core/v1", []string{"ServiceAffinityClientIP", "ServiceAffinityNone"}},
	{coreDef + "ServiceSpec", "ipFamilyPolicy", "core/v1", []string{"IPFamilyPolicySingleStack", "IPFamilyPolicyPreferDualStack", "IPFamilyPolicyRequireDualStack"}},
	{coreDef + "ServiceSpec", "ipFamilies", "core/v1", []string{"IPv4Protocol", "IPv6Protocol"}},
	{coreDef + "ContainerPort", "protocol", "core/v1", protocols},
	{coreDef + "ServicePort", "protocol", "core/v1", protocols},
	{coreDef + "EndpointPort", "protocol", "core/v1", protocols},
	{netv1 + "NetworkPolicyPort", "protocol", "core/v1", protocols},
	{"io.k8s.api.discovery.v1.EndpointPort", "protocol", "core/v1", protocols},
	{coreDef + "PersistentVolumeSpec", "accessModes", "core/v1", accessModes},
	{coreDef + "PersistentVolumeClaimSpec", "accessModes", "core/v1", accessModes},
	{coreDef + "PersistentVolumeSpec", "persistentVolumeReclaimPolicy", "core/v1", []string{"PersistentVolumeReclaimRecycle", "PersistentVolumeReclaimDelete", "PersistentVolumeReclaimRetain"}},
	{coreDef + "PersistentVolumeSpec", "volumeMode", "core/v1", volumeModes},
	{coreDef + "PersistentVolumeClaimSpec", "volumeMode", "core/v1", volumeModes},
	{coreDef + "NodeSelectorRequirement", "operator", "core/v1", nodeOps},
	{"io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement", "operator", "core/v1", []string{"=In", "=NotIn", "=Exists", "=DoesNotExist"}},
	{coreDef + "PodCondition", "status", "core/v1", []string{"ConditionTrue", "ConditionFalse", "ConditionUnknown"}},
	{coreDef + "HTTPGetAction", "scheme", "core/v1", []string{"URISchemeHTTP", "URISchemeHTTPS"}},
	{coreDef + "HostPathVolumeSource", "type", "core/v1", []string{"=", "HostPathDirectoryOrCreate", "HostPathDirectory", "HostPathFileOrCreate", "HostPathFile", "HostPathSocket", "HostPathCharDev", "HostPathBlockDev"}},
	{coreDef + "EmptyDirVolumeSource", "medium", "core/v1", []string{"=", "StorageMediumMemory", "StorageMediumHugePages"}},
	{coreDef + "VolumeMount", "mountPropagation", "core/v1", []string{"MountPropagationNone", "MountPropagationHostToContainer", "MountPropagationBidirectional"}},
	{coreDef + "TopologySpreadConstraint", "whenUnsatisfiable", "core/v1", []string{"DoNotSchedule", "ScheduleAnyway"}},
	{coreDef + "TopologySpreadConstraint", "nodeAffinityPolicy", "core/v1", inclusion},
	{coreDef + "TopologySpreadConstraint", "nodeTaintsPolicy", "core/v1", inclusion},
	{coreDef + "PodSecurityContext", "fsGroupChangePolicy", "core/v1", []string{"FSGroupChangeOnRootMismatch", "FSGroupChangeAlways"}},
	{coreDef + "SeccompProfile", "type", "core/v1", []string{"SeccompProfileTypeUnconfined", "SeccompProfileTypeRuntimeDefault", "SeccompProfileTypeLocalhost"}},
	{coreDef + "AppArmorProfile", "type", "core/v1", []string{"AppArmorProfileTypeUnconfined", "AppArmorProfileTypeRuntimeDefault", "AppArmorProfileTypeLocalhost"}},
	{coreDef + "PodOS", "name", "core/v1", []string{"Linux", "Windows"}},
	{coreDef + "LimitRangeItem", "type", "core/v1", []string{"LimitTypePod", "LimitTypeContainer", "LimitTypePersistentVolumeClaim"}},
	{coreDef + "ResourceQuotaSpec", "scopes", "core/v1", []string{"ResourceQuotaScopeTerminating", "ResourceQuotaScopeNotTerminating", "ResourceQuotaScopeBestEffort", "ResourceQuotaScopeNotBestEffort", "ResourceQuotaScopePriorityClass", "ResourceQuotaScopeCrossNamespacePodAffinity", "ResourceQuotaScopeVolumeAttributesClass"}},
	{coreDef + "ContainerResizePolicy", "restartPolicy", "core/v1", []string{"NotRequired", "RestartContainer"}},

	{appsDef + "DeploymentStrategy", "type", "apps/v1", []string{"RecreateDeploymentStrategyType", "RollingUpdateDeploymentStrategyType"}},
	{appsDef + "StatefulSetSpec", "podManagementPolicy", "apps/v1", []string{"OrderedReadyPodManagement", "ParallelPodManagement"}},
	{appsDef + "StatefulSetUpdateStrategy", "type", "apps/v1", []string{"RollingUpdateStatefulSetStrategyType", "OnDeleteStatefulSetStrategyType"}},
	{appsDef + "DaemonSetUpdateStrategy", "type", "apps/v1", []string{"RollingUpdateDaemonSetStrategyType", "OnDeleteDaemonSetStrategyType"}},
	{appsDef + "StatefulSetPersistentVolumeClaimRetentionPolicy", "whenDeleted", "apps/v1", pvcRetention},
	{appsDef + "StatefulSetPersistentVolumeClaimRetentionPolicy", "whenScaled", "apps/v1", pvcRetention},

	{batchDef + "CronJobSpec", "concurrencyPolicy", "batch/v1", []string{"AllowConcurrent", "ForbidConcurrent", "ReplaceConcurrent"}},
	{batchDef + "JobSpec", "completionMode", "batch/v1", []string{"NonIndexedCompletion", "IndexedCompletion"}},
	{batchDef + "JobSpec", "podReplacementPolicy", "batch/v1", []string{"TerminatingOrFailed", "Failed"}},
	{batchDef + "PodFailurePolicyRule", "action", "batch/v1", []string{"PodFailurePolicyActionFailJob", "PodFailurePolicyActionFailIndex", "PodFailurePolicyActionIgnore", "PodFailurePolicyActionCount"}},
	{batchDef + "PodFailurePolicyOnExitCodesRequirement", "operator", "batch/v1", []string{"PodFailurePolicyOnExitCodesOpIn", "PodFailurePolicyOnExitCodesOpNotIn"}},

	{netv1 + "NetworkPolicySpec", "policyTypes", "networking/v1", []string{"PolicyTypeIngress", "PolicyTypeEgress"}},
	{netv1 + "HTTPIngressPath", "pathType", "networking/v1", []string{"PathTypeExact", "PathTypePrefix", "PathTypeImplementationSpecific"}},

	{hpav2 + "MetricSpec", "type", "autoscaling/v2", []string{"ObjectMetricSourceType", "PodsMetricSourceType", "ResourceMetricSourceType", "ContainerResourceMetricSourceType", "ExternalMetricSourceType"}},
	{hpav2 + "MetricTarget", "type", "autoscaling/v2", []string{"UtilizationMetricType", "ValueMetricType", "AverageValueMetricType"}},
	{hpav2 + "HPAScalingPolicy", "type", "autoscaling/v2", []string{"PodsScalingPolicy", "PercentScalingPolicy"}},
	{hpav2 + "HPAScalingRules", "selectPolicy", "autoscaling/v2", []string{"MaxChangePolicySelect", "MinChangePolicySelect", "DisabledPolicySelect"}},
	{"io.k8s.api.policy.v1.PodDisruptionBudgetSpec", "unhealthyPodEvictionPolicy", "policy/v1", []string{"IfHealthyBudget", "AlwaysAllow"}},
	{"io.k8s.api.storage.v1.StorageClass", "volumeBindingMode", "storage/v1", []string{"VolumeBindingImmediate", "VolumeBindingWaitForFirstConsumer"}},
	{"io.k8s.api.storage.v1.StorageClass", "reclaimPolicy", "core/v1", []string{"PersistentVolumeReclaimDelete", "PersistentVolumeReclaimRetain"}},

	{rbacDef + "Subject", "kind", "rbac/v1", []string{"UserKind", "GroupKind", "ServiceAccountKind"}},
	{rbacDef + "RoleRef", "kind", "rbac/v1", []string{"=Role", "=ClusterRole"}},
	{rbacDef + "RoleRef", "apiGroup", "rbac/v1", []string{"GroupName"}},
}

// hugePagesConst is the constant of Index.HugePagesPrefix.
const hugePagesConst = "StorageMediumHugePagesPrefix"

// enums resolves the rows against one version: its k8s.io/api constants and
// its definitions. A row whose definition or field the version does not
// have, or none of whose constants it has, is left out.
func enums(m *apiModule, sw *swagger) (map[string][]string, error) {
	out := map[string][]string{}
	for _, r := range enumRows {
		pkg := m.pkgs[r.pkg]
		if pkg == nil || !sw.hasField(r.def, r.field) {
			continue // autoscaling/v2 before 1.23, a field added later …
		}
		var vals []string
		consts := 0
		for _, v := range r.values {
			if v != "" && v[0] == '=' {
				vals = append(vals, v[1:])
				continue
			}
			if s, ok := pkg.consts[v]; ok {
				vals = append(vals, s)
				consts++
			}
		}
		if consts == 0 && len(vals) < len(r.values) {
			continue
		}
		key := r.def + "." + r.field
		if _, dup := out[key]; dup {
			return nil, fmt.Errorf("enum %s listed twice", key)
		}
		out[key] = vals
	}
	return out, nil
}

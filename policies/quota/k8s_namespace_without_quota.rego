# METADATA
# title: Namespace has no ResourceQuota or LimitRange
# description: |
#   Without a ResourceQuota (or at least a LimitRange) one app's runaway deployment can take
#   the whole cluster's CPU and memory. Each micro-app namespace carries its own quota. A
#   namespace declared by a Namespace object is reported there; one only used by workloads
#   (or volume claims) is reported on the first object using it.
# related_resources:
#   - https://kubernetes.io/docs/concepts/policy/resource-quotas/
# custom:
#   id: k8s-namespace-without-quota
#   family: quota
#   severity: medium
#   fix: 'Add a ResourceQuota to the namespace (e.g. requests.cpu "2", limits.memory 8Gi) and a LimitRange with default requests and limits.'
#   types: [Namespace, PersistentVolumeClaim, Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_namespace_without_quota

import data.gatepost.lib.k8s

unprotected(ns) if {
	count(ns.resource_quotas) == 0
	count(ns.limit_ranges) == 0
}

deny contains finding if {
	some r in input.by_type.Namespace
	unprotected(r.links.namespace_policies)
	finding := {
		"address": r.address,
		"pointer": "/metadata/name",
		"message": sprintf("namespace %q has no ResourceQuota or LimitRange in the scanned files", [r.links.namespace_policies.name]),
	}
}

# Namespaces nobody declares: reported once, on the first object that uses them.
deny contains finding if {
	some kind in data.gatepost.lib.k8s.workload_kinds | {"PersistentVolumeClaim"}
	some r in input.by_type[kind]
	ns := r.links.namespace_policies
	not ns.declared
	ns.first_user == r.address
	unprotected(ns)
	finding := {
		"address": r.address,
		"pointer": k8s.namespace_pointer(r),
		"message": sprintf("namespace %q, used by %s %s, has no ResourceQuota or LimitRange in the scanned files", [ns.name, r.type, k8s.name(r)]),
	}
}

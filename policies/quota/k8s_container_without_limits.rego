# METADATA
# title: Container has no CPU or memory limits
# description: |
#   A container without limits can use every core and all the memory of its node, starving
#   the other apps scheduled there, unless a LimitRange in its namespace supplies a default
#   limit for that resource.
# related_resources:
#   - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
# custom:
#   id: k8s-container-without-limits
#   family: quota
#   severity: medium
#   fix: 'Set resources.limits.cpu and resources.limits.memory on every container, or add a LimitRange with default limits to the namespace.'
#   types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_container_without_limits

import data.gatepost.lib.k8s

deny contains finding if {
	some c in data.gatepost.lib.k8s.containers
	some res in ["cpu", "memory"]
	not c.container.resources.limits[res]
	not res in object.get(c.resource.links, ["namespace_policies", "limit_defaults", "default"], [])
	not k8s.unresolved(c.resource, sprintf("%s/resources/limits", [c.pointer]))
	finding := {
		"address": c.resource.address,
		"pointer": k8s.at(c, [["resources", "limits"], ["resources"]]),
		"message": sprintf("container %q has no %s limit", [object.get(c.container, "name", ""), res]),
	}
}

# METADATA
# title: Container has no CPU or memory requests
# description: |
#   The scheduler places pods by their requests and quotas count them. A container with
#   neither a request nor a limit for a resource (Kubernetes copies the limit into a missing
#   request) reserves nothing, so nodes get overcommitted and the namespace quota cannot
#   account for it, unless a LimitRange in its namespace gives a defaultRequest or default.
# related_resources:
#   - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
# custom:
#   id: k8s-container-without-requests
#   family: quota
#   severity: low
#   fix: 'Set resources.requests.cpu and resources.requests.memory on every container, or add a LimitRange with defaultRequest values to the namespace.'
#   types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_container_without_requests

import data.gatepost.lib.k8s

deny contains finding if {
	some c in data.gatepost.lib.k8s.containers
	some res in ["cpu", "memory"]
	not c.container.resources.requests[res]
	not c.container.resources.limits[res]
	not res in object.get(c.resource.links, ["namespace_policies", "limit_defaults", "defaultRequest"], [])
	not k8s.unresolved(c.resource, sprintf("%s/resources/requests", [c.pointer]))
	finding := {
		"address": c.resource.address,
		"pointer": k8s.at(c, [["resources", "requests"], ["resources"]]),
		"message": sprintf("container %q requests no %s", [object.get(c.container, "name", ""), res]),
	}
}

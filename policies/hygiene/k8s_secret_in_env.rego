# METADATA
# title: Secret passed to a container as environment variables
# description: |
#   Environment variables leak: into crash dumps and logs, to child processes, and to anyone
#   who can read /proc or describe the pod. Mounted secret files can be rotated and are read
#   only when needed. (Pod-security guardrails belong to the hygiene family: they harden a
#   workload rather than spend or grant anything.)
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/secrets-good-practices/
# custom:
#   id: k8s-secret-in-env
#   family: hygiene
#   severity: low
#   fix: 'Mount the Secret as a volume (readOnly) and read the value from the file instead of env valueFrom.secretKeyRef / envFrom.secretRef.'
#   types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_secret_in_env

deny contains finding if {
	some c in data.gatepost.lib.k8s.containers
	some i, e in object.get(c.container, "env", [])
	ref := e.valueFrom.secretKeyRef
	finding := {
		"address": c.resource.address,
		"pointer": sprintf("%s/env/%d/valueFrom/secretKeyRef", [c.pointer, i]),
		"message": sprintf("container %q reads secret %v into environment variable %v", [object.get(c.container, "name", ""), object.get(ref, "name", ""), object.get(e, "name", "")]),
	}
}

deny contains finding if {
	some c in data.gatepost.lib.k8s.containers
	some i, e in object.get(c.container, "envFrom", [])
	ref := e.secretRef
	finding := {
		"address": c.resource.address,
		"pointer": sprintf("%s/envFrom/%d/secretRef", [c.pointer, i]),
		"message": sprintf("container %q loads every key of secret %v into its environment", [object.get(c.container, "name", ""), object.get(ref, "name", "")]),
	}
}

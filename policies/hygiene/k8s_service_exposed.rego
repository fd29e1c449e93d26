# METADATA
# title: Service is exposed outside the cluster
# description: |
#   A NodePort Service opens a port on every node; a LoadBalancer Service gets a public
#   address unless an internal-load-balancer annotation or loadBalancerSourceRanges narrow
#   it. Micro-apps are reached through the shared ingress instead. (Pod-security guardrails
#   belong to the hygiene family: they harden a workload rather than spend or grant
#   anything.)
# related_resources:
#   - https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types
# custom:
#   id: k8s-service-exposed
#   family: hygiene
#   severity: medium
#   fix: 'Use type: ClusterIP behind the ingress; if a load balancer is needed, make it internal (e.g. service.beta.kubernetes.io/aws-load-balancer-internal: "true", networking.gke.io/load-balancer-type: Internal) or set loadBalancerSourceRanges.'
#   types: [Service]
package gatepost.rules.k8s_service_exposed

internal := {
	"service.beta.kubernetes.io/aws-load-balancer-internal": {"true", "0.0.0.0/0"},
	"service.beta.kubernetes.io/aws-load-balancer-scheme": {"internal"},
	"service.beta.kubernetes.io/azure-load-balancer-internal": {"true"},
	"service.beta.kubernetes.io/oci-load-balancer-internal": {"true"},
	"service.beta.kubernetes.io/openstack-internal-load-balancer": {"true"},
	"service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type": {"private"},
	"networking.gke.io/load-balancer-type": {"internal"},
	"cloud.google.com/load-balancer-type": {"internal"},
}

is_internal(r) if {
	some k, v in object.get(r.attrs, ["metadata", "annotations"], {})
	lower(sprintf("%v", [v])) in internal[k]
}

narrowed(r) if {
	ranges := object.get(r.attrs, ["spec", "loadBalancerSourceRanges"], [])
	count(ranges) > 0
	not "0.0.0.0/0" in ranges
}

deny contains finding if {
	some r in input.by_type.Service
	r.attrs.spec.type == "NodePort"
	finding := {
		"address": r.address,
		"pointer": "/spec/type",
		"message": sprintf("Service %s opens a port on every node (type NodePort)", [r.attrs.metadata.name]),
	}
}

deny contains finding if {
	some r in input.by_type.Service
	r.attrs.spec.type == "LoadBalancer"
	not is_internal(r)
	not narrowed(r)
	pointer := {true: "/metadata/annotations", false: "/spec/type"}[object.get(r.attrs, ["metadata", "annotations"], null) != null]
	finding := {
		"address": r.address,
		"pointer": pointer,
		"message": sprintf("Service %s gets a public load balancer (type LoadBalancer, not internal)", [r.attrs.metadata.name]),
	}
}

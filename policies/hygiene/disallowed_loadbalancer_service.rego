# METADATA
# title: LoadBalancer Service outside the namespaces allowed to have one
# description: |
#   Each Service of type LoadBalancer provisions a cloud load balancer (about $18/month and up
#   on every cloud) and a public address. Micro-apps normally share the cluster's ingress; only
#   the namespaces listed in `hygiene.loadbalancer_namespaces` (default: none) may create their
#   own.
# custom:
#   id: disallowed-loadbalancer-service
#   family: hygiene
#   severity: medium
#   fix: 'Use type: ClusterIP behind the shared Ingress (or Gateway), or add the namespace to hygiene.loadbalancer_namespaces after review.'
#   types: [Service]
package gatepost.rules.disallowed_loadbalancer_service

allowed := object.get(input.config, ["hygiene", "loadbalancer_namespaces"], [])

deny contains finding if {
	some r in input.by_type.Service
	r.kind == "k8s.object"
	r.attrs.spec.type == "LoadBalancer"
	ns := object.get(r.links, "namespace", "default")
	not ns in allowed
	finding := {
		"address": r.address,
		"pointer": "/spec/type",
		"message": sprintf("Service %s in namespace %s is a LoadBalancer; namespaces allowed one: %s", [object.get(r.attrs, ["metadata", "name"], ""), ns, allowed_text]),
	}
}

allowed_text := concat(", ", allowed) if count(allowed) > 0

allowed_text := "none (hygiene.loadbalancer_namespaces)" if count(allowed) == 0

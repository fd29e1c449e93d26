# METADATA
# title: Ingress exposes a workload without TLS
# description: |
#   An Ingress rule that routes a host to a Service of the app publishes that workload on
#   the internet; without a tls entry for the host, credentials and session cookies cross
#   the network in clear text. (Pod-security guardrails belong to the hygiene family: they
#   harden a workload rather than spend or grant anything.)
# related_resources:
#   - https://kubernetes.io/docs/concepts/services-networking/ingress/#tls
# custom:
#   id: k8s-ingress-exposes-workload
#   family: hygiene
#   severity: medium
#   fix: 'Add spec.tls with the host and a certificate secret (or a cert-manager annotation), or remove the rule if the Service is internal.'
#   types: [Ingress]
package gatepost.rules.k8s_ingress_exposes_workload

services contains [ns, name] if {
	some s in input.by_type.Service
	ns := object.get(s.links, "namespace", "default")
	name := s.attrs.metadata.name
}

backend_service(b) := b.service.name

backend_service(b) := b.serviceName if not b.service

tls_hosts(r) := {h | some t in object.get(r.attrs, ["spec", "tls"], []); some h in object.get(t, "hosts", [])}

covered(r, host) if host in tls_hosts(r)

# A tls entry without hosts covers the default host.
covered(r, _) if {
	some t in object.get(r.attrs, ["spec", "tls"], [])
	count(object.get(t, "hosts", [])) == 0
}

deny contains finding if {
	some r in input.by_type.Ingress
	some i, rule in object.get(r.attrs, ["spec", "rules"], [])
	host := object.get(rule, "host", "*")
	not covered(r, host)
	some j, p in object.get(rule, ["http", "paths"], [])
	svc := backend_service(p.backend)
	[object.get(r.links, "namespace", "default"), svc] in services
	finding := {
		"address": r.address,
		"pointer": sprintf("/spec/rules/%d/http/paths/%d/backend", [i, j]),
		"message": sprintf("Ingress %s exposes Service %s on %s without TLS", [r.attrs.metadata.name, svc, host]),
	}
}

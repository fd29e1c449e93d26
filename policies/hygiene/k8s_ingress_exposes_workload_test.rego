package gatepost.rules.k8s_ingress_exposes_workload_test

import data.gatepost.rules.k8s_ingress_exposes_workload as rule

case(backend, tls) := {"by_type": {
	"Service": [{"address": "s", "attrs": {"metadata": {"name": "app"}}, "links": {"namespace": "default"}}],
	"Ingress": [{"address": "i", "attrs": {"metadata": {"name": "i"}, "spec": {"tls": tls, "rules": [{"host": "a.example", "http": {"paths": [{"backend": backend}]}}]}}, "links": {"namespace": "default"}}],
}}

test_plain_http_exposure_is_denied if {
	d := rule.deny with input as case({"service": {"name": "app", "port": {"number": 80}}}, [])
	some f in d
	f.pointer == "/spec/rules/0/http/paths/0/backend"
	count(rule.deny) == 1 with input as case({"serviceName": "app", "servicePort": 80}, [])
}

test_tls_or_unknown_backend_passes if {
	count(rule.deny) == 0 with input as case({"serviceName": "app"}, [{"hosts": ["a.example"], "secretName": "t"}])
	count(rule.deny) == 0 with input as case({"serviceName": "other"}, [])
}

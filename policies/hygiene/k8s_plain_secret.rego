# METADATA
# title: Secret values committed in a manifest
# description: |
#   A Secret object with data or stringData keeps its values in the repository, only
#   base64-encoded: everyone with read access to the repository (and its history) has them.
#   Secrets should come from a secret store at deploy time (External Secrets, Secrets Store
#   CSI driver, Sealed Secrets). (Pod-security guardrails belong to the hygiene family: they
#   harden a workload rather than spend or grant anything.)
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/secrets-good-practices/
# custom:
#   id: k8s-plain-secret
#   family: hygiene
#   severity: high
#   fix: 'Remove data and stringData from the committed Secret; deliver the values with an ExternalSecret, a SecretProviderClass or a SealedSecret instead.'
#   types: [Secret]
package gatepost.rules.k8s_plain_secret

deny contains finding if {
	some r in input.by_type.Secret
	keys := [k | some field in ["data", "stringData"]; some k, _ in object.get(r.attrs, field, {})]
	count(keys) > 0
	finding := {
		"address": r.address,
		"pointer": "/metadata/name",
		"message": sprintf("Secret %s commits %d value(s) in the manifest: %s", [object.get(r.attrs, ["metadata", "name"], ""), count(keys), concat(", ", keys)]),
	}
}

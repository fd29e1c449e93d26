# METADATA
# title: Suppression without a reason
# description: |
#   A gatepost:ignore comment silences a check for good. Without a reason, reviewers cannot
#   tell an accepted risk from a shortcut, and nobody can revisit the decision later.
# related_resources:
#   - https://example.invalid/gatepost/docs/suppressions
# custom:
#   id: suppression-without-reason
#   family: hygiene
#   severity: low
#   fix: 'Say why after the rule list: # gatepost:ignore[aws-s3-public-acl] public website assets, reviewed 2024-05.'
package gatepost.rules.suppression_without_reason

deny contains finding if {
	some s in input.facts.suppressions
	trim_space(s.reason) == ""
	finding := {
		"file": s.file,
		"line": s.line,
		"column": s.column,
		"address": sprintf("%s:%d", [s.file, s.line]),
		"fingerprint": concat(",", s.rules),
		"message": sprintf("gatepost:ignore[%s] gives no reason for accepting the finding", [concat(", ", s.rules)]),
	}
}

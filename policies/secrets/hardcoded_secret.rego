# METADATA
# title: Secret committed to the repository
# description: |
#   Anything in the repository is readable by everyone with access to it, forever (history
#   keeps it after deletion). Committed credentials are the most common way small apps get
#   compromised. The native detectors find candidates; this policy decides what is reported.
# custom:
#   id: hardcoded-secret
#   family: secrets
#   severity: critical
#   fix: 'Revoke the credential now, remove it from the code and history, and load it at runtime from the CI secret store or a secrets manager (e.g. ${{ secrets.NAME }}, AWS Secrets Manager).'
package gatepost.rules.hardcoded_secret

severity := {"high": "critical", "medium": "high", "low": "medium", "info": "info"}

# Candidates with confidence "info" are sensitive identifiers (bucket names, account ids,
# ARNs, hosts), not credentials: reported only when input.config.secrets.report_identifiers
# is true (default false).
reportable(c) if c.confidence != "info"

reportable(c) if {
	c.confidence == "info"
	input.config.secrets.report_identifiers == true
}

deny contains finding if {
	some c in input.facts.secrets
	reportable(c)
	finding := {
		"file": c.file,
		"line": c.line,
		"column": c.column,
		"address": sprintf("%s:%d", [c.file, c.line]),
		"fingerprint": c.fingerprint,
		"severity": severity[c.confidence],
		"message": sprintf("%s (%s)", [c.description, c.preview]),
	}
}

# METADATA
# title: Expression expanded into a script
# description: |
#   ${{ }} is substituted into the script text before it runs, so the value becomes code.
#   Inputs, matrix values, step outputs and environment values may carry text from an
#   untrusted source; even safe values are better passed through env so the script quotes them.
# related_resources:
#   - https://docs.github.com/actions/security-guides/security-hardening-for-github-actions#good-practices-for-mitigating-script-injection-attacks
# custom:
#   id: gha-expression-in-script
#   family: workflow
#   severity: low
#   fix: 'Move the expression into the step env ("env: {VALUE: ${{ inputs.value }}}") and read "$VALUE" in the script.'
#   types: [github.job, github.action]
package gatepost.rules.gha_expression_in_script

import data.gatepost.lib.gha_script

# Contexts that can carry text from outside the repository's maintainers.
maybe_untrusted(path) if {
	some p in ["inputs.", "matrix.", "steps.", "needs.", "env.", "vars.", "github.event"]
	startswith(path, p)
}

severity(path) := "medium" if maybe_untrusted(path)

severity(path) := "low" if not maybe_untrusted(path)

deny contains finding if {
	some x in data.gatepost.lib.gha_script.expansions
	some c in x.expression.contexts
	not gha_script.attacker_controlled(c.path)
	finding := {
		"address": x.r.address,
		"pointer": x.pointer,
		"file": x.r.file,
		"line": c.line,
		"column": c.column,
		"severity": severity(c.path),
		"fingerprint": sprintf("%s|%s|%s", [x.r.address, x.pointer, c.path]),
		"message": sprintf("${{ %s }} is expanded into %s", [c.path, x.sink]),
	}
}

# An expression that reads no context (a literal or a function of literals).
deny contains finding if {
	some x in data.gatepost.lib.gha_script.expansions
	count(x.expression.contexts) == 0
	finding := {
		"address": x.r.address,
		"pointer": x.pointer,
		"file": x.r.file,
		"line": x.expression.line,
		"column": x.expression.column,
		"severity": "low",
		"fingerprint": sprintf("%s|%s|%s", [x.r.address, x.pointer, x.expression.expression]),
		"message": sprintf("${{ %s }} is expanded into %s", [x.expression.expression, x.sink]),
	}
}

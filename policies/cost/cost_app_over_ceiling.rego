# METADATA
# title: App's estimated monthly cost is over its ceiling
# description: |
#   Micro-apps are meant to be cheap. A change that takes an app's estimated on-demand
#   baseline over its monthly ceiling (default $50) needs someone to approve the spend.
#   The estimate comes from the bundled price table; usage-priced items are not counted.
# custom:
#   id: cost-app-over-ceiling
#   family: cost
#   severity: high
#   fix: 'Pick smaller instance, database or node types, drop always-on extras (NAT gateways, load balancers), or record an approval (tag cost-approved-by on the app''s resources, or list the app under cost.approved_apps in gatepost.toml).'
package gatepost.rules.cost_app_over_ceiling

ceiling(app) := object.get(input.config.cost.app_ceilings, app, input.config.cost.monthly_ceiling)

# Apps approved in the config or by the approval tag on any of their resources, gathered in
# one pass over the model (not once per app).
approved_apps contains app if some app in input.config.cost.approved_apps

approved_apps contains r.app if {
	some rs in input.by_type
	some r in rs
	object.get(object.get(r.attrs, "tags", {}), input.config.cost.approval_tag, "") != ""
}

approved(app) if app in approved_apps

priced(app) := [item | some item in app.items; item.monthly > 0]

top(app) := concat(", ", [sprintf("%s $%.2f", [i.address, i.monthly]) |
	some i in array.slice(priced(app), 0, 3)
])

deny contains finding if {
	some app in input.facts.costs.apps
	app.monthly > ceiling(app.app)
	count(app.items) > 0
	biggest := app.items[0]
	bound := {true: "at least ", false: ""}[app.lower_bound]
	finding := {
		"address": biggest.address,
		"message": sprintf("app %s is estimated at %s$%.2f/month, over its $%.2f ceiling (top: %s)", [app.app, bound, app.monthly, ceiling(app.app), top(app)]),
		"severity": severity(app.app),
	}
}

severity(app) := "info" if approved(app)

severity(app) := "high" if not approved(app)

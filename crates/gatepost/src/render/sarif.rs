//! SARIF 2.1.0 for code-scanning services, built with serde-sarif's typed structures.

use crate::policy::Rule;
use crate::report::Report;
use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, Region,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif,
    Tool, ToolComponent,
};
use std::collections::BTreeMap;

fn level(sev: crate::Severity) -> &'static str {
    match sev {
        crate::Severity::Critical | crate::Severity::High => "error",
        crate::Severity::Medium | crate::Severity::Low => "warning",
        crate::Severity::Info => "note",
    }
}

fn result_level(sev: crate::Severity) -> ResultLevel {
    match sev {
        crate::Severity::Critical | crate::Severity::High => ResultLevel::Error,
        crate::Severity::Medium | crate::Severity::Low => ResultLevel::Warning,
        crate::Severity::Info => ResultLevel::Note,
    }
}

fn descriptor(r: &Rule) -> ReportingDescriptor {
    let help = format!("{}\n\nFix: {}", r.description, r.fix);
    let mut props = BTreeMap::new();
    props.insert("family".to_string(), serde_json::json!(r.family));
    props.insert(
        "severity".to_string(),
        serde_json::json!(r.severity.as_str()),
    );
    props.insert(
        "tags".to_string(),
        serde_json::json!(["security", r.family]),
    );
    let mut d = ReportingDescriptor::builder()
        .id(r.id.clone())
        .name(r.id.clone())
        .short_description(
            MultiformatMessageString::builder()
                .text(r.title.clone())
                .build(),
        )
        .full_description(
            MultiformatMessageString::builder()
                .text(r.description.clone())
                .build(),
        )
        .help(MultiformatMessageString::builder().text(help).build())
        .default_configuration(
            ReportingConfiguration::builder()
                .level(serde_json::json!(level(r.severity)))
                .build(),
        )
        .properties(
            serde_sarif::sarif::PropertyBag::builder()
                .additional_properties(props)
                .build(),
        )
        .build();
    if let Some(u) = r.references.first() {
        d.help_uri = Some(u.clone());
    }
    d
}

/// The `module` blocks that led to a finding's resource, root first, as related locations.
fn module_calls(chain: &[crate::report::ModuleCall]) -> Vec<Location> {
    chain
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut l = Location::builder()
                .id(i as i64)
                .physical_location(
                    PhysicalLocation::builder()
                        .artifact_location(ArtifactLocation::builder().uri(c.file.clone()).build())
                        .region(Region::builder().start_line(c.line as i64).build())
                        .build(),
                )
                .build();
            l.message = Some(
                Message::builder()
                    .text(format!("via {}", c.address))
                    .build(),
            );
            l
        })
        .collect()
}

pub fn sarif(report: &Report, rules: &[Rule]) -> String {
    let used: std::collections::BTreeSet<&str> =
        report.findings.iter().map(|f| f.rule.as_str()).collect();
    let rules: Vec<&Rule> = rules
        .iter()
        .filter(|r| used.contains(r.id.as_str()))
        .collect();
    let index: BTreeMap<&str, usize> = rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let results: Vec<SarifResult> = report
        .findings
        .iter()
        .map(|f| {
            let region = Region::builder()
                .start_line(f.line as i64)
                .start_column(f.column as i64)
                .build();
            let loc = Location::builder()
                .physical_location(
                    PhysicalLocation::builder()
                        .artifact_location(ArtifactLocation::builder().uri(f.file.clone()).build())
                        .region(region)
                        .build(),
                )
                .build();
            let mut fp = BTreeMap::new();
            fp.insert("gatepost/v1".to_string(), f.fingerprint.clone());
            let mut r = SarifResult::builder()
                .rule_id(f.rule.clone())
                .level(result_level(f.severity))
                .message(Message::builder().text(f.message.clone()).build())
                .locations(vec![loc])
                .partial_fingerprints(fp)
                .build();
            r.rule_index = index.get(f.rule.as_str()).map(|&i| i as i64);
            if !f.module_chain.is_empty() {
                r.related_locations = Some(module_calls(&f.module_chain));
            }
            r
        })
        .collect();
    let driver = ToolComponent::builder()
        .name("gatepost")
        .version(crate::VERSION)
        .rules(rules.into_iter().map(descriptor).collect::<Vec<_>>())
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .build();
    let doc = Sarif::builder()
        .version(serde_json::json!("2.1.0"))
        .schema("https://json.schemastore.org/sarif-2.1.0.json")
        .runs(vec![run])
        .build();
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

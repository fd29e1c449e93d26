//! Accuracy against the KICS query fixtures (`kics-terraform`, `kics-k8s`).
//!
//! For each query, each positive file must get a finding from the gatepost rules mapped to
//! that query ([`QUERY_RULES`], else any rule of the matching family) on one of the expected
//! lines, or in the resource that contains it (gatepost reports missing attributes at the
//! resource), and each expected line is counted as matched or not; each negative file must
//! get no finding from those same rules (other rules may rightly report other problems in a
//! negative file). Deliberate differences are listed in [`EXCEPTIONS`] (whole files) and
//! [`LINE_EXCEPTIONS`] (single expected lines) with their reason and reported, never
//! skipped silently.

use gatepost::{scan_paths, Options, Report};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Bars from the rule-pack issues, per family.
const MIN_POSITIVES_FLAGGED: f64 = 0.97;
const MIN_LINES_MATCHED: f64 = 0.97;
const MIN_NEGATIVES_CLEAN: f64 = 0.98;

/// (query_dir, file, line, reason): expected lines of a positive file that gatepost
/// deliberately does not report; the file's other lines still count.
const LINE_EXCEPTIONS: &[(&str, &str, u32, &str)] = &[(
    "memory_requests_not_defined",
    "test/positive1.yaml",
    13,
    "the container sets requests.cpu and limits.memory 200Mi but no requests.memory: Kubernetes copies the missing request from the limit, so both requests are set",
)];

/// (query_dir, file, reason): fixtures whose expectation gatepost deliberately does not meet.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    ("iam_policies_with_full_privileges", "test/negative.tf", WIDER_WILDCARDS),
    ("iam_policy_grants_full_permissions", "test/negative1.tf", WIDER_WILDCARDS),
    ("iam_policy_grants_full_permissions", "test/negative2.tf", WIDER_WILDCARDS),
    ("iam_policy_grants_full_permissions", "test/negative3.tf", WIDER_WILDCARDS),
    ("google_project_iam_member_service_account_has_admin_role", "test/negative.tf",
        "roles/editor, a basic role that grants nearly everything in the project, granted to a user: the query looks only for serviceAccountAdmin, gcp-iam-privileged-role rightly reports basic roles"),
    ("user_with_iam_role", "test/positive1.tf",
        "a narrow role (apigee.runtimeAgent) granted to a user: granting to users rather than groups is an org convention, not a privilege problem"),
    ("kms_key_with_full_permissions", "test/positive3.tf",
        "a key without a policy gets AWS's default key policy (the owning account only); nothing is wildcarded"),
    ("sqs_policy_allows_all_actions", "test/positive1.tf", UNKNOWN_IN_HEREDOC),
    ("sqs_policy_allows_all_actions", "test/positive2.tf", UNKNOWN_IN_HEREDOC),
    ("s3_bucket_access_to_any_principal", "test/positive2.tf", NOT_ATTACHED),
    ("s3_bucket_allows_delete_action_from_all_principals", "test/positive3.tf", NOT_ATTACHED),
    ("s3_bucket_allows_get_action_from_all_principals", "test/positive2.tf", NOT_ATTACHED),
    ("s3_bucket_allows_list_action_from_all_principals", "test/positive3.tf", NOT_ATTACHED),
    ("s3_bucket_allows_put_action_from_all_principals", "test/positive3.tf", NOT_ATTACHED),
    ("s3_bucket_with_all_permissions", "test/positive2.tf", NOT_ATTACHED),
    ("sns_topic_publicity_has_allow_and_not_action_simultaneously", "test/positive2.tf", NOT_ATTACHED),
    ("s3_bucket_public_acl_overridden_by_public_access_block", "test/negative1.tf", REALLY_PUBLIC),
    ("s3_bucket_public_acl_overridden_by_public_access_block", "test/negative2.tf", REALLY_PUBLIC),
    ("s3_bucket_public_acl_overridden_by_public_access_block", "test/negative3.tf", REALLY_PUBLIC),
    ("s3_bucket_with_all_permissions", "test/negative1.tf",
        "Principal \"*\" may s3:putObject with no condition: anyone can upload, which gatepost reports whatever the action"),
    ("s3_bucket_with_all_permissions", "test/negative2.tf",
        "Principal \"*\" may s3:putObject with no condition: anyone can upload, which gatepost reports whatever the action"),
    ("public_storage_account", "test/negative1.tf",
        "azurerm_storage_account_network_rules with default_action = \"Allow\": the sibling query default_azure_storage_account_network_access_is_too_permissive flags exactly this"),
    ("default_azure_storage_account_network_access_is_too_permissive", "test/positive4.tf",
        "an account with no network settings at all; public_storage_account/negative3.tf is the same account and must stay clean, so gatepost reports explicit Allow only"),
    // Kubernetes (kics-k8s)
    ("cpu_requests_not_set", "test/positive.yaml", K8S_REQUEST_FROM_LIMIT),
    ("memory_requests_not_defined", "test/positive2.yaml", K8S_REQUEST_FROM_LIMIT),
    ("pod_misconfigured_network_policy", "test/positive2.yaml",
        "the API server turns `policyTypes: []` into [Ingress], so the pod is isolated"),
    ("image_without_digest", "test/positive.yaml",
        "the image is the $PRIVATE_IMAGE_NAME placeholder: gatepost never judges a value it cannot know"),
    ("pod_misconfigured_network_policy", "test/negative2.yaml",
        "the pod runs in negative2-namespace and the only NetworkPolicy is in another namespace, so nothing isolates it; k8s-network-policy-missing reports it"),
    ("using_kubernetes_native_secret_management", "test/negative2.yaml",
        "a Secret with literal values is committed; k8s-plain-secret reports it"),
    ("service_type_is_nodeport", "test/negative.yaml",
        "a public LoadBalancer service; k8s-service-exposed reports it"),
    ("cpu_limits_not_set", "test/negative.yaml", K8S_OTHER_RESOURCE),
    ("memory_limits_not_defined", "test/negative1.yaml", K8S_OTHER_RESOURCE),
    ("memory_requests_not_defined", "test/negative1.yaml", K8S_OTHER_RESOURCE),
];

const K8S_REQUEST_FROM_LIMIT: &str =
    "Kubernetes copies a missing request from the container's limit, so the request is set";
const K8S_OTHER_RESOURCE: &str = "clean for the query's resource (cpu or memory), but the same rule rightly reports the other resource, which the fixture also leaves unset";
const WIDER_WILDCARDS: &str = "gatepost reports service wildcards (s3:*, ec2:*) and Action \"*\" on any resource; the KICS query wants Action \"*\" on Resource \"*\" only";
const UNKNOWN_IN_HEREDOC: &str = "the policy heredoc interpolates an unknown ARN, so the evaluator keeps the whole document unresolved and rules never judge unresolved values (limitation)";
const NOT_ATTACHED: &str = "the s3-bucket module attaches its `policy` input only with attach_policy = true (default false), which the fixture leaves unset: the document never reaches the bucket";
const REALLY_PUBLIC: &str = "public-read-write ACL with block_public_acls and ignore_public_acls off: the bucket really is public; the KICS query only reports the ACL when a block overrides it";

/// The gatepost rules that answer a KICS query, as `rule` or `rule:/pointer-suffix` (for
/// queries about one setting of a resource gatepost judges as a whole). A negative file of
/// the query must get none of these findings, a positive one at least one. Queries not listed
/// are judged by family.
const QUERY_RULES: &[(&str, &[&str])] = &[
    (
        "iam_policies_with_full_privileges",
        &["aws-iam-wildcard-action"],
    ),
    (
        "iam_policy_grants_full_permissions",
        &["aws-iam-wildcard-action"],
    ),
    (
        "iam_role_with_full_privileges",
        &["aws-iam-wildcard-action"],
    ),
    (
        "sso_policy_with_full_priveleges",
        &["aws-iam-wildcard-action"],
    ),
    (
        "iam_role_allows_all_principals_to_assume",
        &["aws-iam-role-trust-too-broad"],
    ),
    (
        "iam_policy_grants_assumerole_permission_across_all_services",
        &["aws-iam-role-trust-too-broad"],
    ),
    (
        "cross_account_iam_assume_role_policy_without_external_id_or_mfa",
        &["aws-iam-role-trust-too-broad"],
    ),
    (
        "iam_role_policy_passrole_allows_all",
        &["aws-iam-passrole-any"],
    ),
    (
        "service_account_with_improper_privileges",
        &["gcp-iam-privileged-role"],
    ),
    (
        "google_project_iam_member_service_account_has_admin_role",
        &["gcp-iam-privileged-role"],
    ),
    ("user_with_iam_role", &["gcp-iam-privileged-role"]),
    (
        "kms_crypto_key_publicly_accessible",
        &["gcp-iam-public-member"],
    ),
    (
        "role_definition_allows_custom_role_creation",
        &["azure-role-definition-wildcard"],
    ),
    (
        "sns_topic_publicity_has_allow_and_not_action_simultaneously",
        &["aws-iam-not-action-allow"],
    ),
    (
        "sns_topic_is_publicly_accessible",
        &["aws-resource-policy-public"],
    ),
    (
        "sqs_policy_allows_all_actions",
        &["aws-resource-policy-public"],
    ),
    (
        "sqs_policy_with_public_access",
        &["aws-resource-policy-public"],
    ),
    (
        "kms_key_with_full_permissions",
        &["aws-resource-policy-public"],
    ),
    (
        "lambda_permission_principal_is_wildcard",
        &["aws-resource-policy-public"],
    ),
    (
        "ecr_repository_is_publicly_accessible",
        &["aws-resource-policy-public"],
    ),
    (
        "s3_bucket_access_to_any_principal",
        &["aws-s3-bucket-policy-public"],
    ),
    (
        "s3_bucket_allows_delete_action_from_all_principals",
        &["aws-s3-bucket-policy-public"],
    ),
    (
        "s3_bucket_allows_get_action_from_all_principals",
        &["aws-s3-bucket-policy-public"],
    ),
    (
        "s3_bucket_allows_list_action_from_all_principals",
        &["aws-s3-bucket-policy-public"],
    ),
    (
        "s3_bucket_allows_put_action_from_all_principals",
        &["aws-s3-bucket-policy-public"],
    ),
    (
        "s3_bucket_with_all_permissions",
        &["aws-s3-bucket-policy-public"],
    ),
    (
        "s3_bucket_acl_allows_read_or_write_to_all_users",
        &["aws-s3-public-acl", "aws-s3-acl-public-grant"],
    ),
    (
        "s3_bucket_acl_allows_read_to_any_authenticated_user",
        &["aws-s3-public-acl", "aws-s3-acl-public-grant"],
    ),
    (
        "cloudtrail_log_files_s3_bucket_is_publicly_accessible",
        &["aws-s3-public-acl", "aws-s3-acl-public-grant"],
    ),
    (
        "s3_bucket_public_acl_overridden_by_public_access_block",
        &["aws-s3-public-acl"],
    ),
    (
        "s3_bucket_acl_grants_write_acp_permission",
        &["aws-s3-acl-public-grant"],
    ),
    (
        "s3_bucket_allows_public_acl",
        &["aws-s3-public-access-block-disabled:/block_public_acls"],
    ),
    (
        "s3_bucket_with_public_policy",
        &["aws-s3-public-access-block-disabled:/block_public_policy"],
    ),
    (
        "s3_bucket_without_ignore_public_acl",
        &["aws-s3-public-access-block-disabled:/ignore_public_acls"],
    ),
    (
        "s3_bucket_without_restriction_of_public_bucket",
        &["aws-s3-public-access-block-disabled:/restrict_public_buckets"],
    ),
    ("s3_static_website_host_enabled", &["aws-s3-website-public"]),
    (
        "cloud_storage_anonymous_or_publicly_accessible",
        &["gcp-storage-public"],
    ),
    (
        "cloud_storage_bucket_is_publicly_accessible",
        &["gcp-storage-public"],
    ),
    ("bigquery_dataset_is_public", &["gcp-storage-public"]),
    (
        "google_storage_bucket_level_access_disabled",
        &["gcp-storage-uniform-access-disabled"],
    ),
    (
        "storage_container_is_publicly_accessible",
        &["azure-storage-container-public"],
    ),
    ("public_storage_account", &["azure-storage-account-public"]),
    (
        "default_azure_storage_account_network_access_is_too_permissive",
        &["azure-storage-account-public"],
    ),
    // Kubernetes (kics-k8s)
    (
        "cluster_admin_role_binding_with_super_user_permissions",
        &["k8s-cluster-admin-binding"],
    ),
    ("container_is_privileged", &["k8s-privileged-container"]),
    ("containers_running_as_root", &["k8s-run-as-root"]),
    (
        "containers_with_added_capabilities",
        &["k8s-capabilities-added"],
    ),
    (
        "containers_with_sys_admin_capabilities",
        &["k8s-capabilities-added"],
    ),
    ("cpu_limits_not_set", &["k8s-container-without-limits"]),
    ("cpu_requests_not_set", &["k8s-container-without-requests"]),
    (
        "docker_daemon_socket_is_exposed_to_containers",
        &["k8s-docker-socket-mount"],
    ),
    ("image_without_digest", &["k8s-image-without-digest"]),
    (
        "ingress_controller_exposes_workload",
        &["k8s-ingress-exposes-workload"],
    ),
    (
        "invalid_image",
        &["k8s-image-invalid", "k8s-image-mutable-tag"],
    ),
    (
        "memory_limits_not_defined",
        &["k8s-container-without-limits"],
    ),
    (
        "memory_requests_not_defined",
        &["k8s-container-without-requests"],
    ),
    (
        "net_raw_capabilities_not_being_dropped",
        &["k8s-capabilities-not-dropped"],
    ),
    (
        "network_policy_is_not_targeting_any_pod",
        &["k8s-network-policy-selects-nothing"],
    ),
    (
        "no_drop_capabilities_for_containers",
        &["k8s-capabilities-not-dropped"],
    ),
    (
        "non_kube_system_pod_with_host_mount",
        &["k8s-host-path-mount"],
    ),
    (
        "pod_misconfigured_network_policy",
        &[
            "k8s-network-policy-missing",
            "k8s-network-policy-selects-nothing",
        ],
    ),
    (
        "pod_or_container_without_limit_range",
        &["k8s-namespace-without-quota"],
    ),
    (
        "pod_or_container_without_resource_quota",
        &["k8s-namespace-without-quota"],
    ),
    (
        "privilege_escalation_allowed",
        &["k8s-privilege-escalation"],
    ),
    ("rbac_wildcard_in_rule", &["k8s-rbac-wildcard"]),
    ("secrets_as_environment_variables", &["k8s-secret-in-env"]),
    ("service_type_is_nodeport", &["k8s-service-exposed"]),
    (
        "service_with_external_load_balancer",
        &["k8s-service-exposed"],
    ),
    ("shared_host_ipc_namespace", &["k8s-host-namespaces"]),
    ("shared_host_network_namespace", &["k8s-host-namespaces"]),
    ("shared_host_pid_namespace", &["k8s-host-namespaces"]),
    (
        "using_kubernetes_native_secret_management",
        &["k8s-plain-secret"],
    ),
    (
        "workload_mounting_with_sensitive_os_directory",
        &["k8s-host-path-mount"],
    ),
];

/// Whether a finding answers a query: one of its listed rules, or any rule of the family.
fn answers(f: &gatepost::Finding, dir: &str, family: &str) -> bool {
    match QUERY_RULES.iter().find(|(d, _)| *d == dir) {
        Some((_, rules)) => rules.iter().any(|r| match r.split_once(':') {
            Some((id, suffix)) => f.rule == id && f.pointer.ends_with(suffix),
            None => f.rule == *r,
        }),
        None => f.family == family,
    }
}

/// The gatepost family that answers a manifest family label.
fn family_of(label: &str) -> &'static str {
    match label {
        "iam_wildcard" | "adjacent_resource_policy" | "rbac-wildcards-cluster-admin" => "iam",
        "public_storage" => "storage",
        "resources-requests-limits" | "resourcequota-limitrange" | "networkpolicy" => "quota",
        _ => "hygiene",
    }
}

#[derive(Default, Clone, Copy)]
struct Tally {
    positives: usize,
    flagged: usize,
    lines: usize,
    lines_matched: usize,
    negatives: usize,
    clean: usize,
    excepted: usize,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

impl Tally {
    fn meets_bar(&self) -> bool {
        pct(self.flagged, self.positives) >= 100.0 * MIN_POSITIVES_FLAGGED
            && pct(self.lines_matched, self.lines) >= 100.0 * MIN_LINES_MATCHED
            && pct(self.clean, self.negatives) >= 100.0 * MIN_NEGATIVES_CLEAN
    }
}

fn scan_one(path: &Path) -> Report {
    scan_paths(&[path], &Options::default())
}

/// Whether a family's finding answers an expected line: a finding on that line, or anywhere in
/// the resource block that contains it. KICS points at its own "searchLine" (the `policy =`
/// line, the block header), gatepost at the element at fault (the `"*"` inside the policy),
/// so both sides are compared per resource, not per exact line.
fn covered(report: &Report, dir: &str, family: &str, file: &str, line: u32) -> bool {
    let mut headers: Vec<u32> = report
        .resources
        .iter()
        .filter(|r| &*r.file == file)
        .map(|r| r.line)
        .collect();
    headers.sort();
    let block = |l: u32| headers.iter().rev().find(|&&h| h <= l).copied();
    let expected = block(line);
    report
        .findings
        .iter()
        .filter(|f| answers(f, dir, family) && f.file == file)
        .any(|f| f.line == line || (expected.is_some() && block(f.line) == expected))
}

pub fn run(args: &[String]) -> Result<bool, String> {
    let mut corpora: Vec<PathBuf> = Vec::new();
    let mut check = true;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => corpora.push(PathBuf::from(
                it.next().ok_or("--corpus needs a directory")?,
            )),
            "--no-check" => check = false,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if corpora.is_empty() {
        let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
        corpora = vec![shared.join("kics-terraform"), shared.join("kics-k8s")];
    }
    let mut by_family: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut excepted = Vec::new();
    for corpus in &corpora {
        let manifest: Value = serde_json::from_str(
            &std::fs::read_to_string(corpus.join("manifest.json"))
                .map_err(|e| format!("{}: {e}", corpus.display()))?,
        )
        .map_err(|e| e.to_string())?;
        for q in manifest.as_array().ok_or("manifest is not a list")? {
            let dir = q["query_dir"].as_str().unwrap_or_default();
            let family = family_of(q["family"].as_str().unwrap_or_default());
            let t = by_family.entry(family).or_default();
            let exception =
                |file: &str| EXCEPTIONS.iter().find(|(d, f, _)| *d == dir && *f == file);
            for p in q["positives"].as_array().into_iter().flatten() {
                let file = p["file"].as_str().unwrap_or_default();
                if let Some((_, _, why)) = exception(file) {
                    t.excepted += 1;
                    excepted.push(format!("{dir}/{file}: {why}"));
                    continue;
                }
                let path = corpus.join(dir).join(file);
                let report = scan_one(&path);
                let shown = path.to_string_lossy().to_string();
                t.positives += 1;
                let lines: Vec<u32> = p["lines"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|l| l.as_u64())
                    .map(|l| l as u32)
                    .collect();
                let (skipped, lines): (Vec<u32>, Vec<u32>) = lines.into_iter().partition(|&l| {
                    LINE_EXCEPTIONS
                        .iter()
                        .any(|(d, f, x, _)| *d == dir && *f == file && *x == l)
                });
                for l in skipped {
                    let why = LINE_EXCEPTIONS
                        .iter()
                        .find(|(d, f, x, _)| *d == dir && *f == file && *x == l)
                        .map_or("", |e| e.3);
                    t.excepted += 1;
                    excepted.push(format!("{dir}/{file}:{l}: {why}"));
                }
                let (hits, missed): (Vec<u32>, Vec<u32>) = lines
                    .iter()
                    .partition(|&&l| covered(&report, dir, family, &shown, l));
                t.lines += lines.len();
                t.lines_matched += hits.len();
                if !hits.is_empty() && !missed.is_empty() {
                    misses.push(format!(
                        "LINE MISS {family:8} {dir}/{file} expected lines {missed:?} (flagged on {hits:?})"
                    ));
                }
                if !hits.is_empty()
                    || (lines.is_empty() && report.findings.iter().any(|f| answers(f, dir, family)))
                {
                    t.flagged += 1;
                } else {
                    let errs: Vec<String> = report
                        .errors
                        .iter()
                        .map(|e| format!("{}:{} {}", e.line, e.column, e.message))
                        .collect();
                    misses.push(format!(
                        "MISS {family:8} {dir}/{file} expected lines {lines:?}{}",
                        if errs.is_empty() {
                            String::new()
                        } else {
                            format!(" errors {errs:?}")
                        }
                    ));
                }
            }
            for n in q["negatives"].as_array().into_iter().flatten() {
                let file = n.as_str().unwrap_or_default();
                if let Some((_, _, why)) = exception(file) {
                    t.excepted += 1;
                    excepted.push(format!("{dir}/{file}: {why}"));
                    continue;
                }
                let report = scan_one(&corpus.join(dir).join(file));
                t.negatives += 1;
                let bad: Vec<String> = report
                    .findings
                    .iter()
                    .filter(|f| answers(f, dir, family))
                    .map(|f| format!("{}:{} {}", f.line, f.rule, f.message))
                    .collect();
                if bad.is_empty() {
                    t.clean += 1;
                } else {
                    misses.push(format!("FALSE ALARM {family:8} {dir}/{file}: {bad:?}"));
                }
            }
        }
    }
    for m in &misses {
        println!("{m}");
    }
    for e in &excepted {
        println!("EXCEPTION {e}");
    }
    println!(
        "\n{:<9} {:>16} {:>16} {:>16} {:>10}",
        "family", "positives flagged", "lines matched", "negatives clean", "excepted"
    );
    let mut ok = true;
    let mut total = Tally::default();
    for (fam, t) in &by_family {
        println!(
            "{fam:<9} {:>9}/{:<3} {:>5.1}% {:>6}/{:<4} {:>4.1}% {:>6}/{:<3} {:>5.1}% {:>10}",
            t.flagged,
            t.positives,
            pct(t.flagged, t.positives),
            t.lines_matched,
            t.lines,
            pct(t.lines_matched, t.lines),
            t.clean,
            t.negatives,
            pct(t.clean, t.negatives),
            t.excepted
        );
        ok &= t.meets_bar();
        total.positives += t.positives;
        total.flagged += t.flagged;
        total.lines += t.lines;
        total.lines_matched += t.lines_matched;
        total.negatives += t.negatives;
        total.clean += t.clean;
    }
    println!(
        "{:<9} {:>9}/{:<3} {:>5.1}% {:>6}/{:<4} {:>4.1}% {:>6}/{:<3} {:>5.1}%",
        "total",
        total.flagged,
        total.positives,
        pct(total.flagged, total.positives),
        total.lines_matched,
        total.lines,
        pct(total.lines_matched, total.lines),
        total.clean,
        total.negatives,
        pct(total.clean, total.negatives)
    );
    println!(
        "negatives: a negative file is clean when none of the rules mapped to its query reports \
         it (queries without a mapping: no rule of the family); other rules may report it"
    );
    println!(
        "bar: ≥{:.0}% of positive files flagged, ≥{:.0}% of expected lines matched and ≥{:.0}% \
         of negative files clean, per family: {}",
        MIN_POSITIVES_FLAGGED * 100.0,
        MIN_LINES_MATCHED * 100.0,
        MIN_NEGATIVES_CLEAN * 100.0,
        if ok { "met" } else { "NOT met" }
    );
    Ok(ok || !check)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bar_fails_the_family_on_its_own() {
        let t = Tally {
            positives: 100,
            flagged: 100,
            lines: 100,
            lines_matched: 97,
            negatives: 50,
            clean: 49,
            excepted: 0,
        };
        assert!(t.meets_bar());
        assert!(
            !Tally {
                lines_matched: 96,
                ..t
            }
            .meets_bar(),
            "lines matched < 97%"
        );
        assert!(
            !Tally { flagged: 96, ..t }.meets_bar(),
            "files flagged < 97%"
        );
        assert!(
            !Tally { clean: 48, ..t }.meets_bar(),
            "negatives clean < 98%"
        );
    }

    #[test]
    fn line_exceptions_name_a_mapped_query_and_give_a_reason() {
        for (dir, file, line, why) in LINE_EXCEPTIONS {
            assert!(QUERY_RULES.iter().any(|(d, _)| d == dir), "{dir}");
            assert!(
                file.starts_with("test/positive") && *line > 0,
                "{file}:{line}"
            );
            assert!(why.len() > 20, "{dir}/{file}:{line} needs its reason");
        }
    }
}

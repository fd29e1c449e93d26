//! Accuracy against the KICS query fixtures (`kics-terraform`, `kics-k8s`).
//!
//! For each query, each positive file must get a finding of the matching gatepost family on
//! one of the expected lines, or on the header of the resource that contains it (gatepost
//! reports missing attributes at the resource); each negative file must get no finding of
//! that family. Deliberate differences are listed in [`EXCEPTIONS`] with their reason and
//! reported, never skipped silently.

use gatepost::{scan_paths, Options, Report};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Bars from the rule-pack issues, per family.
const MIN_POSITIVES_FLAGGED: f64 = 0.97;
const MIN_NEGATIVES_CLEAN: f64 = 0.98;

/// (query_dir, file, reason): fixtures whose expectation gatepost deliberately does not meet.
///
/// Kubernetes: the manifest judges a negative file by family, but most KICS k8s negatives
/// are clean only for their own query; they also carry other quota or hygiene problems
/// (no ResourceQuota, no NetworkPolicy, containers running as root, images without a
/// digest...) that gatepost's rules of the same family report. Each such entry names them.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    // Kubernetes (kics-k8s)
    (
        "cpu_limits_not_set",
        "test/negative.yaml",
        "clean for this query; the fixture also has real quota problems gatepost reports: its namespace has no ResourceQuota/LimitRange (k8s-namespace-without-quota); no NetworkPolicy covers its pods (k8s-network-policy-missing); a container has neither request nor limit for cpu or memory (k8s-container-without-requests); a container lacks a cpu or memory limit (k8s-container-without-limits)",
    ),
    (
        "cpu_requests_not_set",
        "test/negative.yaml",
        "clean for this query; the fixture also has real quota problems gatepost reports: its namespace has no ResourceQuota/LimitRange (k8s-namespace-without-quota); no NetworkPolicy covers its pods (k8s-network-policy-missing)",
    ),
    (
        "memory_limits_not_defined",
        "test/negative1.yaml",
        "clean for this query; the fixture also has real quota problems gatepost reports: no NetworkPolicy covers its pods (k8s-network-policy-missing); its namespace has no ResourceQuota/LimitRange (k8s-namespace-without-quota); a container lacks a cpu or memory limit (k8s-container-without-limits); a container has neither request nor limit for cpu or memory (k8s-container-without-requests)",
    ),
    (
        "memory_limits_not_defined",
        "test/negative2.yaml",
        "clean for this query; the fixture also has real quota problems gatepost reports: its namespace has no ResourceQuota/LimitRange (k8s-namespace-without-quota); no NetworkPolicy covers its pods (k8s-network-policy-missing)",
    ),
    (
        "memory_requests_not_defined",
        "test/negative1.yaml",
        "clean for this query; the fixture also has real quota problems gatepost reports: no NetworkPolicy covers its pods (k8s-network-policy-missing); its namespace has no ResourceQuota/LimitRange (k8s-namespace-without-quota); a container lacks a cpu or memory limit (k8s-container-without-limits); a container has neither request nor limit for cpu or memory (k8s-container-without-requests)",
    ),
    (
        "memory_requests_not_defined",
        "test/negative2.yaml",
        "clean for this query; the fixture also has real quota problems gatepost reports: its namespace has no ResourceQuota/LimitRange (k8s-namespace-without-quota); no NetworkPolicy covers its pods (k8s-network-policy-missing)",
    ),
    (
        "pod_or_container_without_resource_quota",
        "test/negative1.yaml",
        "clean for this query; the fixture also has real quota problems gatepost reports: no NetworkPolicy covers its pods (k8s-network-policy-missing); its ResourceQuota (cpu 1000, memory 200Gi) is above the per-app ceiling (k8s-quota-above-ceiling)",
    ),
    (
        "pod_or_container_without_resource_quota",
        "test/negative2.yaml",
        "clean for this query; the fixture also has real quota problems gatepost reports: no NetworkPolicy covers its pods (k8s-network-policy-missing); a container lacks a cpu or memory limit (k8s-container-without-limits); its ResourceQuota (cpu 1000, memory 200Gi) is above the per-app ceiling (k8s-quota-above-ceiling)",
    ),
    (
        "pod_or_container_without_limit_range",
        "test/negative1.yaml",
        "clean for this query; the fixture also has real quota problems gatepost reports: no NetworkPolicy covers its pods (k8s-network-policy-missing)",
    ),
    (
        "pod_or_container_without_limit_range",
        "test/negative2.yaml",
        "clean for this query; the fixture also has real quota problems gatepost reports: no NetworkPolicy covers its pods (k8s-network-policy-missing); a container lacks a cpu or memory limit (k8s-container-without-limits)",
    ),
    (
        "pod_misconfigured_network_policy",
        "test/negative1.yaml",
        "clean for this query; the fixture also has real quota problems gatepost reports: its namespace has no ResourceQuota/LimitRange (k8s-namespace-without-quota)",
    ),
    (
        "pod_misconfigured_network_policy",
        "test/negative2.yaml",
        "deliberate difference: the pod runs in negative2-namespace, and the only NetworkPolicy is in negative2-othernamespace, so nothing isolates the pod; k8s-network-policy-missing reports it (and k8s-namespace-without-quota reports the namespace has no ResourceQuota/LimitRange)",
    ),
    (
        "pod_misconfigured_network_policy",
        "test/negative3.yaml",
        "clean for this query; the fixture also has real quota problems gatepost reports: its namespace has no ResourceQuota/LimitRange (k8s-namespace-without-quota); a container lacks a cpu or memory limit (k8s-container-without-limits); a container has neither request nor limit for cpu or memory (k8s-container-without-requests)",
    ),
    (
        "network_policy_is_not_targeting_any_pod",
        "test/negative.yaml",
        "clean for this query; the fixture also has real quota problems gatepost reports: its namespace has no ResourceQuota/LimitRange (k8s-namespace-without-quota); a container lacks a cpu or memory limit (k8s-container-without-limits); a container has neither request nor limit for cpu or memory (k8s-container-without-requests)",
    ),
    (
        "container_is_privileged",
        "test/negative.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: images are pinned by tag, not digest (k8s-image-without-digest); allowPrivilegeEscalation is not false (k8s-privilege-escalation); a container may run as root (k8s-run-as-root); capabilities are not dropped (k8s-capabilities-not-dropped); it adds NET_ADMIN/SYS_TIME (k8s-capabilities-added)",
    ),
    (
        "privilege_escalation_allowed",
        "test/negative.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: images are pinned by tag, not digest (k8s-image-without-digest); capabilities are not dropped (k8s-capabilities-not-dropped); a container may run as root (k8s-run-as-root)",
    ),
    (
        "shared_host_network_namespace",
        "test/negative.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: an image has no tag (k8s-image-mutable-tag); capabilities are not dropped (k8s-capabilities-not-dropped)",
    ),
    (
        "shared_host_network_namespace",
        "test/negative2.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: an image has no tag (k8s-image-mutable-tag); capabilities are not dropped (k8s-capabilities-not-dropped)",
    ),
    (
        "shared_host_pid_namespace",
        "test/negative.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: an image has no tag (k8s-image-mutable-tag); capabilities are not dropped (k8s-capabilities-not-dropped)",
    ),
    (
        "shared_host_pid_namespace",
        "test/negative2.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: an image has no tag (k8s-image-mutable-tag); capabilities are not dropped (k8s-capabilities-not-dropped)",
    ),
    (
        "shared_host_ipc_namespace",
        "test/negative.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: an image has no tag (k8s-image-mutable-tag); capabilities are not dropped (k8s-capabilities-not-dropped)",
    ),
    (
        "shared_host_ipc_namespace",
        "test/negative2.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: an image has no tag (k8s-image-mutable-tag); capabilities are not dropped (k8s-capabilities-not-dropped)",
    ),
    (
        "non_kube_system_pod_with_host_mount",
        "test/negative.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: capabilities are not dropped (k8s-capabilities-not-dropped); allowPrivilegeEscalation is not false (k8s-privilege-escalation); a container may run as root (k8s-run-as-root); images are pinned by tag, not digest (k8s-image-without-digest); an image has no tag (k8s-image-mutable-tag)",
    ),
    (
        "workload_mounting_with_sensitive_os_directory",
        "test/negative.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: capabilities are not dropped (k8s-capabilities-not-dropped); allowPrivilegeEscalation is not false (k8s-privilege-escalation); a container may run as root (k8s-run-as-root); images are pinned by tag, not digest (k8s-image-without-digest); an image has no tag (k8s-image-mutable-tag)",
    ),
    (
        "docker_daemon_socket_is_exposed_to_containers",
        "test/negative.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: capabilities are not dropped (k8s-capabilities-not-dropped); an image has no tag (k8s-image-mutable-tag); allowPrivilegeEscalation is not false (k8s-privilege-escalation); a container may run as root (k8s-run-as-root)",
    ),
    (
        "containers_running_as_root",
        "test/negative1.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: images are pinned by tag, not digest (k8s-image-without-digest); capabilities are not dropped (k8s-capabilities-not-dropped)",
    ),
    (
        "containers_running_as_root",
        "test/negative2.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: images are pinned by tag, not digest (k8s-image-without-digest); capabilities are not dropped (k8s-capabilities-not-dropped); allowPrivilegeEscalation is not false (k8s-privilege-escalation)",
    ),
    (
        "containers_running_as_root",
        "test/negative3.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: images are pinned by tag, not digest (k8s-image-without-digest); capabilities are not dropped (k8s-capabilities-not-dropped); allowPrivilegeEscalation is not false (k8s-privilege-escalation)",
    ),
    (
        "containers_with_added_capabilities",
        "test/negative1.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: images are pinned by tag, not digest (k8s-image-without-digest); capabilities are not dropped (k8s-capabilities-not-dropped); a container may run as root (k8s-run-as-root)",
    ),
    (
        "containers_with_added_capabilities",
        "test/negative2.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: images are pinned by tag, not digest (k8s-image-without-digest); a container may run as root (k8s-run-as-root); capabilities are not dropped (k8s-capabilities-not-dropped)",
    ),
    (
        "containers_with_sys_admin_capabilities",
        "test/negative.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: images are pinned by tag, not digest (k8s-image-without-digest); capabilities are not dropped (k8s-capabilities-not-dropped); a container may run as root (k8s-run-as-root)",
    ),
    (
        "no_drop_capabilities_for_containers",
        "test/negative.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: an image has no tag (k8s-image-mutable-tag); allowPrivilegeEscalation is not false (k8s-privilege-escalation); a container may run as root (k8s-run-as-root)",
    ),
    (
        "invalid_image",
        "test/negative.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: capabilities are not dropped (k8s-capabilities-not-dropped); allowPrivilegeEscalation is not false (k8s-privilege-escalation); a container may run as root (k8s-run-as-root); images are pinned by tag, not digest (k8s-image-without-digest)",
    ),
    (
        "image_without_digest",
        "test/negative.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: capabilities are not dropped (k8s-capabilities-not-dropped); allowPrivilegeEscalation is not false (k8s-privilege-escalation); a container may run as root (k8s-run-as-root)",
    ),
    (
        "using_kubernetes_native_secret_management",
        "test/negative2.yaml",
        "deliberate difference: the file commits a Secret with data and stringData values (bearerToken); a SecretProviderClass beside it does not make the committed values safe, so k8s-plain-secret reports it",
    ),
    (
        "secrets_as_environment_variables",
        "test/negative.yaml",
        "clean for this query; the fixture also has real hygiene problems gatepost reports: capabilities are not dropped (k8s-capabilities-not-dropped); allowPrivilegeEscalation is not false (k8s-privilege-escalation); a container may run as root (k8s-run-as-root); an image has no tag (k8s-image-mutable-tag)",
    ),
    (
        "service_type_is_nodeport",
        "test/negative.yaml",
        "clean for NodePort; the Service is a LoadBalancer without an internal annotation or source ranges, which k8s-service-exposed reports as a public load balancer",
    ),
    (
        "cpu_requests_not_set",
        "test/positive.yaml",
        "every container sets a cpu limit, and Kubernetes copies a missing request from the limit: the cpu request is set (k8s-container-without-requests follows the API defaulting)",
    ),
    (
        "memory_requests_not_defined",
        "test/positive2.yaml",
        "the container sets a memory limit, which Kubernetes copies into the missing memory request (k8s-container-without-requests follows the API defaulting)",
    ),
    (
        "pod_misconfigured_network_policy",
        "test/positive2.yaml",
        "policyTypes: [] is defaulted by the API server to [Ingress], so the podSelector: {} policy does isolate the pod (default-deny ingress)",
    ),
    (
        "image_without_digest",
        "test/positive.yaml",
        "the image is the envsubst placeholder $PRIVATE_IMAGE_NAME: gatepost never judges a value it cannot know",
    ),
];

/// The gatepost family that answers a manifest family label.
fn family_of(label: &str) -> &'static str {
    match label {
        "iam_wildcard" | "adjacent_resource_policy" | "rbac-wildcards-cluster-admin" => "iam",
        "public_storage" => "storage",
        "resources-requests-limits" | "resourcequota-limitrange" | "networkpolicy" => "quota",
        _ => "hygiene",
    }
}

#[derive(Default)]
struct Tally {
    positives: usize,
    flagged: usize,
    lines: usize,
    lines_matched: usize,
    negatives: usize,
    clean: usize,
    excepted: usize,
}

fn scan_one(path: &Path) -> Report {
    scan_paths(&[path], &Options::default())
}

/// Lines a family's findings cover: the finding line itself, and every line of the resource
/// whose header it reports (up to the next resource in the file).
fn covered(report: &Report, family: &str, file: &str, line: u32) -> bool {
    let mut headers: Vec<(u32, &str)> = report
        .resources
        .iter()
        .filter(|r| &*r.file == file)
        .map(|r| (r.line, r.address.as_str()))
        .collect();
    headers.sort();
    let container = headers
        .iter()
        .rev()
        .find(|(l, _)| *l <= line)
        .map(|(_, a)| *a);
    report
        .findings
        .iter()
        .filter(|f| f.family == family)
        .any(|f| {
            f.line == line
                || (Some(f.address.as_str()) == container
                    && headers.iter().any(|(l, a)| *a == f.address && *l == f.line))
        })
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
                let hits: Vec<u32> = lines
                    .iter()
                    .copied()
                    .filter(|&l| covered(&report, family, &shown, l))
                    .collect();
                t.lines += lines.len();
                t.lines_matched += hits.len();
                if !hits.is_empty()
                    || (lines.is_empty() && report.findings.iter().any(|f| f.family == family))
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
                    .filter(|f| f.family == family)
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
    let pct = |a: usize, b: usize| {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
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
        ok &= pct(t.flagged, t.positives) >= 100.0 * MIN_POSITIVES_FLAGGED
            && pct(t.clean, t.negatives) >= 100.0 * MIN_NEGATIVES_CLEAN;
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
        "bar: ≥{:.0}% of positive files flagged and ≥{:.0}% of negative files clean, per family: {}",
        MIN_POSITIVES_FLAGGED * 100.0,
        MIN_NEGATIVES_CLEAN * 100.0,
        if ok { "met" } else { "NOT met" }
    );
    Ok(ok || !check)
}

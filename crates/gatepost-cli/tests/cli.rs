//! The `gatepost` command end to end, in scratch directories.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Scratch(PathBuf, bool);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("gatepost-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir, true)
    }

    /// A sub-directory, removed with its parent.
    fn sub(&self, rel: &str) -> Scratch {
        Scratch(self.0.join(rel), false)
    }

    fn write(&self, rel: &str, text: &str) -> &Self {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    /// Run gatepost in this directory: (exit code, stdout, stderr).
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let mut args = args.to_vec();
        // These scratch apps carry no ownership or expiry tags and no public access blocks;
        // those rules have their own fixtures, and here they would only drown what each test
        // looks at.
        if matches!(args.first(), Some(&"scan") | Some(&"baseline")) {
            args.extend([
                "--disable",
                "tags-required-missing",
                "--disable",
                "expiry-tag-invalid",
                "--disable",
                "aws-s3-bucket-without-public-access-block",
            ]);
        }
        let out = Command::new(env!("CARGO_BIN_EXE_gatepost"))
            .args(&args)
            .current_dir(&self.0)
            .env_remove("CI")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn findings(&self, args: &[&str]) -> Vec<(String, String, u64)> {
        let mut a = vec!["scan", "--format", "json"];
        a.extend_from_slice(args);
        let (_, out, err) = self.run(&a);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["file"].as_str().unwrap().to_string(),
                    f["line"].as_u64().unwrap(),
                )
            })
            .collect()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if self.1 {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

fn ignore(rules: &str) -> String {
    // Built at run time so scanning this repository finds no suppression in this file.
    format!("gatepost:ignore[{rules}]")
}

const BUCKET: &str =
    "resource \"aws_s3_bucket\" \"menus\" {\n  bucket = \"menus\"\n  acl    = var.acl\n}\n";
const VARS: &str = "variable \"acl\" {\n  default = \"public-read\"\n}\n";
const NAMESPACE: &str = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n";
const QUOTA: &str = "apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\n  namespace: shop\nspec:\n  hard:\n    requests.cpu: \"1\"\n    limits.cpu: \"2\"\n    requests.memory: 1Gi\n    limits.memory: 2Gi\n";

#[test]
fn explicit_files_see_their_module_and_app_but_report_only_themselves() {
    let s = Scratch::new("context");
    s.write("app/terraform/main.tf", BUCKET)
        .write("app/terraform/variables.tf", VARS)
        .write("app/terraform/iam.tf", "resource \"aws_iam_policy\" \"p\" {\n  policy = jsonencode({Statement = [{Effect = \"Allow\", Action = \"*\", Resource = \"*\"}]})\n}\n")
        .write("app/k8s/namespace.yaml", NAMESPACE)
        .write("app/k8s/quota.yaml", QUOTA);
    // The ACL's value lives in variables.tf; the IAM problem in iam.tf is not asked about.
    let f = s.findings(&["app/terraform/main.tf"]);
    assert_eq!(
        f,
        vec![(
            "aws-s3-public-acl".into(),
            "app/terraform/main.tf".into(),
            3
        )]
    );
    // The namespace's quota is in another manifest of the same app.
    assert_eq!(s.findings(&["app/k8s/namespace.yaml"]), vec![]);
    s.write("app/k8s/quota.yaml", "# moved away\n");
    let f = s.findings(&["app/k8s/namespace.yaml"]);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "k8s-namespace-without-quota");
    // A directory reports everything below it.
    let all = s.findings(&["app"]);
    assert!(all.iter().any(|x| x.1 == "app/terraform/iam.tf"), "{all:?}");
}

#[test]
fn configuration_is_found_walking_up_and_applied() {
    let s = Scratch::new("config");
    s.write("infra/terraform/main.tf", BUCKET)
        .write("infra/terraform/variables.tf", VARS);
    assert_eq!(s.run(&["scan", "infra"]).0, 1);
    s.write("gatepost.toml", "fail_on = \"critical\"\n");
    let (code, out, _) = s.run(&["scan", "infra/terraform"]);
    assert_eq!(
        code, 0,
        "high findings pass under fail_on = critical: {out}"
    );
    assert!(out.contains("aws-s3-public-acl"), "still shown");
    assert_eq!(
        s.run(&["scan", "infra", "--fail-on", "high"]).0,
        1,
        "the flag wins"
    );
    s.write(
        "gatepost.toml",
        "disable = [\"storage\"]\n[terraform.vars]\nacl = \"private\"\n",
    );
    assert_eq!(s.findings(&["infra"]), vec![]);
    s.write("gatepost.toml", "[allow]\npaths = [\"infra/\"]\n");
    assert_eq!(s.findings(&["infra"]), vec![]);
    // Run from inside the tree: allowlisted paths stay relative to the file.
    assert_eq!(s.sub("infra").findings(&["terraform"]), vec![]);
    s.write(
        "gatepost.toml",
        "fail_on = \"high\"\n\n[cost]\nmonthly_celing = 10\n",
    );
    let (code, _, err) = s.run(&["scan", "infra"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("gatepost.toml:4:1: unknown key 'cost.monthly_celing'"),
        "{err}"
    );
    assert_eq!(s.run(&["scan", "infra", "--no-config"]).0, 1);
}

#[test]
fn limits_in_the_configuration_reach_the_scan() {
    let s = Scratch::new("limits");
    s.write("infra/main.tf", BUCKET)
        .write("infra/variables.tf", VARS)
        .write("gatepost.toml", "[limits]\nmax_file_bytes = 40\n");
    let (code, out, _) = s.run(&["scan", "infra", "--format", "json"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("over the 40-byte limit"), "{out}");
    s.write("gatepost.toml", "[limits]\nmax_depth = 1000\n");
    let (code, _, err) = s.run(&["scan", "infra"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("gatepost.toml:2:13: limits.max_depth"),
        "{err}"
    );
}

#[test]
fn init_writes_a_default_that_loads() {
    let s = Scratch::new("init");
    s.write(
        "main.tf",
        "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"private\"\n}\n",
    );
    assert_eq!(s.run(&["init"]).0, 0);
    let text = std::fs::read_to_string(s.0.join("gatepost.toml")).unwrap();
    assert!(text.contains("monthly_ceiling") && text.contains("[limits]"));
    assert_eq!(s.run(&["init"]).0, 2, "never overwrites silently");
    let (code, out, err) = s.run(&["scan", "."]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn inline_suppressions_need_a_reason_and_unused_ones_are_reported() {
    let s = Scratch::new("suppress");
    let m = ignore("aws-s3-public-acl");
    s.write(
        "tf/main.tf",
        &format!(
            "resource \"aws_s3_bucket\" \"a\" {{\n  acl = \"public-read\" # {m} public menu pages\n}}\n\n\
             # {m}\nresource \"aws_s3_bucket\" \"b\" {{\n  acl = \"public-read\"\n}}\n\n\
             resource \"aws_s3_bucket\" \"c\" {{ # {} kept from the old setup\n  acl = \"private\"\n}}\n",
            ignore("aws-s3-public-acl, k8s-rbac-wildcard")
        ),
    );
    let f = s.findings(&["tf"]);
    // a: suppressed with a reason. b: suppressed from the header, but without a reason.
    assert_eq!(
        f,
        vec![("suppression-without-reason".into(), "tf/main.tf".into(), 5)]
    );
    let f = s.findings(&["tf", "--report-unused-ignores"]);
    assert!(
        f.contains(&("unused-suppression".into(), "tf/main.tf".into(), 10)),
        "{f:?}"
    );
    assert!(f.contains(&("suppression-without-reason".into(), "tf/main.tf".into(), 5)));
    assert_eq!(f.len(), 2, "{f:?}");
    let (_, out, _) = s.run(&["rules"]);
    assert!(out.contains("suppression-without-reason") && out.contains("unused-suppression"));
}

#[test]
fn baselines_hide_accepted_findings_across_line_shifts() {
    let s = Scratch::new("baseline");
    s.write("tf/main.tf", BUCKET).write("tf/variables.tf", VARS);
    let (code, _, err) = s.run(&["baseline", "write", "gatepost-baseline.json", "tf"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("recorded 1 findings"), "{err}");
    assert_eq!(
        s.run(&["scan", "tf", "--baseline", "gatepost-baseline.json"])
            .0,
        0
    );
    s.write("tf/main.tf", &format!("# menus\n\n\n{BUCKET}\nresource \"aws_s3_bucket\" \"x\" {{\n  acl = \"public-read-write\"\n}}\n"));
    let f = s.findings(&["tf", "--baseline", "gatepost-baseline.json"]);
    assert_eq!(
        f,
        vec![("aws-s3-public-acl".into(), "tf/main.tf".into(), 10)]
    );
    let (code, _, err) = s.run(&["scan", "tf", "--baseline", "tf/main.tf"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a baseline"), "{err}");
}

#[test]
fn rego_tests_of_users_policies_run_with_a_summary() {
    let s = Scratch::new("regotest");
    s.write(
        "rules/mine.rego",
        "package my.rules\n\nimport data.gatepost.lib.iam\n\nbig(x) if x > 10\n",
    )
    .write(
        "rules/mine_test.rego",
        "package my.rules_test\n\nimport data.my.rules\n\ntest_big if rules.big(11)\n\ntest_small_is_big if rules.big(1)\n",
    );
    let (code, out, _) = s.run(&["test", "rules"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("FAIL rules/mine_test.rego: test_small_is_big"),
        "{out}"
    );
    assert!(out.ends_with("FAIL: 1/2 tests passed\n"), "{out}");
    s.write(
        "rules/mine_test.rego",
        "package my.rules_test\n\nimport data.my.rules\n\ntest_big if rules.big(11)\n",
    );
    let (code, out, _) = s.run(&["test", "-v", "rules"]);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "PASS rules/mine_test.rego: test_big\nPASS: 1/1 tests passed\n"
        )
    );
    let (code, out, _) = s.run(&["test"]);
    assert_eq!(code, 0, "bundled policies' tests pass: {out}");
    assert!(out.starts_with("PASS: "), "{out}");
}

#[test]
fn rules_markdown_is_the_checked_in_reference() {
    let s = Scratch::new("rulesmd");
    let (code, out, _) = s.run(&["rules", "--format", "markdown"]);
    assert_eq!(code, 0);
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    assert_eq!(out, std::fs::read_to_string(docs).unwrap());
}

#[test]
fn no_progress_bar_off_a_terminal() {
    let s = Scratch::new("progress");
    s.write("main.tf", BUCKET);
    let (_, _, err) = s.run(&["scan", "."]);
    assert!(
        err.is_empty(),
        "stderr must stay clean when it is not a terminal: {err}"
    );
}

#[test]
fn one_thread_gives_the_same_bytes_as_all_cores() {
    let s = Scratch::new("jobs");
    s.write("infra/main.tf", BUCKET)
        .write("infra/variables.tf", VARS)
        .write("k8s/ns.yaml", NAMESPACE);
    let all = s.run(&["scan", "--format", "json", "--no-config"]);
    let one = s.run(&["scan", "--jobs", "1", "--format", "json", "--no-config"]);
    assert_eq!(all.0, 1, "{}", all.2);
    assert!(all.1.contains("\"findings\""));
    assert_eq!(all, one);
}

#[test]
fn model_prints_the_model_without_evaluating_rules() {
    let s = Scratch::new("model");
    s.write("infra/main.tf", BUCKET)
        .write("infra/variables.tf", VARS);
    // A user policy that cannot compile would fail any command that evaluates rules.
    s.write(
        "policy/broken.rego",
        "package broken\n\ndeny contains x if {\n",
    );
    let (code, out, err) = s.run(&["model", "--no-config", "--policy", "policy", "infra"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let bucket = &v["resources"][0];
    assert_eq!(bucket["address"], "aws_s3_bucket.menus");
    assert_eq!(bucket["attrs"]["acl"], "public-read");
    let (code, _, _) = s.run(&["scan", "--no-config", "--policy", "policy", "infra"]);
    assert_eq!(code, 2);
}

#[test]
fn model_prints_what_the_binding_api_gives_as_the_reports_model() {
    let s = Scratch::new("model-api");
    s.write("infra/main.tf", BUCKET)
        .write("infra/variables.tf", VARS)
        .write("k8s/ns.yaml", NAMESPACE)
        .write("k8s/quota.yaml", QUOTA);
    let dir = s.0.to_string_lossy().into_owned();
    let (code, out, err) = s.run(&["model", "--no-config", &dir]);
    assert_eq!(code, 0, "{err}");
    let scan = gatepost::api::scan_paths(std::slice::from_ref(&dir), "").unwrap();
    assert!(!scan.report.findings.is_empty());
    assert_eq!(out, scan.model_json());
}

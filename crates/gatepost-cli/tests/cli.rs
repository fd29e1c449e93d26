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
        self.run_env(args, &[])
    }

    /// [`Scratch::run`] with these environment variables set.
    fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
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
        self.run_every_rule_env(&args, env)
    }

    /// Run gatepost with no rule disabled.
    fn run_every_rule(&self, args: &[&str]) -> (i32, String, String) {
        self.run_every_rule_env(args, &[])
    }

    fn run_every_rule_env(&self, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_gatepost"))
            .args(args)
            .current_dir(&self.0)
            .env_remove("CI")
            .envs(env.iter().copied())
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
fn hygiene_settings_in_the_configuration_change_the_findings() {
    let s = Scratch::new("hygiene");
    s.write(
        "k8s/namespace.yaml",
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    app: shop\n    owner: team-shop\n    env: dev\n    cost-center: cc-1\n    expires-on: \"2026-03-01\"\n",
    );
    // (rule, line) of the hygiene findings on the namespace.
    let hygiene = |args: &[&str]| {
        let mut a = vec!["scan", "--format", "json", "--select", "hygiene", "k8s"];
        a.extend_from_slice(args);
        let (_, out, err) = s.run_every_rule(&a);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
        let mut got: Vec<(String, u64, String)> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let rule = f["rule"].as_str().unwrap().to_string();
                (rule, f["line"].as_u64().unwrap(), f["message"].to_string())
            })
            .collect();
        got.sort();
        got
    };
    s.write("gatepost.toml", "[hygiene]\ntoday = \"2026-01-01\"\n");
    assert_eq!(hygiene(&[]), vec![], "59 days ahead is within 180");
    let passed = hygiene(&["--today", "2026-04-01"]);
    assert_eq!(passed.len(), 1, "the flag wins over the file: {passed:?}");
    assert_eq!(
        (passed[0].0.as_str(), passed[0].1),
        ("expiry-tag-invalid", 10)
    );
    assert!(
        passed[0].2.contains("has passed (today is 2026-04-01)"),
        "{passed:?}"
    );
    s.write(
        "gatepost.toml",
        "[hygiene]\ntoday = \"2026-01-01\"\nmax_expiry_days = 30\nrequired_tags = [\"app\", \"team\"]\ntag_patterns = { owner = '^[^@]+@[^@]+$' }\n",
    );
    let got = hygiene(&[]);
    let rules: Vec<(&str, u64)> = got.iter().map(|g| (g.0.as_str(), g.1)).collect();
    assert_eq!(
        rules,
        vec![("expiry-tag-invalid", 10), ("tags-required-missing", 5),],
        "{got:?}"
    );
    assert!(got[0].2.contains("more than 30 days"), "{got:?}");
    assert!(got[1].2.contains("missing team"), "{got:?}");
    assert!(got[1].2.contains("does not match"), "{got:?}");
    s.write("gatepost.toml", "[hygiene]\nexpiry_tag = \"ttl\"\n");
    let got = hygiene(&["--today", "2026-01-01"]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].2.contains("ttl"), "{got:?}");
    s.write("gatepost.toml", "\n[hygiene]\ntoday = \"tomorrow\"\n");
    let (code, _, err) = s.run(&["scan", "k8s"]);
    assert_eq!(code, 2);
    assert!(err.contains("gatepost.toml:3:9: hygiene.today"), "{err}");
    let (code, _, err) = s.run(&["scan", "k8s", "--no-config", "--today", "2026-02-30"]);
    assert_eq!(code, 2);
    assert!(err.contains("2026-02-30"), "{err}");
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
    assert!(text.contains("[hygiene]") && text.contains("# today = "));
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
fn every_format_writes_the_same_bytes_to_a_file_as_to_stdout() {
    let s = Scratch::new("output");
    s.write("infra/main.tf", BUCKET)
        .write("infra/variables.tf", VARS);
    for format in ["json", "text", "sarif", "github"] {
        let printed = s.run(&["scan", "--format", format, "--no-config"]);
        let file = format!("report.{format}");
        let written = s.run(&["scan", "--format", format, "--no-config", "-o", &file]);
        assert_eq!(printed.0, 1, "{format}: {}", printed.2);
        assert_eq!(written.0, printed.0, "{format}: {}", written.2);
        assert!(written.1.is_empty(), "{format}: {}", written.1);
        let text = std::fs::read_to_string(s.0.join(&file)).unwrap();
        std::fs::remove_file(s.0.join(&file)).unwrap();
        assert_eq!(text, printed.1, "{format}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&s.run(&["scan", "--format", "json", "--no-config"]).1).unwrap();
    assert!(json["findings"].as_array().is_some_and(|f| !f.is_empty()));
    // An output path that cannot be created is an error, named.
    let (code, out, err) = s.run(&[
        "scan",
        "--format",
        "json",
        "--no-config",
        "-o",
        "no/such/dir/r.json",
    ]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("no/such/dir/r.json"), "{err}");
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

/// A checked-in fixture directory, run in place and never removed.
fn fixture(rel: &str) -> Scratch {
    Scratch(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(rel),
        false,
    )
}

#[test]
fn scan_and_model_expand_modules_terraform_init_installed() {
    let s = fixture("testdata/terraform/installed-app");
    let f = s.findings(&["--no-config", "."]);
    assert!(
        f.contains(&(
            "aws-s3-public-acl".into(),
            ".terraform/modules/store/main.tf".into(),
            6
        )),
        "{f:?}"
    );
    assert!(!f.iter().any(|x| x.1 == "main.tf"), "{f:?}");
    // Given only the calling file (as pre-commit does), the module's finding is its own.
    assert_eq!(
        s.findings(&["--no-config", "main.tf"]),
        vec![(
            "aws-s3-public-acl".into(),
            ".terraform/modules/store/main.tf".into(),
            6
        )]
    );
    let (code, out, err) = s.run(&["model", "--no-config", "."]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let bucket = v["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["address"] == "module.store.aws_s3_bucket.this")
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(bucket["attrs"]["acl"], "public-read");
    assert_eq!(bucket["line"], 4);
}

fn deployment(limits: &str) -> String {
    format!(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx@sha256:{}\n          resources:\n            requests: {{cpu: 100m, memory: 64Mi}}\n            limits: {limits}\n",
        "a".repeat(64)
    )
}

#[test]
fn a_second_problem_on_an_accepted_attribute_is_not_hidden_by_the_baseline() {
    let s = Scratch::new("baseline-distinct");
    s.write("k8s/namespace.yaml", NAMESPACE)
        .write("k8s/quota.yaml", QUOTA)
        .write("k8s/web.yaml", &deployment("{memory: 128Mi}"));
    let before = s.findings(&["k8s"]);
    assert!(
        before.contains(&(
            "k8s-container-without-limits".into(),
            "k8s/web.yaml".into(),
            14
        )),
        "{before:?}"
    );
    let (code, _, err) = s.run(&["baseline", "write", "gatepost-baseline.json", "k8s"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        s.findings(&["k8s", "--baseline", "gatepost-baseline.json"]),
        vec![]
    );
    // The memory limit goes too: same rule, same container, same attribute, new problem.
    s.write("k8s/web.yaml", &format!("# web\n{}", deployment("{}")));
    let (_, out, err) = s.run(&[
        "scan",
        "--format",
        "json",
        "k8s",
        "--baseline",
        "gatepost-baseline.json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
    let got: Vec<(&str, u64, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["line"].as_u64().unwrap(),
                f["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![(
            "k8s-container-without-limits",
            15,
            "container \"web\" has no memory limit"
        )]
    );
}

#[test]
fn terraform_variables_from_flags_var_files_and_the_environment_when_asked() {
    let s = Scratch::new("vars");
    s.write(
        "tf/main.tf",
        "variable \"acl\" {}\nvariable \"env\" { default = \"dev\" }\nvariable \"owner\" {}\n\n\
         resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"menus-${var.env}\"\n  acl    = var.acl\n  tags   = { owner = var.owner }\n}\n",
    )
    .write("prod.tfvars", "acl = \"public-read\"\nenv = \"prod\"\n");
    let bucket = |args: &[&str], env: &[(&str, &str)]| {
        let mut a = vec!["model", "--no-config"];
        a.extend_from_slice(args);
        a.push("tf");
        let (code, out, err) = s.run_env(&a, env);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["resources"][0].clone()
    };
    let env = [("TF_VAR_owner", "ops"), ("TF_VAR_acl", "private")];
    // Without flags: unknown, and TF_VAR_* is not read unless asked.
    let b = bucket(&[], &env);
    assert_eq!(b["attrs"]["bucket"], "menus-dev");
    assert_eq!(b["unresolved"], serde_json::json!(["/acl", "/tags/owner"]));
    // A var file and --var; --var wins over the var file.
    let b = bucket(
        &[
            "--var-file",
            "prod.tfvars",
            "--var",
            "env=stage",
            "--var",
            "owner=web",
        ],
        &env,
    );
    assert_eq!(b["attrs"]["acl"], "public-read");
    assert_eq!(b["attrs"]["bucket"], "menus-stage");
    assert_eq!(b["attrs"]["tags"]["owner"], "web");
    assert!(b.get("unresolved").is_none(), "{b:#}");
    // --tf-var-env reads TF_VAR_*, below var files.
    let b = bucket(&["--tf-var-env", "--var-file", "prod.tfvars"], &env);
    assert_eq!(b["attrs"]["tags"]["owner"], "ops");
    assert_eq!(b["attrs"]["acl"], "public-read");
    // The scan reports on the value only a var file gives.
    let (_, out, _) = s.run(&[
        "scan",
        "--format",
        "json",
        "--var-file",
        "prod.tfvars",
        "tf",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let f: Vec<(&str, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap(), f["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(f, vec![("aws-s3-public-acl", 7)]);
    assert_eq!(s.findings(&["tf"]), vec![]);
    let (code, _, err) = s.run(&["scan", "--var", "acl", "tf"]);
    assert_eq!(code, 2);
    assert!(err.contains("expected NAME=VALUE"), "{err}");
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

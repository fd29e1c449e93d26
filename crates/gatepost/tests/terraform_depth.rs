//! Terraform as Terraform would build it: local and installed modules, outside variables,
//! and the model of a module-based micro-app compared resource by resource.

mod common;

use gatepost::{scan_paths, scan_sources, Options, SourceFile};
use serde_json::{json, Value};

use common::root;

fn src(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: path.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

const FIXTURE: &str = "testdata/terraform/modules-app";

fn fixture_report() -> gatepost::Report {
    scan_paths(&[&root().join(FIXTURE)], &Options::default())
}

fn rel(file: &str) -> String {
    file.rsplit_once("modules-app/")
        .map(|(_, r)| r.to_string())
        .unwrap_or_else(|| file.to_string())
}

#[test]
fn modules_app_model_matches_expected_resource_by_resource() {
    let r = fixture_report();
    assert!(r.errors.is_empty(), "{:#?}", r.errors);
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join(FIXTURE).join("expected-model.json")).unwrap(),
    )
    .unwrap();
    let expected = expected["resources"].as_array().unwrap();
    let tf: Vec<_> = r
        .resources
        .iter()
        .filter(|x| x.kind.starts_with("terraform."))
        .collect();
    let got: Vec<&str> = tf.iter().map(|x| x.address.as_str()).collect();
    let want: Vec<&str> = expected
        .iter()
        .map(|e| e["address"].as_str().unwrap())
        .collect();
    assert_eq!(got, want, "addresses differ");
    for (res, e) in tf.iter().zip(expected) {
        let a = &res.address;
        assert_eq!(json!(res.type_), e["type"], "{a}: type");
        assert_eq!(json!(rel(&res.file)), e["file"], "{a}: file");
        assert_eq!(json!(res.line), e["line"], "{a}: line");
        assert_eq!(res.attrs, e["attrs"], "{a}: attrs");
        assert_eq!(
            json!(res.unresolved),
            *e.get("unresolved").unwrap_or(&json!([])),
            "{a}: unresolved"
        );
        let chain: Vec<String> = res
            .links
            .get("module_chain")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|c| {
                c.as_str()
                    .unwrap()
                    .replace(&format!("{}/", root().join(FIXTURE).display()), "")
            })
            .collect();
        assert_eq!(
            json!(chain),
            *e.get("module_chain").unwrap_or(&json!([])),
            "{a}: chain"
        );
        assert_eq!(
            res.links.get("provider").and_then(|p| p.get("region")),
            e.get("region"),
            "{a}: provider region"
        );
        // Every resource belongs to the root module's app, wherever its file is.
        assert!(res.app.ends_with("modules-app"), "{a}: app {}", res.app);
    }
}

#[test]
fn findings_inside_a_module_point_at_the_module_file() {
    let r = fixture_report();
    let acl: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "aws-s3-public-acl")
        .collect();
    // Only the call that passes acl = "public-read"; the module's default is private.
    assert_eq!(acl.len(), 1, "{acl:#?}");
    assert_eq!(acl[0].address, "module.web.aws_s3_bucket.this");
    assert_eq!(rel(&acl[0].file), "modules/microapp/main.tf");
    assert_eq!(acl[0].line, 18);
}

#[test]
fn module_cycles_are_reported_at_the_module_block() {
    let r = scan_sources(
        vec![
            src("app/main.tf", "module \"m\" {\n  source = \"./m\"\n}\n"),
            src(
                "app/m/main.tf",
                "resource \"aws_sqs_queue\" \"q\" {}\n\nmodule \"again\" {\n  source = \"../m\"\n}\n",
            ),
        ],
        &Options::default(),
    );
    let e: Vec<_> = r.errors.iter().filter(|e| e.kind == "module").collect();
    assert_eq!(e.len(), 1, "{:#?}", r.errors);
    assert_eq!((e[0].file.as_str(), e[0].line), ("app/m/main.tf", 3));
    assert!(
        e[0].message.contains("module.m (app/main.tf:1)"),
        "{}",
        e[0].message
    );
    // What could be expanded still is; the called directory is not a root of its own.
    let addrs: Vec<&str> = r.resources.iter().map(|x| x.address.as_str()).collect();
    assert!(addrs.contains(&"module.m.aws_sqs_queue.q"), "{addrs:?}");
    assert!(!addrs.contains(&"aws_sqs_queue.q"), "{addrs:?}");
}

#[test]
fn outside_variables_var_files_and_env_when_asked() {
    let files = || {
        vec![src(
            "app/main.tf",
            "variable \"acl\" {}\nvariable \"env\" { default = \"dev\" }\nvariable \"n\" {}\n\
             resource \"aws_s3_bucket\" \"b\" {\n  acl = var.acl\n  bucket = \"b-${var.env}\"\n  tags = { n = var.n }\n}\n",
        )]
    };
    let mut opts = Options::default();
    opts.terraform.var_files = vec![
        (
            "prod.tfvars".into(),
            "acl = \"public-read\"\nenv = \"prod\"\n".into(),
        ),
        ("over.tfvars.json".into(), r#"{"env": "stage"}"#.into()),
    ];
    opts.terraform.vars = vec![("n".into(), "three".into())];
    let r = scan_sources(files(), &opts);
    let b = common::resource(&r, "aws_s3_bucket.b");
    assert_eq!(b.attrs["acl"], json!("public-read"));
    assert_eq!(b.attrs["bucket"], json!("b-stage"));
    assert_eq!(b.attrs["tags"]["n"], json!("three"));
    assert!(b.unresolved.is_empty(), "{:?}", b.unresolved);

    // TF_VAR_* only when asked, and below var files.
    std::env::set_var("TF_VAR_n", "from-env");
    std::env::set_var("TF_VAR_acl", "private");
    let r = scan_sources(files(), &Options::default());
    let b = common::resource(&r, "aws_s3_bucket.b");
    assert_eq!(b.unresolved, vec!["/acl", "/tags/n"]);
    let mut opts = Options::default();
    opts.terraform.env_vars = true;
    opts.terraform.var_files = vec![("x.tfvars".into(), "acl = \"public-read\"\n".into())];
    let r = scan_sources(files(), &opts);
    let b = common::resource(&r, "aws_s3_bucket.b");
    assert_eq!(b.attrs["tags"]["n"], json!("from-env"));
    assert_eq!(b.attrs["acl"], json!("public-read"));
}

#[test]
fn modules_installed_by_terraform_init_are_expanded_from_disk() {
    let r = scan_paths(
        &[&root().join("testdata/terraform/installed-app")],
        &Options::default(),
    );
    let m = common::resource(&r, "module.store");
    assert_eq!(
        m.attrs["source"],
        json!("terraform-aws-modules/s3-bucket/aws")
    );
    let b = r
        .resources
        .iter()
        .find(|x| x.address == "module.store.aws_s3_bucket.this")
        .unwrap_or_else(|| panic!("{:#?}", r.resources));
    assert_eq!(b.attrs["bucket"], json!("menus"));
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "aws-s3-public-acl")
        .unwrap();
    assert!(
        f.file.ends_with(".terraform/modules/store/main.tf"),
        "{}",
        f.file
    );
    assert_eq!(f.line, 6);
    // The module call's input is the bucket's ACL: reported once, inside the module.
    assert_eq!(
        r.findings
            .iter()
            .filter(|f| f.rule == "aws-s3-public-acl")
            .count(),
        1
    );
}

#[test]
fn remote_modules_without_init_stay_module_objects() {
    let r = scan_sources(
        vec![src(
            "app/main.tf",
            "module \"vpc\" {\n  source = \"git::https://example.com/vpc.git?ref=v1\"\n  cidr = \"10.0.0.0/16\"\n}\n",
        )],
        &Options::default(),
    );
    let m = &r.resources[0];
    assert_eq!(
        (m.kind.as_str(), m.address.as_str()),
        ("terraform.module", "module.vpc")
    );
    assert_eq!(
        m.attrs["source"],
        json!("git::https://example.com/vpc.git?ref=v1")
    );
    assert_eq!(m.attrs["cidr"], json!("10.0.0.0/16"));
    assert_eq!(r.resources.len(), 1);
}

#[test]
fn plan_json_values_replace_static_ones_at_configuration_lines() {
    let dir = root().join("testdata/terraform/plan-app");
    let r = scan_paths(&[&dir], &Options::default());
    assert!(r.errors.is_empty(), "{:#?}", r.errors);
    let get = |a: &str| common::resource(&r, a);
    // var.acl has no value in the configuration: only the plan knows it.
    let b = get("aws_s3_bucket.menus");
    assert_eq!(b.links["source"], json!("plan"));
    assert_eq!(b.attrs["acl"], json!("public-read"));
    assert!(b.file.ends_with("plan-app/main.tf"));
    assert_eq!((b.line, b.locate("/acl").line), (4, 6));
    // after_unknown values are unresolved, never guessed.
    assert_eq!(
        b.unresolved,
        vec!["/arn", "/id", "/tags_all", "/versioning/0/enabled"]
    );
    assert_eq!(b.attrs["id"], json!("${aws_s3_bucket.menus.id}"));
    assert_eq!(b.links["provider"]["region"], json!("eu-west-1"));
    // count = var.workers: the plan's instances replace the single unexpanded one.
    assert!(get("aws_instance.worker[1]").file.ends_with("main.tf"));
    assert!(!r
        .resources
        .iter()
        .any(|x| x.address == "aws_instance.worker"));
    // No configuration in the scan for this one: located in the plan file, policy parsed.
    let p = get("aws_iam_policy.ops");
    assert!(p.file.ends_with("plan.json"));
    assert_eq!(p.attrs["policy"]["Statement"][0]["Action"], json!("*"));

    let acl = r
        .findings
        .iter()
        .find(|f| f.rule == "aws-s3-public-acl")
        .unwrap();
    assert!(
        acl.file.ends_with("plan-app/main.tf") && acl.line == 6,
        "{acl:?}"
    );
    assert!(
        acl.message.contains("(from plan ") && acl.message.ends_with("plan.json)"),
        "{}",
        acl.message
    );
    let iam = r
        .findings
        .iter()
        .find(|f| f.rule == "aws-iam-wildcard-action")
        .unwrap();
    assert!(iam.file.ends_with("plan.json") && iam.line == 62, "{iam:?}");
}

#[test]
fn without_the_plan_the_unknown_acl_is_not_reported() {
    let text = std::fs::read_to_string(root().join("testdata/terraform/plan-app/main.tf")).unwrap();
    let r = scan_sources(vec![src("plan-app/main.tf", &text)], &Options::default());
    assert!(
        r.findings.iter().all(|f| f.rule != "aws-s3-public-acl"),
        "{:#?}",
        r.findings
    );
    let b = common::resource(&r, "aws_s3_bucket.menus");
    assert_eq!(b.unresolved, vec!["/acl"]);
}

#[test]
fn terraform_json_syntax_is_evaluated_like_hcl() {
    let r = scan_paths(
        &[&root().join("testdata/terraform/json-app")],
        &Options::default(),
    );
    assert!(r.errors.is_empty(), "{:#?}", r.errors);
    let get = |a: &str| common::resource(&r, a);
    // for_each over a variable, templates, a conditional, terraform.tfvars.json.
    let menus = get("aws_s3_bucket.b[\"menus\"]");
    assert_eq!(menus.attrs["bucket"], json!("w2e-prod-menus"));
    assert_eq!(menus.attrs["acl"], json!("public-read"));
    assert_eq!(
        get("aws_s3_bucket.b[\"photos\"]").attrs["acl"],
        json!("private")
    );
    assert_eq!(menus.line, 16);
    assert_eq!(
        (menus.locate("/acl").line, menus.locate("/acl").column),
        (19, 9)
    );
    // An array of objects is a list of nested blocks, as in the HCL model.
    let sg = get("aws_security_group.sg");
    assert_eq!(sg.attrs["ingress"][0]["cidr_blocks"], json!(["0.0.0.0/0"]));
    assert_eq!(sg.locate("/ingress/0/cidr_blocks").line, 31);
    let acl: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "aws-s3-public-acl")
        .collect();
    assert_eq!(acl.len(), 1);
    assert!(acl[0].file.ends_with("main.tf.json") && acl[0].line == 19);
}

#[test]
fn file_reads_inside_the_scanned_tree_only() {
    let dir = std::env::temp_dir().join(format!("gatepost-file-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("app/policies")).unwrap();
    let admin = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#;
    std::fs::write(dir.join("app/policies/admin.json"), admin).unwrap();
    std::fs::write(dir.join("outside.json"), admin).unwrap();
    std::fs::write(
        dir.join("app/main.tf"),
        "resource \"aws_iam_policy\" \"inside\" {\n  policy = file(\"${path.module}/policies/admin.json\")\n}\n\n\
         resource \"aws_iam_policy\" \"outside\" {\n  policy = file(\"../outside.json\")\n}\n",
    )
    .unwrap();
    let r = scan_paths(&[&dir.join("app")], &Options::default());
    let _ = std::fs::remove_dir_all(&dir);
    let get = |a: &str| common::resource(&r, a);
    let inside = get("aws_iam_policy.inside");
    assert!(inside.unresolved.is_empty(), "{:?}", inside.unresolved);
    assert_eq!(inside.attrs["policy"]["Statement"][0]["Action"], json!("*"));
    // Outside what was scanned, a file is never read: the value stays unknown.
    let outside = get("aws_iam_policy.outside");
    assert_eq!(outside.unresolved, vec!["/policy"]);
    assert_eq!(
        outside.attrs["policy"],
        json!("${file(\"../outside.json\")}")
    );
    let wild: Vec<(&str, u32)> = r
        .findings
        .iter()
        .filter(|f| f.rule == "aws-iam-wildcard-action")
        .map(|f| (f.address.as_str(), f.line))
        .collect();
    assert_eq!(wild, vec![("aws_iam_policy.inside", 2)]);
}

#[test]
fn a_resource_with_a_provider_alias_gets_that_alias_region_and_default_tags() {
    let r = scan_sources(
        vec![src(
            "app/main.tf",
            "provider \"aws\" {\n  region = \"eu-west-1\"\n  default_tags {\n    tags = { team = \"food\" }\n  }\n}\n\n\
             provider \"aws\" {\n  alias  = \"west\"\n  region = \"us-west-2\"\n  default_tags {\n    tags = { team = \"west\", env = \"dr\" }\n  }\n}\n\n\
             resource \"aws_s3_bucket\" \"home\" {\n  tags = { name = \"home\" }\n}\n\n\
             resource \"aws_s3_bucket\" \"away\" {\n  provider = aws.west\n  tags     = { name = \"away\", env = \"prod\" }\n}\n",
        )],
        &Options::default(),
    );
    let get = |a: &str| common::resource(&r, a);
    let home = get("aws_s3_bucket.home");
    assert_eq!(home.links["provider"]["region"], json!("eu-west-1"));
    assert_eq!(
        home.attrs["tags_all"],
        json!({"team": "food", "name": "home"})
    );
    let away = get("aws_s3_bucket.away");
    assert_eq!(away.links["provider"]["region"], json!("us-west-2"));
    assert_eq!(
        away.links["provider"]["address"],
        json!("provider.aws.west")
    );
    // The resource's own tags win over the provider's defaults.
    assert_eq!(
        away.attrs["tags_all"],
        json!({"team": "west", "env": "prod", "name": "away"})
    );
}

#[test]
fn plan_values_inside_a_module_are_reported_on_the_module_file_line() {
    let r = scan_paths(
        &[&root().join("testdata/terraform/plan-module-app")],
        &Options::default(),
    );
    assert!(r.errors.is_empty(), "{:#?}", r.errors);
    let b = common::resource(&r, "module.store.aws_s3_bucket.this");
    assert_eq!(b.links["source"], json!("plan"));
    assert_eq!(
        rel_to(&b.file, "plan-module-app/"),
        "modules/bucket/main.tf"
    );
    let acl: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "aws-s3-public-acl")
        .collect();
    assert_eq!(acl.len(), 1, "{acl:#?}");
    assert_eq!(
        (rel_to(&acl[0].file, "plan-module-app/"), acl[0].line),
        ("modules/bucket/main.tf".to_string(), 7)
    );
    assert!(acl[0].message.ends_with("plan.json)"), "{}", acl[0].message);
    let chain: Vec<(String, u32)> = acl[0]
        .module_chain
        .iter()
        .map(|c| (rel_to(&c.file, "plan-module-app/"), c.line))
        .collect();
    assert_eq!(chain, vec![("main.tf".to_string(), 4)]);
    assert_eq!(acl[0].module_chain[0].address, "module.store");
}

fn rel_to(file: &str, below: &str) -> String {
    file.rsplit_once(below)
        .map(|(_, r)| r.to_string())
        .unwrap_or_else(|| file.to_string())
}

#[test]
fn the_modules_app_model_matches_its_published_schema() {
    let model: Value = serde_json::from_str(&fixture_report().model_json()).unwrap();
    let errors = common::model_schema_errors(&model);
    assert!(errors.is_empty(), "{errors:#?}");
    let mut broken = model.clone();
    let chained = broken["resources"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["links"].get("module_chain").is_some())
        .unwrap();
    chained["links"]["module_chain"][0] = json!("module.web");
    assert!(
        !common::model_schema_errors(&broken).is_empty(),
        "module_chain entries are checked"
    );
}

use super::*;
use crate::parse::hcl;
use serde_json::json;

fn file(path: &str, text: &str) -> TfFile {
    TfFile {
        path: path.into(),
        text: text.into(),
        parsed: hcl::parse(text).unwrap(),
    }
}

fn module(files: &[(&str, &str)], vars: &[(&str, &str)]) -> Vec<Resource> {
    let (tf, tfvars): (Vec<_>, Vec<_>) = files.iter().partition(|(p, _)| p.ends_with(".tf"));
    let tf: Vec<TfFile> = tf.iter().map(|(p, t)| file(p, t)).collect();
    let tfvars: Vec<TfFile> = tfvars.iter().map(|(p, t)| file(p, t)).collect();
    let inputs = TfInputs {
        vars: vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        ..Default::default()
    };
    normalize_module("app", "app", &tf, &tfvars, &inputs, &|_| None)
}

fn by_addr<'a>(rs: &'a [Resource], addr: &str) -> &'a Resource {
    rs.iter()
        .find(|r| r.address == addr)
        .unwrap_or_else(|| panic!("no {addr}"))
}

#[test]
fn variables_tfvars_locals_and_interpolation() {
    let rs = module(
        &[
            (
                "app/main.tf",
                r#"
variable "env" { default = "dev" }
variable "acl" {}
variable "unset" {}
locals {
  name = "${local.prefix}-${var.env}"
  prefix = "w2e"
}
resource "aws_s3_bucket" "b" {
  bucket = local.name
  acl    = var.acl
  tags   = { owner = var.unset, app = "w2e" }
}
"#,
            ),
            ("app/terraform.tfvars", "acl = \"public-read\"\n"),
        ],
        &[("env", "\"prod\"")],
    );
    let b = by_addr(&rs, "aws_s3_bucket.b");
    assert_eq!(b.attrs["bucket"], json!("w2e-prod"));
    assert_eq!(b.attrs["acl"], json!("public-read"));
    assert_eq!(b.attrs["tags"]["owner"], json!("${var.unset}"));
    assert_eq!(b.unresolved, vec!["/tags/owner".to_string()]);
    assert_eq!(b.line, 9);
    assert_eq!(b.locate("/acl").line, 11);
    assert_eq!(b.locate("/tags/app").line, 12);
}

#[test]
fn count_and_for_each_expand_instances() {
    let rs = module(
        &[(
            "app/main.tf",
            r#"
resource "aws_instance" "web" {
  count = 2
  instance_type = count.index == 0 ? "t3.micro" : "m5.large"
}
resource "aws_sqs_queue" "q" {
  for_each = { a = "x", b = "y" }
  name = "q-${each.key}-${each.value}"
}
resource "aws_instance" "none" {
  count = 0
}
resource "aws_instance" "maybe" {
  count = var.n
}
variable "n" {}
"#,
        )],
        &[],
    );
    assert_eq!(
        by_addr(&rs, "aws_instance.web[1]").attrs["instance_type"],
        json!("m5.large")
    );
    assert_eq!(
        by_addr(&rs, "aws_sqs_queue.q[\"b\"]").attrs["name"],
        json!("q-b-y")
    );
    assert!(!rs
        .iter()
        .any(|r| r.address.starts_with("aws_instance.none")));
    assert!(rs.iter().any(|r| r.address == "aws_instance.maybe"));
}

#[test]
fn policy_documents_in_every_form_become_objects() {
    let rs = module(
        &[(
            "app/iam.tf",
            r#"
resource "aws_iam_policy" "heredoc" {
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
}
EOF
}
resource "aws_iam_policy" "enc" {
  policy = jsonencode({
    Statement = [{
      Effect = "Allow"
      Action = ["s3:*"]
    }]
  })
}
data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["iam:PassRole"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
resource "aws_iam_policy" "fromdoc" {
  policy = data.aws_iam_policy_document.d.json
}
"#,
        )],
        &[],
    );
    let h = by_addr(&rs, "aws_iam_policy.heredoc");
    assert_eq!(h.attrs["policy"]["Statement"][0]["Action"], json!("*"));
    assert_eq!(h.locate("/policy/Statement/0/Action").line, 6);
    let e = by_addr(&rs, "aws_iam_policy.enc");
    assert_eq!(e.attrs["policy"]["Statement"][0]["Action"], json!(["s3:*"]));
    assert_eq!(e.locate("/policy/Statement/0/Action").line, 14);
    let d = by_addr(&rs, "aws_iam_policy.fromdoc");
    assert_eq!(
        d.attrs["policy"]["Statement"][0]["Action"],
        json!(["iam:PassRole"])
    );
    assert_eq!(
        d.attrs["policy"]["Statement"][0]["Principal"],
        json!({"AWS": ["*"]})
    );
    let doc = by_addr(&rs, "data.aws_iam_policy_document.d");
    assert_eq!(
        doc.links["document"]["Statement"][0]["Effect"],
        json!("Allow")
    );
    assert_eq!(doc.locate("/statement/0/actions").line, 20);
}

#[test]
fn references_to_computed_attributes_stay_unresolved() {
    let rs = module(
        &[(
            "app/s3.tf",
            r#"
resource "aws_s3_bucket" "b" { bucket = "logs" }
resource "aws_s3_bucket_public_access_block" "p" {
  bucket = aws_s3_bucket.b.id
  block_public_acls = true
}
resource "aws_s3_bucket_acl" "a" {
  bucket = aws_s3_bucket.b.bucket
}
"#,
        )],
        &[],
    );
    let p = by_addr(&rs, "aws_s3_bucket_public_access_block.p");
    assert_eq!(p.attrs["bucket"], json!("${aws_s3_bucket.b.id}"));
    assert_eq!(p.unresolved, vec!["/bucket"]);
    assert_eq!(
        by_addr(&rs, "aws_s3_bucket_acl.a").attrs["bucket"],
        json!("logs")
    );
}

#[test]
fn dynamic_blocks_functions_and_providers() {
    let rs = module(
        &[(
            "app/main.tf",
            r#"
provider "aws" {
  region = "eu-west-1"
  default_tags { tags = { team = "food" } }
}
locals {
  ports = [80, 443]
  base  = { env = "dev" }
}
resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = local.ports
    content {
      from_port = ingress.value
      cidr_blocks = [format("%s/%d", "0.0.0.0", 0)]
    }
  }
  tags = merge(local.base, { name = upper(join("-", ["a", "b"])) })
}
"#,
        )],
        &[],
    );
    let sg = by_addr(&rs, "aws_security_group.sg");
    assert_eq!(sg.attrs["ingress"][1]["from_port"], json!(443));
    assert_eq!(sg.attrs["ingress"][0]["cidr_blocks"], json!(["0.0.0.0/0"]));
    assert_eq!(sg.attrs["tags"], json!({"env": "dev", "name": "A-B"}));
    assert_eq!(sg.attrs["tags_all"]["team"], json!("food"));
    assert_eq!(sg.links["provider"]["region"], json!("eu-west-1"));
    assert_eq!(sg.locate("/ingress/1/from_port").line, 14);
}

#[test]
fn provider_defaults_reach_only_types_that_carry_tags() {
    let types: Vec<&str> = crate::link::tags::taggable_types().collect();
    assert!(types.contains(&"aws_s3_bucket") && types.contains(&"google_storage_bucket"));
    assert!(!types.contains(&"aws_route53_record"), "{types:?}");
    let rs = module(
        &[(
            "app/main.tf",
            r#"
provider "aws" {
  default_tags { tags = { team = "food" } }
}
provider "google" {
  default_labels = { team = "food" }
}
resource "aws_s3_bucket" "b" {}
resource "aws_s3_bucket_public_access_block" "b" {
  bucket = aws_s3_bucket.b.id
}
resource "aws_route53_record" "r" {
  name = "menus"
}
resource "google_storage_bucket" "g" {
  labels = { app = "menus" }
}
resource "google_project_iam_member" "m" {
  role = "roles/viewer"
}
"#,
        )],
        &[],
    );
    let attrs = |a: &str| &by_addr(&rs, a).attrs;
    assert_eq!(
        attrs("aws_s3_bucket.b")["tags_all"],
        json!({"team": "food"})
    );
    assert_eq!(
        attrs("google_storage_bucket.g")["effective_labels"],
        json!({"team": "food", "app": "menus"})
    );
    for a in [
        "aws_s3_bucket_public_access_block.b",
        "aws_route53_record.r",
        "google_project_iam_member.m",
    ] {
        assert!(attrs(a).get("tags_all").is_none(), "{a}");
        assert!(attrs(a).get("effective_labels").is_none(), "{a}");
        // The provider is still joined: region and defaults stay readable in links.
        assert!(by_addr(&rs, a).links.get("provider").is_some(), "{a}");
    }
}

#[test]
fn local_cycles_do_not_hang() {
    let rs = module(
        &[(
            "app/main.tf",
            "locals {\n a = local.b\n b = local.a\n}\nresource \"x_y\" \"z\" { v = local.a }\n",
        )],
        &[],
    );
    assert!(by_addr(&rs, "x_y.z").attrs["v"]
        .as_str()
        .unwrap()
        .starts_with("${"));
}

#[test]
fn nested_dynamic_blocks_with_iterators() {
    let rs = module(
        &[(
            "app/main.tf",
            r#"
locals {
  rules = {
    web = { ports = [80, 443], cidrs = ["10.0.0.0/8"] }
  }
}
resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = local.rules
    iterator = rule
    content {
      description = rule.key
      dynamic "cidr" {
        for_each = rule.value.ports
        iterator = port
        content {
          port  = port.value
          block = rule.value.cidrs[0]
        }
      }
    }
  }
}
"#,
        )],
        &[],
    );
    let sg = by_addr(&rs, "aws_security_group.sg");
    assert_eq!(sg.attrs["ingress"][0]["description"], json!("web"));
    assert_eq!(
        sg.attrs["ingress"][0]["cidr"],
        json!([{"port": 80, "block": "10.0.0.0/8"}, {"port": 443, "block": "10.0.0.0/8"}])
    );
    assert!(sg.unresolved.is_empty(), "{:?}", sg.unresolved);
    assert_eq!(sg.locate("/ingress/0/cidr/1/port").line, 17);
}

#[test]
fn templatefile_conditionals_workspace_and_functions() {
    let files: HashMap<&str, &str> = [(
        "app/policy.tpl",
        "{\"Statement\": [%{ for i, a in actions }%{ if i > 0 },%{ endif }{\"Action\": \"${a}\", \"Resource\": \"${arn}\"}%{ endfor }]}",
    )]
    .into();
    let tf = file(
        "app/main.tf",
        r#"
variable "env" { default = "prod" }
locals {
  is_prod = var.env == "prod"
  size    = local.is_prod ? "m5.large" : "t3.micro"
  names   = concat(["a"], split(",", "b,c"))
  ws      = terraform.workspace
}
resource "aws_iam_policy" "p" {
  policy = templatefile("${path.module}/policy.tpl", { actions = ["s3:GetObject", "s3:*"], arn = "*" })
}
resource "aws_instance" "i" {
  instance_type = local.size
  tags = {
    names  = join("/", local.names)
    third  = element(local.names, 2)
    n      = length(local.names)
    ws     = local.ws
    first  = lookup({ a = "x" }, "b", "fallback")
    picked = coalesce("", "c")
    fmt    = format("%s-%03d", "web", 7)
    m      = tomap({ k = "v" })["k"]
    set    = length(toset(["a", "a", "b"]))
    one    = one(["only"])
    sum    = sum([1, 2, 3])
    tried  = try(local.nope.missing, "default")
    tried2 = try(local.names[7], "short")
    can    = can(local.names[0])
    guess  = try(aws_s3_bucket.b.id, "never")
    fl     = formatlist("%s.example.com", ["a", "b"])
  }
}
resource "aws_s3_bucket" "b" {
  bucket = aws_instance.i.tags.names
}
"#,
    );
    let read = |p: &str| files.get(p).map(|s| s.to_string());
    let rs = normalize_module("app", "app", &[tf], &[], &TfInputs::default(), &read);
    let p = by_addr(&rs, "aws_iam_policy.p");
    assert!(p.unresolved.is_empty(), "{:?} {}", p.unresolved, p.attrs);
    assert_eq!(p.attrs["policy"]["Statement"][1]["Action"], json!("s3:*"));
    let i = by_addr(&rs, "aws_instance.i");
    assert_eq!(i.attrs["instance_type"], json!("m5.large"));
    assert_eq!(
        i.attrs["tags"],
        json!({"names": "a/b/c", "third": "c", "n": 3, "ws": "default", "first": "fallback",
               "picked": "c", "fmt": "web-007", "m": "v", "set": 2, "one": "only", "sum": 6,
               "tried": "default", "tried2": "short", "can": true,
               "guess": "${try(aws_s3_bucket.b.id, \"never\")}",
               "fl": ["a.example.com", "b.example.com"]})
    );
    // A configured argument of another resource, followed into a nested key.
    assert_eq!(
        by_addr(&rs, "aws_s3_bucket.b").attrs["bucket"],
        json!("a/b/c")
    );
}

#[test]
fn templatefile_with_unknown_values_stays_unresolved() {
    let files: HashMap<&str, &str> = [("app/t.tpl", "bucket ${name}")].into();
    let tf = file(
        "app/main.tf",
        "variable \"v\" {}\nresource \"x_y\" \"z\" {\n  doc = templatefile(\"t.tpl\", { name = var.v })\n  missing = templatefile(\"nope.tpl\", {})\n}\n",
    );
    let read = |p: &str| files.get(p).map(|s| s.to_string());
    let rs = normalize_module("app", "app", &[tf], &[], &TfInputs::default(), &read);
    assert_eq!(by_addr(&rs, "x_y.z").unresolved, vec!["/doc", "/missing"]);
}

#[test]
fn google_default_labels_become_effective_labels() {
    let rs = module(
        &[(
            "app/main.tf",
            r#"
provider "google" {
  project        = "food"
  default_labels = { team = "food", env = "dev" }
}
resource "google_storage_bucket" "b" {
  name   = "menus"
  labels = { env = "prod" }
}
data "google_project" "p" {}
"#,
        )],
        &[],
    );
    let b = by_addr(&rs, "google_storage_bucket.b");
    assert_eq!(
        b.attrs["effective_labels"],
        json!({"team": "food", "env": "prod"})
    );
    assert_eq!(b.links["provider"]["project"], json!("food"));
    assert!(by_addr(&rs, "data.google_project.p")
        .attrs
        .get("effective_labels")
        .is_none());
}

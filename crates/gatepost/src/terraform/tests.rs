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

//! What the normalizer joins, read from real Terraform: a role with every policy that reaches
//! it, and S3 companions linked to their bucket through the resources they are chained after.

use gatepost::{scan_sources, Options, Report, SourceFile};
use serde_json::{json, Value};

fn scan(text: &str) -> Report {
    scan_sources(
        vec![SourceFile {
            path: "app/main.tf".into(),
            bytes: text.as_bytes().to_vec(),
        }],
        &Options::default(),
    )
}

fn links<'r>(r: &'r Report, address: &str) -> &'r serde_json::Map<String, Value> {
    &r.resources
        .iter()
        .find(|x| x.address == address)
        .unwrap_or_else(|| panic!("no {address}"))
        .links
}

const ROLE: &str = r#"
resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
  inline_policy {
    name   = "logs"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "logs:PutLogEvents", Resource = "*" }] })
  }
}

resource "aws_iam_policy" "menus" {
  name   = "menus-read"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::menus/*" }] })
}

resource "aws_iam_role_policy_attachment" "by_reference" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.menus.arn
}

resource "aws_iam_role_policy_attachment" "by_arn" {
  role       = "app"
  policy_arn = "arn:aws:iam::123456789012:policy/menus-read"
}

resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  roles      = [aws_iam_role.app.id, "someone-else"]
  policy_arn = data.aws_iam_policy.admin.arn
}

data "aws_iam_policy" "admin" {
  arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_role_policy" "inline" {
  role   = aws_iam_role.app.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sqs:SendMessage", Resource = "*" }] })
}

resource "aws_iam_role_policy_attachment" "unknown" {
  role       = var.role
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

variable "role" {}
"#;

#[test]
fn a_role_carries_every_policy_attached_to_it() {
    let r = scan(ROLE);
    assert!(r.errors.is_empty(), "{:#?}", r.errors);
    let policies = links(&r, "aws_iam_role.app")["policies"]
        .as_array()
        .unwrap();
    let by_source: Vec<(&str, &str, u64)> = policies
        .iter()
        .map(|p| {
            (
                p["source"].as_str().unwrap(),
                p["address"].as_str().unwrap(),
                p["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        by_source,
        [
            ("inline_policy", "aws_iam_role.app", 8),
            ("managed_policy_arns", "aws_iam_role.app", 5),
            (
                "aws_iam_role_policy_attachment",
                "aws_iam_role_policy_attachment.by_reference",
                19
            ),
            (
                "aws_iam_role_policy_attachment",
                "aws_iam_role_policy_attachment.by_arn",
                24
            ),
            (
                "aws_iam_policy_attachment",
                "aws_iam_policy_attachment.shared",
                29
            ),
            ("aws_iam_role_policy", "aws_iam_role_policy.inline", 39),
        ]
    );
    // Inline documents, managed ARNs, and customer-managed documents found by reference or
    // by the name in their ARN.
    assert_eq!(
        policies[0]["document"]["Statement"][0]["Action"],
        json!("logs:PutLogEvents")
    );
    assert_eq!(policies[1]["aws_managed"], json!("ReadOnlyAccess"));
    for p in &policies[2..4] {
        assert_eq!(p["policy"], json!("aws_iam_policy.menus"));
        assert_eq!(
            p["document"]["Statement"][0]["Action"],
            json!("s3:GetObject")
        );
    }
    assert_eq!(policies[2]["policy_arn"], Value::Null);
    assert_eq!(
        policies[4]["policy_arn"],
        json!("arn:aws:iam::aws:policy/AdministratorAccess")
    );
    assert_eq!(policies[4]["aws_managed"], json!("AdministratorAccess"));
    assert_eq!(policies[4]["pointer"], json!("/roles/0"));
    assert_eq!(
        policies[5]["document"]["Statement"][0]["Action"],
        json!("sqs:SendMessage")
    );
    // Attachments learn their role; one whose role is unknown is joined to nothing.
    assert_eq!(
        links(&r, "aws_iam_policy_attachment.shared")["roles"],
        json!(["aws_iam_role.app"])
    );
    assert!(!links(&r, "aws_iam_role_policy_attachment.unknown").contains_key("roles"));
}

#[test]
fn the_admin_role_finding_names_the_attachment() {
    let r = scan(ROLE);
    let f: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "aws-iam-role-admin-assumable")
        .collect();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!((f[0].address.as_str(), f[0].line), ("aws_iam_role.app", 4));
    assert!(
        f[0].message
            .contains("aws_iam_policy_attachment.shared (AdministratorAccess)"),
        "{}",
        f[0].message
    );
}

#[test]
fn a_block_chained_after_the_bucket_policy_is_linked_to_the_bucket() {
    let r = scan(
        r#"
resource "aws_s3_bucket" "b" {
  count  = 1
  bucket = "b"
}
resource "aws_s3_bucket_policy" "b" {
  count  = 1
  bucket = aws_s3_bucket.b[0].id
  policy = jsonencode({ Statement = [] })
}
resource "aws_s3_bucket_public_access_block" "b" {
  count  = 1
  bucket = aws_s3_bucket_policy.b[0].id
}
"#,
    );
    let blocks = &links(&r, "aws_s3_bucket.b[0]")["aws_s3_bucket_public_access_block"];
    assert_eq!(
        blocks[0]["address"],
        json!("aws_s3_bucket_public_access_block.b[0]")
    );
    assert_eq!(
        links(&r, "aws_s3_bucket_public_access_block.b[0]")["bucket"]["address"],
        json!("aws_s3_bucket.b[0]")
    );
}

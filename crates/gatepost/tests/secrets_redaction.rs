//! A planted secret must not appear in any output: JSON, SARIF, text, GitHub
//! annotations, the model JSON, or error messages. Secret values are assembled at run
//! time so that this file itself holds none.

use gatepost::{policy, render, scan_sources, Options, SourceFile};

/// A GitHub-PAT-shaped value and a database password, built from pieces.
fn planted() -> (String, String) {
    let pat = ["gh", "p_", "R8mQ2vXk7LpT4nW9zY3bH6cJ1fD5sA0eGuKi"].concat();
    let password = ["Vq7#", "mZ2!", "pL9x", "Wd4t"].concat();
    (pat, password)
}

fn files(pat: &str, password: &str) -> Vec<SourceFile> {
    let tf = format!(
        r#"resource "aws_db_instance" "menus" {{
  engine   = "postgres"
  username = "app"
  password = "{password}"
  # Tags are copied into links (effective tags): the copy must be scrubbed too.
  tags = {{ deploy = "{pat}" }}
}}

resource "aws_lambda_function" "api" {{
  function_name = "api"
  environment {{
    variables = {{
      GITHUB_TOKEN = "{pat}"
    }}
  }}
}}
"#
    );
    let k8s = format!(
        r#"apiVersion: v1
kind: Secret
metadata:
  name: creds
  namespace: menus
stringData:
  token: "{pat}"
"#
    );
    let workflow = format!(
        r#"on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: curl -H "Authorization: token {pat}" https://api.github.com/user
"#
    );
    // Unparseable YAML holding the secret: its error message must not quote it.
    let broken = format!("key: [unclosed {pat}\n  - : {password}\n");
    vec![
        SourceFile {
            path: "app/terraform/main.tf".into(),
            bytes: tf.into_bytes(),
        },
        SourceFile {
            path: "app/k8s/secret.yaml".into(),
            bytes: k8s.into_bytes(),
        },
        SourceFile {
            path: "app/.github/workflows/ci.yml".into(),
            bytes: workflow.into_bytes(),
        },
        SourceFile {
            path: "app/k8s/broken.yaml".into(),
            bytes: broken.into_bytes(),
        },
        SourceFile {
            path: "app/.env".into(),
            bytes: format!("DB_PASSWORD=\"{password}\"\nGH_TOKEN={pat}\n").into_bytes(),
        },
    ]
}

#[test]
fn planted_secret_appears_in_no_output() {
    let (pat, password) = planted();
    let report = scan_sources(files(&pat, &password), &Options::default());
    let secret_findings: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "hardcoded-secret")
        .collect();
    // The scan did see the secrets (otherwise redaction would be vacuous).
    for file in ["app/terraform/main.tf", "app/k8s/secret.yaml", "app/.env"] {
        assert!(
            secret_findings.iter().any(|f| f.file == file),
            "no hardcoded-secret finding in {file}: {:#?}",
            report.findings
        );
    }
    // The model holds the attributes that carried the values.
    assert!(report.resources.iter().any(|r| r.address.contains("menus")));

    let rules = policy::bundled_rules();
    let outputs = [
        ("json", report.to_json()),
        ("sarif", render::sarif(&report, &rules)),
        ("text", render::text(&report, false)),
        ("text-color", render::text(&report, true)),
        ("github", render::github(&report)),
        ("model", report.model_json()),
        (
            "errors",
            report
                .errors
                .iter()
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        ("debug", format!("{:?}", report.findings)),
    ];
    for (name, out) in &outputs {
        for (what, value) in [("token", &pat), ("password", &password)] {
            assert!(
                !out.contains(value.as_str()),
                "{name} output contains the planted {what}"
            );
        }
    }
    // Redaction keeps the diagnostic usable: the text output still quotes the line.
    let text = &outputs[2].1;
    assert!(text.contains("GITHUB_TOKEN"), "{text}");
}

#[test]
fn rules_still_see_real_values() {
    // Redaction happens after evaluation: a rule comparing an attribute to a literal
    // must behave the same with or without a secret elsewhere in the file.
    let (pat, password) = planted();
    let report = scan_sources(files(&pat, &password), &Options::default());
    let model = report.model_json();
    assert!(model.contains("postgres"), "non-secret attributes are kept");
}

//! Unit tests. Test tokens are assembled at run time from pieces so that this file
//! itself does not trip secret scanners.

use super::*;

fn tok(parts: &[&str]) -> String {
    parts.concat()
}

fn one(text: &str, rule: &str) -> SecretCandidate {
    let found = scan_text("t.txt", text);
    let hits: Vec<_> = found.iter().filter(|c| c.rule == rule).cloned().collect();
    assert_eq!(hits.len(), 1, "expected one {rule} in {found:?}");
    hits[0].clone()
}

fn none(text: &str) {
    let found = scan_text("t.txt", text);
    assert!(found.is_empty(), "expected nothing, got {found:?}");
}

const RAND40: &str = "q7Vd2LmX9pRt4KcW8nZb3HyF6sJg1TuE5aNo0BiQ";

#[test]
fn aws_access_key_id() {
    let key = tok(&["AKIA", "Q3EGR7ZT4WPK2MNV"]);
    let c = one(&format!("x = \"{key}\"\n"), "aws-access-key-id");
    assert_eq!((c.line, c.column, c.end_column, c.length), (1, 6, 26, 20));
    assert_eq!(c.confidence, "high");
    none(&tok(&["id = AKIA", "IOSFODNN7", "EXAMPLE\n"]));
}

#[test]
fn aws_secret_access_key() {
    let text = format!(
        "\n  aws_secret_access_key = {}\n",
        tok(&["wJalrXUtnFEMI/K7MDENG/bPxRfiCY", "zq8Lm3Vd2p"])
    );
    let c = one(&text, "aws-secret-access-key");
    assert_eq!((c.line, c.column), (2, 27));
    none("aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}\n");
}

#[test]
fn github_tokens() {
    let pat = tok(&["ghp_", "q7Vd2LmX9pRt4KcW8nZb3HyF6sJg1TuE5aNo"]);
    let c = one(&format!("token: {pat}"), "github-pat");
    assert_eq!((c.line, c.column), (1, 8));
    let fg = tok(&[
        "github_pat_",
        "11AALKJEA0",
        "4kc5Z9kNGzwK_zLv1venPjF9IFl5QvO2plAgKD9KWmCiq6sxR8nT2bY7cM4dE1fG3hJ5kL7mN9pQ2r",
    ]);
    assert_eq!(one(&fg, "github-fine-grained-pat").column, 1);
    none("ghp_short");
}

#[test]
fn gitlab_slack_stripe() {
    let gl = tok(&["glpat-", "tFrjFXD7soVU2xKq9mWz"]);
    assert_eq!(one(&format!("GL={gl}"), "gitlab-token").column, 4);
    let sl = tok(&["xoxb-", "153445930147-", "Tjy11gGxUW6Cf99YOYwtzG0K"]);
    assert_eq!(one(&format!("  {sl}"), "slack-token").column, 3);
    let live = tok(&["sk_", "live_", "dhhfUUyfrAace5dBAZ10JrAD"]);
    assert_eq!(one(&live, "stripe-secret-key").confidence, "high");
    let test = tok(&["sk_", "test_", "nxOdTTuEace5Ajbh3svpG32m"]);
    assert_eq!(one(&test, "stripe-test-key").confidence, "low");
}

#[test]
fn private_keys() {
    let body = "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQC7a7kN8LymUu8Z\n8D9r9K2m6N1ZaUT96UrFqjlL9nAq\n";
    let pem = format!(
        "# key\n-----BEGIN {}-----\n{body}-----END PRIVATE KEY-----\n",
        "PRIVATE KEY"
    );
    let c = one(&pem, "private-key");
    assert_eq!(c.line, 2);
    none("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----\n");
    none("-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----\n");
    none("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7a7kN8LymUu8Z8D9r9K2m6N1ZaUT96UrFqjlL9nAq user@host\n");
    let age = tok(&[
        "AGE-SECRET-KEY-1",
        "HJCRJVK7EE3A5N8CRP8YSEUGZKNW90Y5UR2RGYAS8L279LFP6LCQUEGAEX",
    ]);
    assert_eq!(one(&age, "age-secret-key").column, 1);
}

#[test]
fn jwt_and_auth_headers() {
    let jwt = tok(&[
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
        ".eyJzdWIiOiIxMjM0NTY3ODkwIn0",
        ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    ]);
    assert_eq!(one(&format!("t={jwt}"), "jwt").column, 3);
    none("jwt = eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJvdGhlci1zZXJ2aWNlIn0.signature");
    let basic = one(
        "curl -H 'Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=='",
        "http-basic-auth",
    );
    assert_eq!(basic.column, 31);
}

#[test]
fn connection_strings() {
    let c = one(
        "DATABASE_URL=postgres://app:Zq8vN3kL0pW2xR7t@db.internal:5432/app",
        "connection-string-password",
    );
    assert_eq!((c.column, c.length), (29, 16));
    none("postgres://app:${DB_PASSWORD}@db.internal/app");
    none("redis://user:password@localhost:6379");
    none("amqp://user:*****@example.com");
    let odbc = one(
        "Server=tcp:db.example.net,1433;User ID=sa;Password=Xk9mQ2vL7pR4wZ8q;",
        "odbc-connection-password",
    );
    assert_eq!(odbc.column, 52);
    none("Host=db.example.com;Pwd=%DB_PASSWORD%;");
    assert_eq!(
        one(
            "jdbc:mysql://db/app?user=a&password=Zq8vN3kL0pW2",
            "jdbc-password"
        )
        .column,
        37
    );
}

#[test]
fn generic_password_and_secret() {
    let c = one("password = \"Rrv9!xq2Lm#\"\n", "generic-password");
    assert_eq!((c.line, c.column), (1, 13));
    none("password = \"changeme\"\n");
    none("password = os.environ[\"DB_PASSWORD\"]\n");
    none("password: ${{ secrets.DB_PASSWORD }}\n");
    none("password = process.env.DB_PASSWORD\n");
    none("this.addPassword = '#add-password';\n");
    let s = one(&format!("CLIENT_SECRET = \"{RAND40}\""), "generic-secret");
    assert_eq!(s.column, 18);
    none("api_key = \"<your-api-key>\"");
    none("api_key = \"xxxxxxxxxxxxxxxxxxxxxxxx\"");
    none("token: '{{ .Values.token }}'");
    none("secret = var.db_secret");
    none("client_id = \"123e4567-e89b-12d3-a456-426614174000\"");
}

#[test]
fn markdown_prose_after_a_quoted_key_is_not_a_value() {
    // The backtick closing `$Password` must not open a value running to the next one.
    none("| ref | variables given as the password (`$Password`), Windows `%VAR%`, Ruby |\n");
    none("the key (`password`), then `token`; both are read from the vault\n");
    none("Corpus: `terraform` 2,149 files / 8 MB, `kubernetes` 614 files\n");
    let c = one("password: `Rrv9!xq2Lm#`\n", "generic-password");
    assert_eq!((c.line, c.column), (1, 12));
}

#[test]
fn vendor_keyword_token() {
    let c = one(
        &format!("MAILCHIMP_KEY = \"{}\"", &RAND40[..32]),
        "vendor-api-key",
    );
    assert_eq!(c.column, 18);
    none("MAILCHIMP_KEY = \"your-mailchimp-key-here\"");
}

#[test]
fn hashes_and_checksums_are_not_secrets() {
    none("integrity sha512-9u/2vqAmjWvZ9mRoVzIbMlQyCDyKQ8E7tYbzdLqP6lnfe7QVvKbLq2o2G6cPQXkBbxTQq+2b9vX1UC4o3yH2w==\n");
    none("golang.org/x/text v0.3.7 h1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=\n");
    none("checksum = \"3b335d612137949d2f21fcc6c8c8164db7603227a1b2c3d4e5f60718293a4b5c\"\n");
    none("id: 9f5c17d2-957e-4dda-ae24-811274ed88e5\n");
}

#[test]
fn redaction_never_leaks_the_value() {
    let secret = tok(&["ghp_", "q7Vd2LmX9pRt4KcW8nZb3HyF6sJg1TuE5aNo"]);
    let c = one(&secret, "github-pat");
    assert!(c.preview.starts_with("ghp_…"));
    assert!(c.preview.ends_with("(40 chars)"));
    assert!(!c.preview.contains(&secret[4..]));
    let json = serde_json::to_string(&c).unwrap();
    assert!(!json.contains(&secret));
    assert!(!format!("{c:?}").contains(&secret));
    assert_eq!(redact::preview("abc"), "…(3 chars)");
    assert_eq!(redact::preview("abcdefgh"), "a…(8 chars)");
}

#[test]
fn binary_is_skipped() {
    let mut bytes = tok(&["AKIA", "Q3EGR7ZT4WPK2MNV"]).into_bytes();
    assert_eq!(scan_bytes("a.txt", &bytes).len(), 1);
    bytes.insert(0, 0);
    assert!(scan_bytes("a.bin", &bytes).is_empty());
    let lossy = [
        b"x = ".as_slice(),
        &[0xff, 0xfe],
        b" ",
        tok(&["AKIA", "Q3EGR7ZT4WPK2MNV"]).as_bytes(),
    ]
    .concat();
    assert_eq!(scan_bytes("a.txt", &lossy).len(), 1);
}

#[test]
fn crlf_lines() {
    let key = tok(&["AKIA", "Q3EGR7ZT4WPK2MNV"]);
    let c = one(
        &format!("a = 1\r\nb = 2\r\nkey = {key}\r\n"),
        "aws-access-key-id",
    );
    assert_eq!((c.line, c.column, c.end_column), (3, 7, 27));
}

#[test]
fn fingerprint_is_stable_across_line_shifts() {
    let key = tok(&["AKIA", "Q3EGR7ZT4WPK2MNV"]);
    let a = one(&format!("k = {key}"), "aws-access-key-id");
    let b = one(&format!("\n\n\n  k = {key}"), "aws-access-key-id");
    assert_ne!((a.line, a.column), (b.line, b.column));
    assert_eq!(a.fingerprint, b.fingerprint);
    assert_eq!(a.fingerprint.len(), 16);
    let other_file = scan_text("other.txt", &format!("k = {key}"));
    assert_ne!(other_file[0].fingerprint, a.fingerprint);
}

#[test]
fn multibyte_columns_are_characters() {
    let key = tok(&["AKIA", "Q3EGR7ZT4WPK2MNV"]);
    let c = one(&format!("clé = \"ключ\" // {key}"), "aws-access-key-id");
    assert_eq!(c.column, 17);
    assert_eq!(c.end_column, 37);
}

#[test]
fn output_is_sorted_and_deduplicated() {
    let k1 = tok(&["AKIA", "Q3EGR7ZT4WPK2MNV"]);
    let k2 = tok(&["AKIA", "Z9EGR7ZT4WPK2MNV"]);
    let found = scan_text("t", &format!("{k2}\n{k1} {k1}\n"));
    let pos: Vec<_> = found.iter().map(|c| (c.line, c.column)).collect();
    assert_eq!(pos, vec![(1, 1), (2, 1), (2, 22)]);
}

#[test]
fn detectors_are_listed() {
    let ids: Vec<_> = detectors().iter().map(|d| d.id).collect();
    for id in [
        "aws-access-key-id",
        "github-pat",
        "private-key",
        "generic-password",
        "jwt",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "detector ids are unique");
}

#[test]
fn saas_prefixed_tokens() {
    let cases = [
        (
            tok(&["aio_", "Kq7Vd2LmX9pRt4KcW8nZb3HyF6sJ"]),
            "adafruit-io-key",
        ),
        (
            tok(&["ntn_", "48213067591", "4q7Vd2LmX9pRt4KcW8nZb3HyF6sJg1TuE5a"]),
            "notion-token",
        ),
        (
            tok(&["nvapi-", RAND40, "Xy7Vd2LmX9pRt4KcW8nZb3Hy"]),
            "nvidia-api-key",
        ),
        (
            tok(&["fio-u-", RAND40, "Xy7Vd2LmX9pRt4KcW8nZb3Hy"]),
            "frameio-token",
        ),
        (tok(&["tk-us-", RAND40, "Xy7Vd2Lm"]), "scalingo-token"),
        (
            tok(&["shippo_live_", "3fa85f6457174562b3fc2c963f66afa6c3d1e9b2"]),
            "shippo-token",
        ),
        (
            tok(&[
                "VF.DM.",
                "64a1f3c2b9e8d7a6f5e4d3c2",
                ".",
                "Kq7Vd2LmX9pRt4Kc",
            ]),
            "voiceflow-api-key",
        ),
    ];
    for (value, rule) in &cases {
        let c = one(&format!("key = \"{value}\"\n"), rule);
        assert_eq!(c.confidence, "high", "{rule}");
    }
    // The right prefix with a placeholder body, or the wrong length, is not a key.
    none(&tok(&["aio_", "xxxxxxxxxxxxxxxxxxxxxxxxxxxx"]));
    let short = scan_text("t.txt", &tok(&["shippo_live_", "3fa85f6457174562b3fc"]));
    assert!(short.iter().all(|c| c.rule != "shippo-token"), "{short:?}");
}

#[test]
fn lob_and_twitter_tokens() {
    let lob = tok(&["live_", "3fa85f6457174562b3fc2c963f66afa6c3d"]);
    one(&format!("LOB_API_KEY={lob}\n"), "lob-api-key");
    // The same shape without Lob's name is left alone by this detector.
    let found = scan_text("t.txt", &format!("build_id {lob}\n"));
    assert!(found.iter().all(|c| c.rule != "lob-api-key"), "{found:?}");
    let bearer = tok(&[
        "AAAAAAAAAAAAAAAAAAAAA",
        "Kq7Vd2LmX9pRt4KcW8nZb3HyF6sJg1TuE5a%2BNo0BiQ",
    ]);
    one(
        &format!("bearer_token = \"{bearer}\"\n"),
        "twitter-bearer-token",
    );
    none(&format!("fill = \"{}\"\n", "A".repeat(60)));
}

#[test]
fn prose_password() {
    let c = one(
        "The default password for the user \"deploy\" is \"Tr0ub4dor-q7\".\n",
        "prose-password",
    );
    assert_eq!(c.length, 12);
    none("The password is 'admin'.\n");
    none("Make sure the password is 'changeme' only on dev machines.\n");
}

#[test]
fn vendor_named_value_without_the_vendor_shape() {
    // Stripe never issues bare hex; a 32-hex GitHub value is not a 40-hex client secret.
    none("stripe_client_secret = \"3fa85f6457174562b3fc2c963f66afa6\"\n");
    none("github_client_secret = \"3fa85f6457174562b3fc2c963f66afa6\"\n");
    none("TWITCH_STREAM_KEY = \"483920175_Kq7Vd2LmX9pRt4KcW8nZb3HyF6s\"\n");
    // The documented shapes still count.
    let gh = "github_client_secret = \"3fa85f6457174562b3fc2c963f66afa6c3d1e9b2\"\n";
    assert!(!scan_text("t.txt", gh).is_empty());
}

#[test]
fn slack_webhook_needs_real_workspace_ids() {
    let url = tok(&[
        "https://hooks.slack.com/services/",
        "T0K4Q7VD2/B0L9X2M4P/",
        "q7Vd2LmX9pRt4KcW8nZb3HyF",
    ]);
    one(&url, "slack-webhook");
    none(&tok(&[
        "https://hooks.slack.com/services/",
        "T1234/B5678/",
        "q7Vd2LmX9pRt4KcW8nZb3HyF",
    ]));
}

#[test]
fn product_named_uuid_and_prefixed_keys() {
    let uuid = "6f1c2a9e-3b7d-4e8f-a1c5-9d2e7b4f0a63";
    one(
        &format!("postmark_server_token: \"{uuid}\"\n"),
        "postmark-token",
    );
    let found = scan_text("t.txt", &format!("request_id: \"{uuid}\"\n"));
    assert!(
        found.iter().all(|c| c.rule != "postmark-token"),
        "{found:?}"
    );
    let beamer = tok(&["b_", "Kq7Vd2LmX9pRt4KcW8nZb3HyF6sJg1TuE5aNo0BiQ+y="]);
    one(&format!("beamer = {beamer}\n"), "beamer-api-key");
    let django = tok(&[
        "k3#v9!q2x7",
        "m(p4^z8w+r",
        "1t6&y5-u0e",
        "s@j3=h9%c2",
        "n8*b4_d7f1",
    ]);
    one(&format!("SECRET_KEY = '{django}'\n"), "django-secret-key");
    none("SECRET_KEY = 'this_is_a_fifty_character_snake_case_name_abcdefghij'\n");
    // A password-only URI (no user name before the colon).
    let redis = format!("redis://:{}@cache.internal:6380\n", "Kq7Vd2LmX9pRt4KcW8nZ");
    one(&redis, "connection-string-password");
}

#[test]
fn password_statements_ending_in_semicolons() {
    let pw = "Vq7dL2mX9pRt";
    one(
        &format!("static final String DB_PASSWORD = \"{pw}\";\n"),
        "generic-password",
    );
    one(
        &format!("$user = \"app\"; $password = \"{pw}\";\n"),
        "generic-password",
    );
    // The anonymous-FTP convention is not a credential.
    none("server->user = \"anonymous\";\nserver->password = \"nobody7@\";\n");
}

#[test]
fn product_named_identifiers_are_info() {
    let c = one(
        "MATTERMOST_URL=https://chat.corp.internal:8065\n",
        "mattermost-server-url",
    );
    assert_eq!(c.confidence, "info");
    let found = scan_text("t.txt", "mattermost_url=https://community.mattermost.com\n");
    assert!(
        found.iter().all(|c| c.rule != "mattermost-server-url"),
        "{found:?}"
    );
    assert_eq!(
        one("algolia_app_id = \"Q7VD2LMX9P\"\n", "algolia-app-id").confidence,
        "info"
    );
    let name = one(
        "DefaultEndpointsProtocol=https;AccountName=prodlogs7;AccountKey=",
        "azure-storage-account-name",
    );
    assert_eq!(name.length, 9);
}

#[test]
fn clickhouse_and_azure_ad_secrets() {
    let ch = tok(&["4b1d", "Kq7Vd2LmX9pRt4KcW8nZb3HyF6sJg1TuE5aNo0"]);
    assert_eq!(
        one(&format!("key_secret: {ch}\n"), "clickhouse-cloud-secret").length,
        42
    );
    // Wrong length, or letters only: not the format.
    let found = scan_text("t.txt", &format!("x {}\n", &ch[..30]));
    assert!(
        found.iter().all(|c| c.rule != "clickhouse-cloud-secret"),
        "{found:?}"
    );
    let az = tok(&["Xk7", "8Q~", "Vd2LmX9pRt4KcW8nZb3HyF6sJg1TuE5aNo"]);
    assert_eq!(
        one(&format!("secret='{az}'\n"), "azure-ad-client-secret").length,
        40
    );
    none(&format!(
        "secret='{}'\n",
        tok(&["Xk7", "8Q~", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"])
    ));
    none("see docs/8Q~notes for details\n");
}

#[test]
fn named_hex_keys() {
    let hex32 = "e217681929494e572a7d807be2846aff";
    let hex40 = "fca5f891a445bc3b4d8336b3a377e184b39e8ee3";
    assert_eq!(
        one(&format!("DD_API_KEY={hex32}\n"), "datadog-key").length,
        32
    );
    assert_eq!(
        one(&format!("dd_app_key: \"{hex40}\"\n"), "datadog-key").length,
        40
    );
    none("DD_API_KEY=${DATADOG_API_KEY}\n");
    let owm = "ew6elrzjlmmdch69cfo3doji2w7gskx9";
    one(
        &format!("owm = OWM('{owm}')\nowm_key = '{owm}'\n"),
        "openweather-api-key",
    );
    one(&format!("{{\"owm\": \"{owm}\"}}\n"), "openweather-api-key");
    none("owm_key = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'\n");
    let android = format!("buildConfigField 'String', 'MAPS_API_KEY', '\"{hex32}\"'\n");
    one(&android, "android-build-config-secret");
    none("buildConfigField 'String', 'API_URL', '\"https://api.example.org/v1\"'\n");
    none("buildConfigField \"String\", \"API_KEY\", \"\\\"${apiKey}\\\"\"\n");
}

#[test]
fn npm_legacy_token_and_jenkins_setup_password() {
    let uuid = "6f1c2a9e-3b7d-4e8f-a1c5-9d2e7b4f0a63";
    one(
        &format!("export NPM_TOKEN=\"{uuid}\"\n"),
        "npm-legacy-token",
    );
    let found = scan_text("t.txt", &format!("export NPM_TOKEN_ID=\"{uuid}\"\n"));
    assert!(
        found.iter().all(|c| c.rule != "npm-legacy-token"),
        "{found:?}"
    );
    let jenkins = "Please use the following password to proceed to installation:\n\n\
                   1aca562fdcf5a2bd2aea5a8776e0d7a4\n\nThis may also be found at: ...\n";
    one(jenkins, "jenkins-initial-admin-password");
    none("Please use the following password to proceed to installation:\n\n<password>\n");
}

#[test]
fn slack_url_kinds_and_service_account_emails() {
    let wf = tok(&[
        "https://hooks.slack.com/workflows/",
        "T0K4Q7VD2/A0L9X2M4P/418230977512345678/",
        "q7Vd2LmX9pRt4KcW8nZb3HyF",
    ]);
    one(&wf, "slack-workflow-webhook");
    let tr = tok(&[
        "https://hooks.slack.com/triggers/",
        "T0K4Q7VD2/4182309775123/",
        "9f2c7a1e4b8d3f6a0c5e9b2d7f1a4c8e",
    ]);
    one(&tr, "slack-trigger-url");
    let sa = "\"client_email\": \"deploy-bot@acme-prod-4471.iam.gserviceaccount.com\"\n";
    assert_eq!(one(sa, "gcp-service-account-email").confidence, "info");
    let coda = tok(&["codatoken-", "6f1c2a9e-3b7d-4e8f-a1c5-9d2e7b4f0a63"]);
    one(&coda, "vendor-prefixed-uuid");
}

#[test]
fn padded_base64_is_not_a_path() {
    let key = tok(&[
        "Q7dK2mX9pRt4KcW8nZb3HyF6sJg1TuE5aNo0BiQ/wljRuHhfuRq/AMPC+kdgtLmWKq/",
        "zN3X4R9Ap7c2Vb8Lq1mT5yW3eR6uI9oP0aS4dF7gH2jK==",
    ]);
    one(
        &format!("{{\"privateKey\": \"{key}\"}}\n"),
        "generic-secret",
    );
    none("{\"privateKey\": \"/etc/keys/service/private.pem\"}\n");
}

#[test]
fn named_settings_as_identifiers() {
    let c = one(
        "sonar.host.url=https://sonar.corp.internal:9000\n",
        "sonarqube-server-url",
    );
    assert_eq!(c.confidence, "info");
    let found = scan_text("t.txt", "sonar.host.url=https://sonarcloud.io\n");
    assert!(
        found.iter().all(|c| c.rule != "sonarqube-server-url"),
        "{found:?}"
    );
    one(
        "x_api_client_id = \"Qm7Vd2LmX9pRt4KcW8nZ\"\n",
        "twitter-client-id",
    );
    none("twitter_client_id = \"${TWITTER_CLIENT_ID}\"\n");
    let c = one(
        "AZURE_STORAGE_ACCOUNT=prodlogs2024\n",
        "azure-storage-account-setting",
    );
    assert_eq!(c.confidence, "info");
    let found = scan_text("t.txt", "azure_storage_name: $STORAGE\n");
    assert!(
        found
            .iter()
            .all(|c| c.rule != "azure-storage-account-setting"),
        "{found:?}"
    );
}

#[test]
fn vendor_name_then_token() {
    let t = tok(&["skrapp ", "Kq7Vd2LmX9pRt4KcW8nZb3HyF6sJg1TuE5aNo0B"]);
    one(&t, "vendor-api-key");
    // A value glued to the key name and ending in base64 padding.
    let t = tok(&[
        "acmesign-PRIVATE-key-",
        "Kq7Vd2LmX9pRt4KcW8nZb3HyF6sJg1TuE5aNo0B==",
    ]);
    let found = scan_text("t.txt", &t.replace("acmesign", "hellosign"));
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn snowflake_and_maxmind_identifiers() {
    let c = one(
        "snowflake_user = \"SVC_LOADER\"\n",
        "snowflake-account-or-user",
    );
    assert_eq!(c.confidence, "info");
    one(
        "SNOWFLAKE_ACCOUNT=acme-prod_eu1\n",
        "snowflake-account-or-user",
    );
    for text in [
        "snowflake_user: ${SNOWFLAKE_USER}\n",
        "snowflake_user: str = None\n",
    ] {
        let found = scan_text("t.txt", text);
        assert!(
            found.iter().all(|c| c.rule != "snowflake-account-or-user"),
            "{found:?}"
        );
    }
    let found = scan_text("t.txt", "snowflake_account: ${SNOWFLAKE_ACCOUNT}\n");
    assert!(
        found.iter().all(|c| c.rule != "snowflake-account-or-user"),
        "{found:?}"
    );
    one("MAXMIND_ACCOUNT_ID=702117\n", "maxmind-account-id");
    one(
        "\"maxmind\": {\"account_id\": \"702117\", \"license_key\": \"...\"}\n",
        "maxmind-account-id",
    );
    let found = scan_text("t.txt", "maxmind_account_id: $ACCOUNT\n");
    assert!(
        found.iter().all(|c| c.rule != "maxmind-account-id"),
        "{found:?}"
    );
}

#[test]
fn product_named_client_ids() {
    one("mongodb-public: qk7vd2lm\n", "mongodb-atlas-public-key");
    none("mongodb_public_key: $ATLAS_PUBLIC_KEY\n");
    one("LOOKER_CLIENT_ID=Qm7Vd2LmX9pRt4KcW8nZ\n", "oauth-client-id");
    one(
        "spotify_client_id = \"9f2c7a1e4b8d3f6a0c5e9b2d7f1a4c8e\"\n",
        "oauth-client-id",
    );
    assert_eq!(
        one("DISCORD_APP_ID=418230977512345678\n", "discord-id").confidence,
        "info"
    );
    let found = scan_text("t.txt", "discord_channel = 418230977512345678\n");
    assert!(found.iter().all(|c| c.rule != "discord-id"), "{found:?}");
}

#[test]
fn assigned_value_that_opens_with_a_key_word() {
    // `private_…` after `=` is the value, not more of the key name.
    let v = tok(&["private_", "Kq7Vd2LmX9pRt4Kc"]);
    let c = one(&format!("ACMEPAY_PRIVATE_KEY={v}\n"), "vendor-api-key");
    assert_eq!(c.length, v.len() as u32);
    // A run of key words only is still a name.
    none("ACMEPAY_PRIVATE_KEY=access_token\n");
}

#[test]
fn escaped_quotes_stay_out_of_the_value() {
    let hex = "3fa85f6457174562b3fc2c963f66afa6c3d1e9b2";
    let text = format!("'  clientSecret: \\\\'{hex}\\\\','+\n");
    let found = scan_text("t.txt", &text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].length, 40);
}

#[test]
fn alphabet_and_example_ids_are_placeholders() {
    none("acmepay_token=abcdefghijklmnopqrstuvwxyz\n");
    one(
        &tok(&["acmepay_token=", "Kq7Vd2LmX9pRt4KcW8nZb3\n"]),
        "vendor-api-key",
    );
    none(&tok(&[
        "https://hooks.slack.com/triggers/",
        "T00EXAMPLE/1234567890123/",
        "q7Vd2LmX9pRt4KcW8nZb3HyF6sJg1TuE",
    ]));
    one(
        &tok(&[
            "https://hooks.slack.com/triggers/",
            "T0K4Q7VD2/1234567890123/",
            "q7Vd2LmX9pRt4KcW8nZb3HyF6sJg1TuE",
        ]),
        "slack-trigger-url",
    );
}

#[test]
fn jwt_signing_passphrase() {
    // Under a `jwt:` mapping or a jwt-named key, a quoted passphrase is the signing secret.
    one(
        &tok(&[
            "auth:\n  jwt:\n    secret: \"",
            "orbit#lantern\"\n    ttl: 3600\n",
        ]),
        "generic-secret",
    );
    one(
        &tok(&["JWT_SECRET = '", "orbit#lantern'\n"]),
        "generic-secret",
    );
    // A resource name is not a passphrase, and without the JWT context the value is too weak.
    none("jwt:\n  secret: \"orbit-lantern\"\n");
    none("cache:\n  secret: \"orbit#lantern\"\n");
}

#[test]
fn member_access_through_a_key_word_is_not_a_value() {
    none("crypto_key_id = google_kms_crypto_key.primary2.id\n");
    none("key_ring = google_kms_key_ring.primary2.id\n");
    none("password = random_password.db1.result\n");
    // A token glued to its key name by a dot is still read.
    one(
        &tok(&["clickup.token.", "Kq7Vd2LmX9pRt4KcW8nZb3HyF6sJ"]),
        "vendor-api-key",
    );
}

#[test]
fn author_is_not_auth() {
    none("author: \"Orbit-lantern contributors\"\n");
    one(
        &tok(&["auth_token: \"", "Kq7Vd2LmX9pRt4KcW8nZb3HyF6sJ", "\"\n"]),
        "generic-secret",
    );
}

#[test]
fn php_bareword_password() {
    one(
        &tok(&["$user = \"svc\"; $password = ", "orbitlantern7;\n"]),
        "generic-password",
    );
    // Variables, calls and constants are not literals.
    none("$password = $input;\n");
    none("$password = DB_PASSWORD;\n");
    none("password = orbitlantern7\n");
    // A path segment names no key.
    none("Kind::Password => (\"orbit-lantern-id\", 1),\n");
}

#[test]
fn list_items_are_not_values() {
    none("use hcl::{Expression, ObjectKey, TraversalOperator2};\n");
    // With an assignment the same key is read.
    let v = tok(&["Kq7Vd2LmX9pRt4Kc", "W8nZb3HyF6sJ"]);
    one(&format!("ObjectKey = {v}, other = 1\n"), "vendor-api-key");
}

#[test]
fn qualified_key_words_in_prose() {
    none("/// The VM size key: \"Standard_Q4s_v9\" is lower-cased.\n");
    none("public key: Kq7Vd2LmX9pRt4KcW8nZb3HyF6sJ\n");
    // A multi-byte character before the word must not split a character.
    none("Größe key: \"x\"\n");
    one(
        &tok(&["api key: ", "Kq7Vd2LmX9pRt4KcW8nZb3HyF6sJ\n"]),
        "generic-secret",
    );
}

#[test]
fn url_passwords_that_are_dictionary_words() {
    let pw = tok(&["Vq8mZ3n", "L0pR7w"]);
    let c = one(
        &format!("REDIS_URL=redis://app:{pw}@cache.internal:6379/0"),
        "connection-string-password",
    );
    assert_eq!(c.length, 13);
    none("# redis://user:secret@cache.internal:6379");
    none("  // mysql://root:admin@db.internal:3306/app");
    // Outside a comment a default password is still a configured credential.
    one(
        "mysql://root:admin@db.internal:3306/app",
        "connection-string-password",
    );
}

#[test]
fn square_application_ids_are_public() {
    none(&format!(
        "var applicationId = '{}';",
        tok(&["sq0", "idp-", "k4Rt8WmQ2xZv9NbL3cYp6A"])
    ));
    let at = tok(&["sq0", "atp-", "k4Rt8WmQ2xZv9NbL3cYp6A"]);
    assert_eq!(
        one(&format!("var accessToken = '{at}';"), "square-token").confidence,
        "high"
    );
}

#[test]
fn host_names_are_not_keys() {
    // The tenant host is an identifier (info), not a vendor key.
    let host = scan_text("t.env", "export AUTH0_DOMAIN=\"tenant48213.auth0.com\"\n");
    assert!(
        host.iter().all(|c| c.rule == "saas-tenant-host"),
        "{host:?}"
    );
    none("stripe_token_server: db-07.internal.corp.net\n");
    let secret = tok(&[
        "Hq3Zt8Vx",
        "mN2pL7wK9rB4sD6fG1jY5cE0aU",
        "iO3lQ8nT2vX7zR4yW9kM6bJ1hF5gS0dA",
    ]);
    let found = scan_text(
        "t.env",
        &format!("export AUTH0_DOMAIN=\"tenant48213.auth0.com\"\nexport AUTH0_CLIENT_SECRET=\"{secret}\"\n"),
    );
    let keys: Vec<_> = found.iter().filter(|c| c.confidence != "info").collect();
    assert_eq!(keys.len(), 1, "{found:?}");
    assert_eq!(keys[0].line, 2);
}

#[test]
fn env_fallback_secret() {
    let key = tok(&["k3#vQ9x!m2@Lp7", "&z4Rt^8wN1(bY6", "*cF5=hJ0+dS3-gK9"]);
    let c = one(
        &format!("SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', '{key}')\n"),
        "env-fallback-secret",
    );
    assert_eq!(c.length, key.len() as u32);
    let tkn = tok(&["Zr7Kq2Vm9", "Xw4Lp8Nb3"]);
    one(
        &format!("token = ENV.fetch(\"API_TOKEN\", \"{tkn}\")"),
        "env-fallback-secret",
    );
    none("SECRET_KEY = os.environ.get('SECRET_KEY', 'changeme')\n");
    none("SECRET_KEY = os.getenv(\"SECRET_KEY\", \"dev-secret-key-for-local-tests\")\n");
    none("PASSWORD = os.getenv('DB_PASSWORD', os.environ['FALLBACK'])\n");
    none("HOST = os.getenv('DB_HOST', 'Zr7Kq2Vm9Xw4Lp8Nb3')\n");
}

#[test]
fn zhipu_keys_by_shape() {
    let key = tok(&[
        "5e0c9a7f3b2d4e61",
        "8a9b0c7d6e5f4a3b",
        ".",
        "Kq7ZtR2mWx9LpV4n",
    ]);
    let c = one(
        &format!("client = ZhipuAI(api_key=\"{key}\")"),
        "zhipu-api-key",
    );
    assert_eq!(c.length, 49);
    one(&key, "zhipu-api-key");
    // Typed stand-ins, file names after a hash, longer runs either side.
    none(&tok(&[
        "0123456789abcdef",
        "0123456789abcdef",
        ".AbCdEfGhIjKlMnOp",
    ]));
    none("d41d8cd98f00b204e9800998ecf8427e.tar.gz");
    none(&tok(&[
        "x5e0c9a7f3b2d4e61",
        "8a9b0c7d6e5f4a3b",
        ".",
        "Kq7ZtR2mWx9LpV4n",
    ]));
    none(&tok(&[
        "5e0c9a7f3b2d4e61",
        "8a9b0c7d6e5f4a3b",
        ".",
        "Kq7ZtR2mWx9LpV4nQ",
    ]));
    none(&tok(&[
        "5e0c9a7f3b2d4e61",
        "8a9b0c7d6e5f4a3b",
        ".",
        "kq7ztr2mwx9lpv4n",
    ]));
}

#[test]
fn uuids_named_as_api_keys() {
    let uuid = tok(&["7c1f9e42-5b3a-", "4d8e-9f06-2a7b4c8e1d53"]);
    one(&format!("x-api-key: {uuid}"), "generic-secret");
    one(&format!("ai21 = {uuid}"), "vendor-api-key");
    none(&format!("request_id = {uuid}"));
    none(&format!("api_version = {uuid}"));
    none("blazemeter 123e4567-e89b-12d3-a456-426614174000");
    none("x-api-key: 12345678-1234-1234-1234-1234567890ab");
}

#[test]
fn references_are_recognised_at_the_start_or_right_after_an_equals_sign() {
    for v in [
        "process.env.DB_PASSWORD",
        "Settings.DbPassword",
        "--password=env.DB_PASSWORD",
        "user=admin;pwd=Vault:db/pass",
        "a=b=self.password",
    ] {
        assert!(decoys::is_reference(v), "{v}");
    }
    for v in ["Xk9#mq2LpW7vR4tz", "myenv.Xk9mq2LpW7", "a=b", "trailing="] {
        assert!(!decoys::is_reference(v), "{v}");
    }
}

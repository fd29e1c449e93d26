//! The detector table: one entry per format-specific detector.
//!
//! `keywords` are lowercase literals, at least one of which occurs in every match;
//! the prefilter only runs `pattern` near a keyword hit. The secret is the
//! capture group `s` when present, else the whole match. Patterns are written
//! from the providers' documented token formats. Case-insensitive classes are written
//! `(?i-u)` where they can be: under Unicode case folding a repeated `[a-z0-9]` compiles to a
//! far larger automaton, and compiling is on a small scan's critical path.

use super::validate as v;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Confidence {
    High,
    Medium,
    Low,
    /// A sensitive identifier (bucket, account id, ARN, host, client id), not a credential.
    /// The bundled policy reports these only when `secrets.report_identifiers` is set.
    Info,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
            Confidence::Info => "info",
        }
    }
}

/// How much text around a keyword hit the pattern sees.
#[derive(Clone, Copy)]
pub(crate) enum Scope {
    /// The hit's line.
    Line,
    /// The hit's line and the next `n` lines.
    Lines(u8),
    /// From the hit's line start, up to `n` bytes (multi-line blocks such as PEM).
    Block(u32),
}

pub(crate) type Check = fn(&str) -> bool;
/// A check that also reads the value's line up to the value (`before`, then the value).
pub(crate) type LineCheck = fn(&str, &str) -> bool;

pub(crate) struct Detector {
    pub id: &'static str,
    pub description: &'static str,
    pub confidence: Confidence,
    pub keywords: &'static [&'static str],
    pub pattern: &'static str,
    pub scope: Scope,
    pub check: Check,
    pub line_check: Option<LineCheck>,
}

use Confidence::{High as H, Info as I, Low as L, Medium as M};

const fn d(
    id: &'static str,
    description: &'static str,
    confidence: Confidence,
    keywords: &'static [&'static str],
    pattern: &'static str,
) -> Detector {
    Detector {
        id,
        description,
        confidence,
        keywords,
        pattern,
        scope: Scope::Line,
        check: v::plain,
        line_check: None,
    }
}

impl Detector {
    const fn scope(mut self, s: Scope) -> Self {
        self.scope = s;
        self
    }
    const fn check(mut self, c: Check) -> Self {
        self.check = c;
        self
    }
    const fn line_check(mut self, c: LineCheck) -> Self {
        self.line_check = Some(c);
        self
    }
}

pub(crate) static DETECTORS: &[Detector] = &[
    // --- Cloud providers -------------------------------------------------------------
    d("aws-access-key-id", "AWS access key ID", H, &["akia", "asia", "abia", "acca", "a3t"],
      r"\b(?P<s>(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b"),
    d("aws-secret-access-key", "AWS secret access key", H, &["aws"],
      r#"(?i-u:aws)[0-9A-Za-z_.\-]{0,24}?(?i-u:secret|sk)[0-9A-Za-z_.\-]{0,20}["'\\]*\s*(?:=>|:=|[:=])\s*["'\\]*(?P<s>[A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)"#)
        .check(v::token),
    d("aws-session-token", "AWS session token", H, &["session_token", "sessiontoken", "session-token"],
      r#"(?i)session[_\-]?token["'\\]*\s*(?:=>|[:=])\s*["'\\]*(?P<s>[A-Za-z0-9/+=]{100,})"#),
    d("aws-mws-auth-token", "Amazon MWS auth token", H, &["amzn.mws."],
      r"amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
    d("aws-appsync-api-key", "AWS AppSync API key", H, &["da2-"], r"\bda2-[a-z0-9]{26}\b"),
    d("gcp-api-key", "Google API key", H, &["aiza"], r"\bAIza[0-9A-Za-z_\-]{35}"),
    d("gcp-api-key-base64", "Google API key (base64-encoded)", M, &["qul6yvn5"],
      r"QUl6YVN5[A-Za-z0-9+/]{40,}={0,2}").check(v::b64_google_key),
    d("gcp-oauth-access-token", "Google OAuth access token", H, &["ya29."], r"\bya29\.[0-9A-Za-z_\-]{20,}"),
    d("gcp-oauth-client-secret", "Google OAuth client secret", H, &["gocspx-"], r"\bGOCSPX-[A-Za-z0-9_\-]{24,32}"),
    d("gcp-oauth-client-id", "Google OAuth client ID", L, &["apps.googleusercontent.com"],
      r"\b\d{6,}-[0-9a-z]{32}\.apps\.googleusercontent\.com\b"),
    d("gcp-service-account-key-id", "GCP service account private key ID", H, &["private_key_id"],
      r#"private_key_id["']?\s*[:=]\s*["']?(?P<s>[0-9a-f]{40})\b"#),
    d("azure-storage-account-key", "Azure storage account key", H, &["accountkey"],
      r"(?i)AccountKey\s*=\s*(?P<s>[A-Za-z0-9+/]{80,100}={0,2})").check(v::token),
    d("azure-shared-access-key", "Azure shared access key (Service Bus, Event Hubs, IoT Hub)", H, &["sharedaccesskey"],
      r"(?i)SharedAccessKey\s*=\s*(?P<s>[A-Za-z0-9+/]{40,50}={0,2})").check(v::token),
    d("azure-app-configuration-secret", "Azure App Configuration connection string", H, &["azconfig.io"],
      r"\.azconfig\.io;Id=[^;\s]+;Secret=(?P<s>[A-Za-z0-9+/]{40,}={0,2})"),
    d("azure-devops-pat", "Azure DevOps personal access token", H, &["azdo"], r"\b[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}\b"),
    d("azure-teams-webhook", "Microsoft Teams incoming webhook URL", M, &["webhook.office.com", "outlook.office.com/webhook"],
      r"https://[a-z0-9.\-]*(?:webhook\.office\.com/webhookb2|outlook\.office\.com/webhook)/[0-9a-zA-Z\-]{36}@[0-9a-zA-Z\-]{36}/IncomingWebhook/[0-9a-zA-Z]{32}/[0-9a-zA-Z\-]{36}"),
    d("alibaba-access-key-id", "Alibaba Cloud access key ID", H, &["ltai"], r"\bLTAI[A-Za-z0-9]{12,20}\b"),
    d("digitalocean-token", "DigitalOcean token", H, &["dop_v1_", "doo_v1_", "dor_v1_"], r"\bdo[opr]_v1_[a-f0-9]{64}\b"),
    d("hashicorp-vault-token", "HashiCorp Vault token", H, &["hvs.", "hvb.", "hvr."], r"\bhv[sbr]\.[A-Za-z0-9_\-]{24,}"),
    d("hashicorp-vault-legacy-token", "HashiCorp Vault token (legacy format)", M, &["vault"],
      r"\b(?P<s>[sbr]\.[A-Za-z0-9]{24,26})\b").scope(Scope::Lines(1)).check(v::mixed),
    d("hashicorp-vault-unseal-key", "HashiCorp Vault unseal key", H, &["unseal key"],
      r"Unseal Key \d+:\s*(?P<s>[A-Za-z0-9+/]{43,44}=?)"),
    d("terraform-cloud-token", "Terraform Cloud / Vagrant Cloud token", H, &[".atlasv1."],
      r"\b[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_\-=]{50,}"),
    d("fly-io-token", "Fly.io token", H, &["fm2_", "fm1r_", "fm1a_"], r"\bfm(?:2|1r|1a)_[A-Za-z0-9+/=_\-]{50,}"),
    d("tailscale-key", "Tailscale key", H, &["tskey-"], r"\btskey-[a-z]*-?[A-Za-z0-9]{4,}-[A-Za-z0-9]{4,}"),
    d("supabase-token", "Supabase token", H, &["sbp_", "sb_secret_"], r"\b(?:sbp_[a-z0-9]{40}|sb_secret_[A-Za-z0-9_\-]{20,})\b").check(v::mixed),
    d("planetscale-token", "PlanetScale token or password", H, &["pscale_"], r"\bpscale_(?:tkn|pw|oauth)_[A-Za-z0-9_\-=.]{32,}"),
    d("databricks-token", "Databricks personal access token", H, &["dapi"], r"\bdapi[0-9a-f]{32}(?:-\d)?\b"),
    // --- Version control and CI --------------------------------------------------------
    d("github-pat", "GitHub personal access token (classic)", H, &["ghp_"], r"\bghp_[A-Za-z0-9]{36,251}\b"),
    d("github-fine-grained-pat", "GitHub fine-grained personal access token", H, &["github_pat_"], r"\bgithub_pat_[A-Za-z0-9_]{70,100}"),
    d("github-oauth-token", "GitHub OAuth access token", H, &["gho_"], r"\bgho_[A-Za-z0-9]{36,251}\b"),
    d("github-app-token", "GitHub App user/installation token", H, &["ghu_", "ghs_"], r"\bgh[us]_[A-Za-z0-9]{36,251}\b"),
    d("github-refresh-token", "GitHub refresh token", H, &["ghr_"], r"\bghr_[A-Za-z0-9]{36,251}\b"),
    d("gitlab-token", "GitLab token", H,
      &["glpat-", "glptt-", "glrt-", "gldt-", "glft-", "glsoat-", "glcbt-", "gloas-", "glimt-", "glagent-", "glffct-"],
      r"\bgl(?:pat|ptt|rt|dt|ft|soat|cbt|oas|imt|agent|ffct)-[A-Za-z0-9_\-]{20,}(?:\.[A-Za-z0-9._\-]+)?"),
    d("gitlab-runner-registration-token", "GitLab runner registration token", H, &["gr1348941"], r"\bGR1348941[A-Za-z0-9_\-]{20,}"),
    d("bitbucket-app-password", "Bitbucket app password", H, &["atbb"], r"\bATBB[A-Za-z0-9_=.\-]{28,}"),
    d("atlassian-api-token", "Atlassian API token", H, &["atatt3"], r"\bATATT3[A-Za-z0-9_\-=]{30,}"),
    d("npm-token", "npm access token", H, &["npm_"], r"\bnpm_[A-Za-z0-9]{36}\b"),
    d("pypi-token", "PyPI upload token", H, &["pypi-age"], r"\bpypi-AgE[A-Za-z0-9_\-]{50,}"),
    d("rubygems-api-key", "RubyGems API key", H, &["rubygems_"], r"\brubygems_[0-9a-f]{48}\b"),
    d("crates-io-token", "crates.io API token", M, &["cio"], r"\bcio[A-Za-z0-9]{32}\b").check(v::mixed),
    d("nuget-api-key", "NuGet API key", H, &["oy2"], r"\boy2[a-z0-9]{43}\b"),
    d("docker-hub-pat", "Docker Hub personal access token", H, &["dckr_pat_"], r"\bdckr_pat_[A-Za-z0-9_\-]{20,}"),
    d("docker-registry-auth", "Docker registry credentials (auths JSON)", H, &["auths"],
      r#""auth"\s*:\s*"(?P<s>[A-Za-z0-9+/=]{8,})""#).scope(Scope::Block(4096)).check(v::basic_auth),
    d("artifactory-token", "JFrog Artifactory API key / reference token", H, &["akcp", "cmvmdgtu"],
      r"\b(?:AKCp[A-Za-z0-9]{69}|cmVmdGtu[A-Za-z0-9]{56,})\b"),
    d("sonarqube-token", "SonarQube token", H, &["squ_", "sqp_", "sqa_"], r"\bsq[upa]_[0-9a-f]{40}\b"),
    d("sonarqube-login", "SonarQube login token", M, &["sonar.login", "sonarlogin"],
      r#"(?i)sonar\.?login\W{1,6}(?P<s>[0-9a-f]{40})\b"#),
    d("sourcegraph-token", "Sourcegraph access token", H, &["sgp_", "slk_"],
      r"\b(?:sgp_(?:[a-f0-9]{16}_|local_)?[A-Fa-f0-9]{40}|slk_[a-f0-9]{64})\b"),
    d("buildkite-token", "Buildkite API token", H, &["bkua_"], r"\bbkua_[A-Za-z0-9]{40}\b"),
    d("jenkins-crumb", "Jenkins crumb", L, &["jenkins-crumb"], r"Jenkins-Crumb:\s*(?P<s>[0-9a-f]{32,})"),
    d("dependency-track-api-key", "Dependency-Track API key", H, &["odt_"], r"\bodt_[A-Za-z0-9]{32,}\b"),
    d("harness-token", "Harness personal access token", H, &["pat."], r"\bpat\.[A-Za-z0-9_\-]{22}\.[a-f0-9]{24}\.[A-Za-z0-9]{20}\b"),
    d("codacy-infracost-style-token", "Infracost API key", H, &["ico-"], r"\bico-[A-Za-z0-9]{32}\b"),
    d("stackhawk-api-key", "StackHawk API key", H, &["hawk."], r"\bhawk\.[A-Za-z0-9_\-]{20}\.[A-Za-z0-9_\-]{20}\b"),
    // --- Chat, payments, SaaS -------------------------------------------------------
    d("slack-token", "Slack token", H, &["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xoxo-"],
      r"\bxox[abeoprs]-(?:\d+-)?[0-9A-Za-z\-]{10,}"),
    d("slack-app-token", "Slack app-level token", H, &["xapp-"], r"\bxapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+"),
    // Three kinds of Slack URL, each a credential in its own right: incoming webhooks,
    // Workflow Builder webhooks and workflow trigger URLs.
    d("slack-webhook", "Slack incoming webhook URL", H, &["hooks.slack.com"],
      r"(?P<s>hooks\.slack\.com/services/[A-Za-z0-9/]{10,}/[A-Za-z0-9]{16,})(?:[^A-Za-z0-9_\-]|$)").check(v::slack_webhook),
    d("slack-workflow-webhook", "Slack Workflow Builder webhook URL", H, &["hooks.slack.com"],
      r"(?P<s>hooks\.slack\.com/workflows/[A-Za-z0-9/]{10,}/[A-Za-z0-9]{16,})(?:[^A-Za-z0-9_\-]|$)").check(v::slack_webhook),
    d("slack-trigger-url", "Slack workflow trigger URL", H, &["hooks.slack.com"],
      r"(?P<s>hooks\.slack\.com/triggers/[A-Za-z0-9/]{10,}/[A-Za-z0-9]{16,})(?:[^A-Za-z0-9_\-]|$)").check(v::slack_webhook),
    d("discord-webhook", "Discord webhook URL", H, &["discord.com/api/webhooks", "discordapp.com/api/webhooks"],
      r"discord(?:app)?\.com/api/webhooks/\d{17,20}/[A-Za-z0-9_\-]{60,68}"),
    d("telegram-bot-token", "Telegram bot token", H, &[":aa"], r"\b\d{8,10}:AA[A-Za-z0-9_\-]{32,34}\b"),
    d("mattermost-webhook", "Mattermost incoming webhook URL", M, &["/hooks/"],
      r"https?://[A-Za-z0-9.\-]*(?:mattermost|mm\.|chat)[A-Za-z0-9.\-]*(?::\d+)?/hooks/(?P<s>[a-z0-9]{26})\b"),
    d("zapier-webhook", "Zapier webhook URL", M, &["hooks.zapier.com"],
      r"hooks\.zapier\.com/hooks/catch/(?P<s>\d{5,}/[a-z0-9]{6,}|[a-z0-9]{16,})/?").check(v::mixed_untyped),
    d("stripe-secret-key", "Stripe live secret or restricted key", H, &["sk_live_", "rk_live_"], r"\b[sr]k_live_[0-9A-Za-z]{10,247}\b"),
    d("stripe-test-key", "Stripe test-mode key", L, &["sk_test_", "rk_test_"], r"\b[sr]k_test_[0-9A-Za-z]{10,247}\b"),
    d("stripe-webhook-secret", "Stripe webhook signing secret", H, &["whsec_"], r"\bwhsec_[A-Za-z0-9+/=]{32,}"),
    // Square application ids (`sq0idp-…`) are public, shipped to browsers in payment forms
    // like Stripe's publishable keys: neither a credential nor a sensitive identifier.
    d("square-token", "Square access token or OAuth secret", H, &["sq0atp-", "sq0csp-", "eaaa"],
      r"\b(?:sq0atp-[0-9A-Za-z_\-]{22}|sq0csp-[0-9A-Za-z_\-]{43}|EAAA[A-Za-z0-9_\-]{60})\b"),
    d("twilio-api-key", "Twilio account SID / API key SID", M, &["twilio"], r"\b(?:AC|SK)[0-9a-f]{32}\b").scope(Scope::Lines(3)),
    d("sendgrid-api-key", "SendGrid API key", H, &["sg."], r"\bSG\.[A-Za-z0-9_\-]{16,32}\.[A-Za-z0-9_\-]{16,64}\b"),
    d("mailgun-api-key", "Mailgun API key", H, &["key-"], r"\bkey-[0-9a-z]{32}\b").check(v::mixed),
    d("mailchimp-api-key", "Mailchimp API key", H, &["-us"], r"\b[0-9a-f]{32}-us[0-9]{1,2}\b"),
    d("shopify-token", "Shopify access token or shared secret", H, &["shpat_", "shpss_", "shpca_", "shppa_"],
      r"\bshp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}\b"),
    d("facebook-access-token", "Facebook access token", H, &["eaac", "eaab"], r"\bEAA[BC][A-Za-z0-9]{30,}"),
    d("new-relic-key", "New Relic key", H, &["nrak-", "nraa-", "nriq-", "nrii-", "nrjs-", "nral", "px-api-", "px-dep-"],
      r"\b(?:NR(?:AK|AA|IQ)-[A-Za-z0-9_\-]{27,32}|NRII-[A-Za-z0-9_\-]{32}|NRJS-[a-f0-9]{19}|(?:[a-f0-9]{36}|[a-z]{2}\d{2}xx[a-f0-9]{30})NRAL|px-(?:api|dep)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b"),
    d("okta-api-token", "Okta API token", H, &["ssws"], r"SSWS\s+(?P<s>00[A-Za-z0-9_\-]{40})"),
    d("hubspot-private-app-token", "HubSpot private app token", H, &["pat-na", "pat-eu"],
      r"\bpat-(?:na|eu)\d-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"),
    d("contentful-pat", "Contentful personal access token", H, &["cfpat-"], r"\bCFPAT-[A-Za-z0-9_\-]{42,}"),
    d("easypost-api-key", "EasyPost API key", H, &["ezak", "eztk"], r"\bEZ[AT]K[A-Za-z0-9]{54}\b"),
    d("branch-io-key", "Branch.io key", M, &["key_live_", "key_test_"], r"\bkey_(?:live|test)_[A-Za-z0-9]{32}\b"),
    d("razorpay-key", "Razorpay key", M, &["rzp_live_", "rzp_test_"], r"\brzp_(?:live|test)_[A-Za-z0-9]{14}\b").check(v::mixed),
    d("postman-api-key", "Postman API key", H, &["pmak-"], r"\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b"),
    d("linear-api-key", "Linear API key", H, &["lin_api_"], r"\blin_api_[A-Za-z0-9]{40}\b"),
    d("pulumi-token", "Pulumi access token", H, &["pul-"], r"\bpul-[a-f0-9]{40}\b"),
    d("sentry-token", "Sentry auth token", H, &["sntrys_", "sntryu_"], r"\bsntry[su]_[A-Za-z0-9+/=_\-]{40,}"),
    d("sentry-dsn", "Sentry DSN", M, &["sentry.io", "ingest.", "@sentry."],
      r"https://(?P<s>[0-9a-f]{32})@(?:[a-z0-9.\-]*(?:sentry\.io|ingest\.[a-z.]+)|sentry\.[a-z0-9.\-]+(?::\d+)?)/\d+"),
    d("prefect-api-key", "Prefect API key", H, &["pnu_"], r"\bpnu_[A-Za-z0-9]{36}\b"),
    d("posthog-personal-key", "PostHog personal API key", H, &["phx_"], r"\bphx_[A-Za-z0-9]{40,}"),
    d("dropbox-token", "Dropbox access token", H, &["sl."], r"\bsl\.[A-Za-z0-9_\-]{120,}"),
    d("doppler-token", "Doppler token", H, &["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."],
      r"\bdp\.(?:pt|st|sa|ct|scim|audit)\.(?:[a-z0-9_\-]{1,40}\.)?[A-Za-z0-9]{40,44}\b"),
    d("grafana-token", "Grafana token", H, &["glsa_", "glc_"], r"\b(?:glsa_[A-Za-z0-9]{32}_[0-9a-f]{8}|glc_[A-Za-z0-9+/=_\-]{32,})"),
    d("grafana-api-key", "Grafana API key (legacy)", H, &["eyjrijoi"], r"\beyJrIjoi[A-Za-z0-9+/=_\-]{30,}").check(v::grafana_legacy),
    d("twitch-stream-key", "Twitch stream key", H, &["live_"], r"\blive_\d{6,12}_[A-Za-z0-9]{30}\b"),
    d("ubidots-token", "Ubidots token", H, &["bbff-"], r"\bBBFF-[A-Za-z0-9]{30}\b"),
    d("zoho-token", "Zoho OAuth token", H, &["1000."], r"\b1000\.[a-f0-9]{32}\.[a-f0-9]{32}\b"),
    d("onepassword-token", "1Password secret key / service account token", H, &["a3-", "ops_eyj"],
      r"\b(?:A3-[A-Z0-9]{6}-(?:[A-Z0-9]{5,6}-){3,4}[A-Z0-9]{5}|ops_eyJ[A-Za-z0-9+/=_\-]{50,})"),
    d("typeform-token", "Typeform token", H, &["tfp_"], r"\btfp_[A-Za-z0-9_\-]{40,}"),
    d("apify-token", "Apify API token", H, &["apify_api_"], r"\bapify_api_[A-Za-z0-9]{36}\b"),
    d("coze-pat", "Coze personal access token", M, &["pat_"], r"\bpat_[A-Za-z0-9]{64}\b"),
    d("frameio-token", "Frame.io token", H, &["fio-u-"], r"\bfio-u-[A-Za-z0-9_\-=]{60,}"),
    d("flexport-token", "Flexport API key", H, &["shltm_"], r"\bshltm_[A-Za-z0-9]{40}\b"),
    d("ionic-token", "Ionic API token", H, &["ion_"], r"\bion_[A-Za-z0-9]{42}\b"),
    d("zuplo-api-key", "Zuplo API key", H, &["zpka_"], r"\bzpka_[a-f0-9]{32}_[a-f0-9]{8}\b"),
    d("fleetbase-key", "Fleetbase API key", H, &["flb_live_", "flb_test_"], r"\bflb_(?:live|test)_[A-Za-z0-9]{20,}\b").check(v::mixed),
    d("duffel-token", "Duffel API token", H, &["duffel_test_", "duffel_live_"], r"\bduffel_(?:test|live)_[A-Za-z0-9_\-=]{40,}"),
    d("wakatime-key", "WakaTime API key", H, &["waka_"], r"\bwaka_[a-f0-9\-]{36,40}\b"),
    d("defined-networking-token", "Defined Networking API token", H, &["dnkey-"], r"\bdnkey-[A-Z0-9=_\-]{26}-[A-Z0-9=_\-]{52}\b"),
    d("intra42-secret", "42 intra client secret", H, &["s-s4t2ud-", "u-s4t2ud-"], r"\b[su]-s4t2ud-[a-f0-9]{64}\b"),
    d("voiceflow-key", "Voiceflow API key", H, &["vf."], r"\bVF\.(?:DM\.)?[a-f0-9]{24}\.[A-Za-z0-9]{16}\b"),
    d("teamwork-token", "Teamwork API token", H, &["tkn.v1_"], r"\btkn\.v1_[A-Za-z0-9+/=]{60,}"),
    d("authress-key", "Authress service client access key", H, &["sc_"],
      r"\bsc_[A-Za-z0-9]{16,}\.[a-z0-9]{4}\.acc[_\-][a-z0-9\-]{10,}\.[A-Za-z0-9+/=_\-]{40,}"),
    d("dfuse-key", "dfuse API key", M, &["web_"], r"\bweb_[a-f0-9]{32}\b"),
    d("thingsboard-token", "ThingsBoard device access token", M, &["thingsboard"],
      r"thingsboard\.cloud/api/v1/(?P<s>[a-z0-9]{20})/"),
    d("blynk-client-id", "Blynk organization client credentials", M, &["oa2-client-id_"], r"\boa2-client-id_[A-Za-z0-9_\-]{32}"),
    d("truenas-api-key", "TrueNAS API key", M, &["login_with_api_key"],
      r#""params"\s*:\s*\[\s*"(?P<s>\d{1,3}-[A-Za-z0-9]{64})""#).scope(Scope::Block(1024)),
    d("firebase-cloud-messaging-key", "Firebase Cloud Messaging server key", H, &[":apa91b"],
      r"\bAAAA[A-Za-z0-9_\-]{7}:APA91b[A-Za-z0-9_\-]{134,}"),
    d("nightfall-api-key", "Nightfall API key", H, &["nf-"], r"\bNF-[A-Za-z0-9]{32}\b"),
    d("readme-api-key", "ReadMe API key", H, &["rdme_"], r"\brdme_[a-z0-9]{70}\b"),
    d("brevo-api-key", "Brevo (Sendinblue) API key", H, &["xkeysib-", "xsmtpsib-"], r"\bx(?:key|smtp)sib-[a-f0-9]{64}-[A-Za-z0-9]{16}\b"),
    d("posthog-project-key", "PostHog project API key", M, &["phc_"], r"\bphc_[A-Za-z0-9]{43}\b").check(v::mixed),
    d("segment-public-api-token", "Segment public API token", H, &["sgp_"], r"\bsgp_[A-Za-z0-9]{64}\b").check(v::mixed),
    d("langsmith-key", "LangSmith API key", H, &["lsv2_pt_", "lsv2_sk_"], r"\blsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}\b"),
    d("riot-api-key", "Riot Games API key", H, &["rgapi-"], r"\bRGAPI-[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}\b"),
    d("pubnub-key", "PubNub publish/subscribe key", M, &["pub-c-", "sub-c-"], r"\b(?:pub|sub)-c-[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}\b"),
    d("scale-api-key", "Scale AI API key", M, &["live_"], r"\blive_(?:[a-z]{4}_)?[a-f0-9]{32}\b").check(v::mixed),
    d("pagarme-api-key", "Pagar.me API key", H, &["ak_live_", "ak_test_"], r"\bak_(?:live|test)_[A-Za-z0-9]{30}\b").check(v::mixed),
    d("clickup-token", "ClickUp personal token", H, &["pk_"], r"\bpk_\d{6,10}_[A-Z0-9]{32}\b"),
    d("mongodb-atlas-service-account", "MongoDB Atlas service account secret", H, &["mdb_sa_"], r"\bmdb_sa_(?:sk|id)_[A-Za-z0-9_]{30,}").check(v::mixed),
    d("openrouter-api-key", "OpenRouter API key", H, &["sk-or-v1-"], r"\bsk-or-v1-[a-f0-9]{64}\b"),
    d("coderabbit-api-key", "CodeRabbit API key", M, &["cr-"], r"\bcr-[a-z0-9]{58}\b").check(v::mixed),
    // A vendor name glued to a UUID (`refiner-…`, `codakey-…`, `tatum_secret_…`).
    d("vendor-prefixed-uuid", "Vendor-prefixed UUID API key", M,
      &["refiner-", "codakey-", "codatoken-", "coda-", "privacy_", "tatum_secret_", "canny_secret_", "zipcodebase", "moosend"],
      r"(?i)\b(?:refiner|codakey|codatoken|coda|privacy|tatum_secret|canny_secret_[a-z0-9]+|zipcodebase[a-z_\-]*|moosend[a-z]*:?)[-_:](?P<s>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b"),
    // ClickHouse Cloud key secrets open with `4b1d`, 42 characters in all.
    d("clickhouse-cloud-secret", "ClickHouse Cloud API key secret", H, &["4b1d"], r"\b4b1d[A-Za-z0-9]{38}\b").check(v::mixed),
    // Azure AD (Entra ID) client secrets: 3 characters, a version digit, `Q~`, 31-34 more.
    d("azure-ad-client-secret", "Azure AD (Entra ID) application client secret", H, &["7q~", "8q~"],
      r"(?:^|[^A-Za-z0-9_~.\-])(?P<s>[A-Za-z0-9_\-]{3}[78]Q~[A-Za-z0-9_~.\-]{31,34})(?:[^A-Za-z0-9_~.\-]|$)").check(v::mixed),
    // Datadog API keys are 32 hex characters, application keys 40; only the name says so.
    d("datadog-key", "Datadog API or application key", M,
      &["dd_api", "dd-api", "dd_app", "dd-app", "dd_secret", "dd-secret", "datadog_api", "datadog_app"],
      r#"(?i)\b(?:dd|datadog)[_\-](?:api|app(?:lication)?|secret)[_\-]?key["']?\s*[:=\-]?\s*["']?(?P<s>[a-f0-9]{40}|[a-f0-9]{32})\b"#).check(v::token),
    // OpenWeatherMap keys are 32 characters; `owm`/`pyowm` is the client library's name for them.
    d("openweather-api-key", "OpenWeatherMap API key", M, &["owm_", "owm =", "owm=", "owm:", "owm\"", "owm'", "owmkey", "owmapi"],
      r#"(?i)\b(?:py)?owm[A-Za-z0-9_]*["']?\s*[:=]\s*["']?(?P<s>[a-z0-9]{32})\b"#).check(v::token),
    // npm's legacy (pre-2021) access tokens are UUIDs, set as `NPM_TOKEN` in CI.
    d("npm-legacy-token", "npm access token (legacy UUID format)", M, &["npm_token", "npmtoken"],
      r#"(?i)\bnpm_?token["']?\s*[:=]\s*["']?(?P<s>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b"#),
    // Android `buildConfigField "String", "API_KEY", "\"…\""`: a literal compiled into the app.
    d("android-build-config-secret", "Secret in an Android buildConfigField", M, &["buildconfigfield"],
      r#"buildConfigField\s*\(?\s*["']String["']\s*,\s*["'][A-Za-z0-9_]*(?:KEY|SECRET|TOKEN|PASSWORD|Key|Secret|Token|Password)[A-Za-z0-9_]*["']\s*,\s*["']\\?"(?P<s>[^"'\\\s]{8,})\\?""#)
        .check(v::token),
    // Printed once by a new Jenkins controller (also in `secrets/initialAdminPassword`).
    d("jenkins-initial-admin-password", "Jenkins initial admin password", M, &["password to proceed to installation"],
      r"password to proceed to installation:\s*(?P<s>[0-9a-f]{32})\b").scope(Scope::Lines(3)),
    // `os.environ.get("SECRET_KEY", "…")`, `ENV.fetch('API_TOKEN', '…')`: the fallback is a
    // literal in the source, used whenever the variable is unset.
    d("env-fallback-secret", "Hard-coded fallback for a secret environment variable", M,
      &["getenv(", "environ.get(", "env.fetch(", "env.get("],
      r#"(?i-u:getenv|environ\.get|env\.fetch|env\.get)\(\s*["'][A-Za-z0-9_.\-]*(?i-u:secret|token|passw(?:or)?d|api_?key|private_?key|access_?key|signing_?key)[A-Za-z0-9_.\-]*["']\s*,\s*["'](?P<s>[^"'\s]{8,200})["']"#)
        .check(v::env_fallback),
    // --- Formats without a vendor keyword in the token ---------------------------------
    d("maxmind-license-key", "MaxMind license key", H, &["_mmk"], r"\b[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk\b"),
    d("recaptcha-key", "reCAPTCHA key", M, &["recaptcha"], r"\b(?P<s>6L[A-Za-z0-9_\-]{38})(?:[^A-Za-z0-9_\-]|$)").scope(Scope::Lines(2)),
    d("npm-auth-token", "npm registry auth token (.npmrc _authToken / _auth)", H, &["_authtoken", "_auth"],
      r#"_auth(?:Token)?["']?\s*[:=]\s*["']?(?P<s>[A-Za-z0-9+/=_.\-]{20,})"#).check(v::token_or_uuid),
    d("salesforce-session-token", "Salesforce access / session token", H, &["00d"], r"\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9_.]{80,}"),
    d("amplitude-api-key", "Amplitude API key", M, &["amplitude"], r#"amplitude[0-9A-Za-z_.()]*?\.init\(\s*["'](?P<s>[a-f0-9]{32})["']"#),
    d("cypress-record-key", "Cypress record key", M, &["--record"], r"--record\b.*?--key[= ]\s*(?P<s>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b"),
    d("vault-unseal-key", "HashiCorp Vault unseal key", H, &["operator unseal"], r"vault\s+operator\s+unseal\s+(?:-\S+\s+)*(?P<s>[A-Za-z0-9+/]{43,44}={0,2})"),
    d("kubernetes-bootstrap-token", "Kubernetes bootstrap token", H, &["bootstrap-token"], r"bootstrap-token[= ]\s*(?P<s>[a-z0-9]{6}\.[a-z0-9]{16})\b"),
    d("kubernetes-bootstrap-token-secret", "Kubernetes bootstrap token secret", H, &["token-secret"], r#"\btoken-secret:\s*["']?(?P<s>[a-z0-9]{16})\b"#),
    d("gradle-credentials-password", "Password in a Gradle credentials block", M, &["credentials"],
      r#"credentials\s*\{[^}]*?\bpassword\s*=?\s*["'](?P<s>[^"'\s$]+)["']"#).scope(Scope::Block(2048)).check(v::not_reference),
    d("react-app-username", "User name in a React app environment variable", I, &["react_app_"],
      r"REACT_APP_[A-Z0-9_]*?USER(?:NAME)?\s*=\s*(?P<s>[^\s#'\x22]+)").check(v::not_reference),
    d("react-app-password", "Password in a React app environment variable", M, &["react_app_"],
      r"REACT_APP_[A-Z0-9_]*?PASS(?:WORD)?\s*=\s*(?P<s>[^\s#'\x22]+)").check(v::not_reference),
    // --- AI providers ---------------------------------------------------------------
    d("openai-api-key", "OpenAI API key", H, &["t3blbkfj"], r"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{16,}T3BlbkFJ[A-Za-z0-9_\-]{16,}"),
    d("openai-project-key", "OpenAI project/service account key", H, &["sk-proj-", "sk-svcacct-", "sk-admin-"],
      r"\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{40,}"),
    d("anthropic-api-key", "Anthropic API key", H, &["sk-ant-"], r"\bsk-ant-(?:api|admin)\d{2,3}-[A-Za-z0-9_\-]{80,}"),
    d("sk-prefixed-api-key", "API key with sk- prefix (OpenAI-compatible providers)", M, &["sk-"],
      r"\bsk-[A-Za-z0-9]{32,}\b").check(v::token),
    d("huggingface-token", "Hugging Face access token", H, &["hf_", "api_org_"], r"\b(?:hf|api_org)_[A-Za-z0-9]{30,40}\b").check(v::mixed),
    d("groq-api-key", "Groq API key", H, &["gsk_"], r"\bgsk_[A-Za-z0-9]{48,52}\b"),
    d("xai-api-key", "xAI API key", H, &["xai-"], r"\bxai-[A-Za-z0-9_]{70,90}\b"),
    d("tavily-api-key", "Tavily API key", H, &["tvly-"], r"\btvly-[A-Za-z0-9\-]{24,}"),
    d("cerebras-api-key", "Cerebras API key", H, &["csk-"], r"\bcsk-[a-z0-9]{48}\b"),
    d("fireworks-api-key", "Fireworks.ai API key", H, &["fw_"], r"\bfw_[A-Za-z0-9]{20,}\b").check(v::mixed),
    d("together-api-key", "Together.ai API key", H, &["tgp_v1_"], r"\btgp_v1_[A-Za-z0-9_\-]{40,}"),
    d("friendli-token", "Friendli.ai token", H, &["flp_"], r"\bflp_[A-Za-z0-9]{40,}\b"),
    d("replicate-token", "Replicate API token", H, &["r8_"], r"\br8_[A-Za-z0-9]{37}\b"),
    d("perplexity-api-key", "Perplexity API key", H, &["pplx-"], r"\bpplx-[A-Za-z0-9]{40,}\b"),
    d("elevenlabs-api-key", "ElevenLabs API key", H, &["sk_"], r"\bsk_[a-f0-9]{48}\b"),
    d("voyage-api-key", "Voyage AI API key", M, &["pa-"], r"\bpa-[A-Za-z0-9_\-]{40,}").check(v::mixed),
    d("cursor-api-key", "Cursor API key", M, &["key_"], r"\bkey_[a-f0-9]{64}\b"),
    // `key_` + a long lowercase hex/alnum body (Runway, Retell and others).
    d("key-prefixed-api-key", "API key with key_ prefix", M, &["key_"], r"\bkey_[a-z0-9]{28,128}\b").check(v::mixed),
    d("mapbox-secret-token", "Mapbox secret/temporary token", H, &["sk.eyj", "tk.eyj"], r"\b[st]k\.eyJ[A-Za-z0-9_\-]{50,}\.[A-Za-z0-9_\-]{20,}"),
    // --- More SaaS token formats (prefixes from the providers' documentation) ---------
    d("adafruit-io-key", "Adafruit IO key", H, &["aio_"], r"\baio_[A-Za-z0-9]{28}\b").check(v::mixed),
    d("notion-token", "Notion integration token", H, &["ntn_"], r"\bntn_[A-Za-z0-9]{46}\b").check(v::mixed),
    d("notion-legacy-token", "Notion integration token (legacy)", M, &["secret_"],
      r"\bsecret_[A-Za-z0-9]{43}\b").check(v::mixed),
    d("nvidia-api-key", "NVIDIA API key", H, &["nvapi-"], r"\bnvapi-[A-Za-z0-9_\-]{64}\b"),
    d("scalingo-token", "Scalingo API token", H, &["tk-us-"], r"\btk-us-[A-Za-z0-9_\-]{48}\b"),
    d("shippo-token", "Shippo API token", H, &["shippo_live_", "shippo_test_"], r"\bshippo_(?:live|test)_[a-f0-9]{40}\b"),
    d("voiceflow-api-key", "Voiceflow API key", H, &["vf.dm.", "vf.ws."], r"\bVF\.(?:DM|WS)\.[a-f0-9]{24}\.[A-Za-z0-9]{16}\b"),
    d("tines-webhook", "Tines webhook URL", M, &["tines.com/webhook/"],
      r"\b[a-z0-9\-]+\.tines\.com/webhook/[a-f0-9]{32}/[a-f0-9]{32}\b"),
    d("telegram-apprise-url", "Telegram bot token in an Apprise URL", H, &["tgram://"],
      r"tgram://(?P<s>\d{8,10}:[A-Za-z0-9_\-]{30,40})"),
    d("fullstory-api-key", "FullStory API key", H, &["na1."], r"\bna1\.[A-Za-z0-9+/]{90,}={0,2}").check(v::token),
    d("yandex-predictor-key", "Yandex Predictor API key", H, &["pdct.1.1."],
      r"\bpdct\.1\.1\.\d{8}T\d{6}Z\.[a-f0-9]{16}\.[a-f0-9]{40}\b"),
    d("lob-api-key", "Lob API key", M, &["lob"], r"\b(?:live|test)_(?:pub_[a-f0-9]{31}|[a-f0-9]{35})\b"),
    d("codeclimate-reporter-id", "Code Climate test reporter ID", M, &["cc_test_reporter_id"],
      r#"(?i)CC_TEST_REPORTER_ID["']?\s*[:=]\s*["']?(?P<s>[a-f0-9]{64})\b"#),
    // App-only bearer tokens open with a run of `A`s (a zero-filled binary prefix).
    d("twitter-bearer-token", "Twitter/X app bearer token", H, &["aaaaaaaaaaaaaaaaaaaa"],
      r"\bA{20,22}[A-Za-z0-9%]{30,}").check(v::mixed),
    d("twitter-access-token", "Twitter/X user access token", M, &["twitter", "x_api"],
      r"\b\d{15,20}-[A-Za-z0-9]{25,40}\b").check(v::mixed),
    // Postmark server and account tokens are UUIDs: only the product name says so.
    d("postmark-token", "Postmark server/account token", M, &["postmark"],
      r#"(?i)postmark[A-Za-z0-9_.\-]*["']?\s*[:=]\s*["']?(?P<s>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b"#)
        .check(v::token_or_uuid),
    d("beamer-api-key", "Beamer API key", M, &["beamer"],
      r#"(?i)beamer[A-Za-z0-9_.\-]*["']?\s*[:=]?\s*["']?(?P<s>b_[A-Za-z0-9+/=_\-]{40,48})"#).check(v::token),
    // Django's generated keys: 50 characters from `[a-z0-9!@#$%^&*(-_=+)]`.
    d("django-secret-key", "Django SECRET_KEY", M, &["secret_key"],
      r#"SECRET_KEY["']?\s*(?:=|,|:)\s*["'](?P<s>(?:django-insecure-)?[a-z0-9!@#$%^&*(\-_=+)]{50})["']"#).check(v::django_key),
    // --- Private keys ---------------------------------------------------------------
    d("private-key", "Private key (PEM block)", H, &["private key"],
      r"-----BEGIN[ A-Z0-9]{0,30}PRIVATE KEY(?: BLOCK)?-----(?P<s>(?s:.*?))(?:-----END|\z)")
        .scope(Scope::Block(65536)).check(v::pem_body),
    d("private-key-base64", "Private key (base64-encoded PEM)", H, &["ls0tls1crudjtib"],
      r"LS0tLS1CRUdJTi[A-Za-z0-9+/]{20,}={0,2}").check(v::b64_private_key),
    d("putty-private-key", "PuTTY private key", H, &["putty-user-key-file"],
      r"PuTTY-User-Key-File-\d+:(?s:.*?)Private-Lines:\s*\d+\s*(?P<s>[A-Za-z0-9+/=\r\n]{40,})").scope(Scope::Block(16384)),
    d("age-secret-key", "age secret key", H, &["age-secret-key-1"], r"AGE-SECRET-KEY-1[0-9A-Z]{58}"),
    d("wireguard-private-key", "WireGuard private or preshared key", H, &["privatekey", "presharedkey"],
      r"(?i)\b(?:PrivateKey|PresharedKey)\s*=\s*(?P<s>[A-Za-z0-9+/]{42,43}=)"),
    // --- Tokens in transport ------------------------------------------------------------
    d("jwt", "JSON Web Token", M, &["eyj"], r"\beyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}").check(v::jwt),
    d("http-basic-auth", "HTTP Basic credentials", M, &["basic"], r"(?i)\bBasic\s+(?P<s>[A-Za-z0-9+/]{8,}={0,2})").check(v::basic_auth),
    d("http-bearer-token", "HTTP bearer token", M, &["bearer"], r"(?i)\bBearer:?\s+(?P<s>[A-Za-z0-9\-._~+/]{16,}=*)").check(v::token),
    d("http-authorization-token", "HTTP authorization token", M, &["authorization"],
      r#"(?i)Authorization["']?\s*[:=]\s*["']?(?:Token|token|SSWS)\s+(?P<s>[A-Za-z0-9\-._~+/]{16,}=*)"#).check(v::token),
    d("curl-basic-auth", "Credentials in curl -u/--user", M, &["curl"],
      r#"\s(?:-u|--user)\s*["']?(?P<s>[^\s"':]+:[^\s"']+)"#).scope(Scope::Lines(2)).check(v::user_pass),
    // --- Connection strings and URLs ----------------------------------------------
    // User and password runs are unbounded (`+`, length checked in `url_password`): bounded
    // repeats of these Unicode classes took ~8 ms to compile, most of a small scan's secrets pass.
    d("connection-string-password", "Password in a database/broker connection URI", H, &["://"],
      r#"(?i)\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|clickhouse|couchdb|neo4j(?:\+s)?|cassandra|cockroachdb|db2|sybase|ldaps?|smtps?)://[^\s:/@"'<>\[\]{}]*:(?P<s>[^\s/@"'<>]+)@[A-Za-z0-9_\-]"#)
        .check(v::url_password).line_check(v::url_password_in_context),
    d("url-credentials", "Credentials embedded in a URL", M, &["://"],
      r#"\b[a-zA-Z][a-zA-Z0-9+.\-]{1,20}://[^\s:/@"'<>\[\]{}]+:(?P<s>[^\s/@"'<>]+)@[A-Za-z0-9_\-]"#)
        .check(v::url_password).line_check(v::url_password_in_context),
    d("jdbc-password", "Password in a JDBC URL", H, &["jdbc:"],
      r#"jdbc:[a-z0-9]+:[^\s"'<>]*?[?&;](?:password|pwd)=(?P<s>[^&;\s"'<>]+)"#).check(v::conn_password),
    d("odbc-connection-password", "Password in an ADO.NET/ODBC connection string", H, &["password", "pwd"],
      r#"(?i)(?:^|[;"'\s])(?:server|host|data source|address|addr|network address|uid|user id|userid|user|username|database|initial catalog|dsn|driver|provider)\s*=\s*[^;\r\n]+;(?:[^;\r\n]*;)*?[\s"'&+]*(?:password|pwd)\s*=\s*(?P<s>"[^"\r\n]*"|'[^'\r\n]*'|\{(?:[^}\r\n]|\}\})*\}|[^;\r\n"'{\s][^;\r\n]*)"#)
        .check(v::conn_password),
    d("netrc-password", "Password in a .netrc entry", M, &["machine"],
      r"machine\s+\S+\s+login\s+\S+\s+password\s+(?P<s>\S+)").scope(Scope::Lines(3)).check(v::password_literal),
    d("psexec-password", "Password passed to PsExec", M, &["psexec"],
      r#"(?i)psexec(?:\.exe)?\b.*?\s-p\s+(?P<s>[^\s"]+)"#).check(v::password_literal),
    d("powercli-password", "Password passed to Connect-VIServer", M, &["connect-viserver"],
      r#"(?i)connect-viserver\b.*?-password\s+(?P<s>"[^"]+"|'[^']+'|[^\s]+)"#).check(v::password_literal),
    d("dotnet-network-credential", "Password in System.Net.NetworkCredential", M, &["networkcredential"],
      r#"NetworkCredential\(\s*"[^"]*"\s*,\s*"(?P<s>[^"]+)""#).check(v::password_literal),
    d("dotnet-directory-entry", "Password in DirectoryServices.DirectoryEntry", M, &["directoryentry"],
      r#"DirectoryEntry\(\s*"[^"]*"\s*,\s*"[^"]*"\s*,\s*"(?P<s>[^"]+)""#).scope(Scope::Lines(3)).check(v::password_literal),
    // Prose: `the default password is 'hunter22'`, `the password for user "bob" is "…"`.
    d("prose-password", "Password stated in prose", M, &["password is", "password for"],
      r#"(?i)\bpassword\s+(?:for\s+(?:the\s+)?(?:user\s+)?["']?[A-Za-z0-9_.\-]+["']?\s+)?is:?\s+["'](?P<s>[!#-&(-~]{4,64})["']"#)
        .check(v::prose_password),
    d("filezilla-password", "FileZilla stored password", M, &["<pass"],
      r#"<Pass(?: encoding="base64")?>(?P<s>[^<]+)</Pass>"#).check(v::password_literal),
    d("password-hash", "Password hash (crypt / Kerberos)", L, &["$2a$", "$2b$", "$2y$", "$1$", "$5$", "$6$", "$8$", "$9$", "$krb5"],
      r"\$(?:2[aby]\$\d{2}\$[./A-Za-z0-9]{53}|1\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}|5\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43}|6\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{86}|[89]\$[./A-Za-z0-9]{14}\$[./A-Za-z0-9]{43}|krb5(?:asrep|tgs)\$\d+\$[^\s]{32,})"),
    // --- Sensitive identifiers (confidence info: facts, not reported by default) -----
    d("aws-arn", "AWS resource name (ARN)", I, &["arn:aws"],
      r"\barn:aws[a-z\-]*:[a-z0-9\-]+:[a-z0-9\-]*:(?:\d{12})?:[A-Za-z0-9_/+=,.@:*{}$\-]+"),
    d("aws-account-id", "AWS account ID", I, &["account"],
      r#"(?i)account[_\-\s]?id["']?\s*(?:[:=]|=>)\s*["']?(?P<s>[0-9]{12})\b"#),
    d("cloud-bucket-host", "Cloud storage bucket name in a URL or host", I, &["amazonaws.com", "storage.googleapis.com", "storage.cloud.google.com"],
      r"(?i-u)\b(?:[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]\.s3(?:[.\-][a-z0-9\-]+)?\.amazonaws\.com|s3(?:[.\-][a-z0-9\-]+)?\.amazonaws\.com/[a-z0-9][a-z0-9.\-_]{2,62}|[a-z0-9][a-z0-9.\-_]{1,61}[a-z0-9]\.storage\.googleapis\.com|storage\.(?:googleapis|cloud\.google)\.com/[a-z0-9][a-z0-9.\-_]{2,62})"),
    d("saas-tenant-host", "SaaS tenant host name (Okta, Atlassian, JFrog, Azure, ...)", I,
      &["okta.com", "oktapreview.com", "jfrog.io", "atlassian.net", "freshdesk.com", "openai.azure.com", "azuredatabricks.net",
        "cloud.databricks.com", "myshopify.com", "salesforce.com", "auth0.com", "blob.core.windows.net", "search.windows.net",
        "api.riotgames.com", "dev.azure.com/", "visualstudio.com", "datadoghq.", "cognitiveservices.azure.com",
        "supabase.co", "looker.com", "nylas.com", "ddog-gov.com"],
      r"(?i)\b(?:[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:okta(?:preview)?\.com|jfrog\.io|atlassian\.net|freshdesk\.com|openai\.azure\.com|azuredatabricks\.net|cloud\.databricks\.com|myshopify\.com|(?:my\.)?salesforce\.com|(?:[a-z]{2}\.)?auth0\.com|blob\.core\.windows\.net|cognitiveservices\.azure\.com|supabase\.co|cloud\.looker\.com|(?:api\.)?[a-z]{2}\.nylas\.com|ddog-gov\.com|search\.windows\.net|api\.riotgames\.com|visualstudio\.com)|dev\.azure\.com/[A-Za-z0-9_\-]+|(?:[a-z0-9\-]+\.)*datadoghq\.(?:com|eu))\b"),
    d("gcp-service-account-email", "GCP service account e-mail", I, &["iam.gserviceaccount.com"],
      r"\b[a-z][a-z0-9\-]{4,28}[a-z0-9]@[a-z][a-z0-9\-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com\b"),
    d("age-recipient", "age public key (recipient)", I, &["age1"], r"\bage1[0-9a-z]{58}\b"),
    // Product-named identifiers: the key name says which product the id belongs to.
    d("mattermost-server-url", "Mattermost server URL", I, &["mattermost_url", "mm_url", "mm.url", "mm_host", "mm-server"],
      r#"(?i)\b(?:mattermost|mm)[_.\-](?:url|host|server)["']?\s*[:=]\s*["']?(?P<s>https?://[A-Za-z0-9.\-]+(?::\d+)?(?:/[A-Za-z0-9._\-]+)*)"#).check(v::self_hosted_url),
    d("sonarqube-server-url", "SonarQube server URL", I, &["sonar.host"],
      r#"(?i)\bsonar\.host(?:\.url)?["']?\s*[:=]\s*["']?(?P<s>https?://[A-Za-z0-9.\-]+(?::\d+)?(?:/[A-Za-z0-9._\-]+)*)"#).check(v::self_hosted_sonar),
    d("twitter-client-id", "Twitter/X OAuth client ID", I, &["twitter_client_id", "x_api_client_id"],
      r#"(?i)\b(?:twitter|x_api)_client_id["']?\s*[:=]\s*["']?(?P<s>[A-Za-z0-9_\-]{20,34})\b"#).check(v::mixed),
    d("azure-storage-account-setting", "Azure storage account name (named setting)", I, &["azure_storage_"],
      r#"(?i)\bazure_storage_(?:account_)?(?:name|account)["']?\s*[:=]\s*["']?(?P<s>[a-z0-9]{3,24})\b"#),
    d("snowflake-account-or-user", "Snowflake account identifier or user name", I, &["snowflake_"],
      r#"(?i)\bsnowflake_(?:user(?:name)?|account(?:_name|_identifier)?)["']?\s*[:=]\s*["']?(?P<s>[A-Za-z0-9][A-Za-z0-9_.\-]{2,63})"#)
        .check(v::identifier_literal),
    // MaxMind account ids are short numbers named as such (`MAXMIND_ACCOUNT_ID`, `geoip_account_number`).
    d("maxmind-account-id", "MaxMind account ID", I, &["maxmind", "geoip_account"],
      r#"(?i)\b(?:(?:maxmind|geoip)[_\-]?account[_\-]?(?:id|number)|maxmind["']?\s*:\s*\{\s*["']?account_id)["']?\s*[:=]\s*["']?(?P<s>\d{4,8})\b"#),
    d("mongodb-atlas-public-key", "MongoDB Atlas API public key (the id half)", I, &["mongodb"],
      r#"(?i)\bmongodb[_\-.]?(?:atlas[_\-.]?)?public(?:[_\-.]?(?:api[_\-.]?)?key)?["']?\s*[:=]\s*["']?(?P<s>[A-Za-z0-9]{8,10})\b"#).check(v::identifier_literal),
    d("oauth-client-id", "OAuth client ID named after its product (Looker, Spotify)", I, &["looker", "spotify"],
      r#"(?i)\b(?:looker|spotify)[_\-\s]?client[_\-]?id["']?\s*[:=]\s*["']?(?P<s>[A-Za-z0-9]{20,32})\b"#),
    // Discord application, bot and user ids are 17-19 digit snowflakes.
    d("discord-id", "Discord application or bot ID", I, &["discord"],
      r#"(?i)\bdiscord[_\-]?(?:(?:bot|client|app(?:lication)?)[_\-]?)?(?:id)?["']?\s*[:=]\s*["']?(?P<s>\d{17,19})\b"#),
    d("launchdarkly-client-id", "LaunchDarkly client-side ID", I, &["ld_client_side_id", "launchdarkly_client_id"],
      r#"(?i)(?:ld|launchdarkly)_client(?:_side)?_id["']?\s*[:=]\s*["']?(?P<s>[a-f0-9]{24})\b"#),
    d("planetscale-username", "PlanetScale database user name", I, &["pscale_user", "planetscale_id", "planetscale_user"],
      r#"(?i)(?:pscale_user|planetscale_(?:id|user))["']?\s*[:=]\s*["']?(?P<s>[a-z0-9]{12})\b"#),
    d("facebook-app-id", "Facebook app ID", I, &["fb_app_id", "facebook_app_id", "facebook_application_id"],
      r#"(?i)(?:fb|facebook)_app(?:lication)?_id["']?\s*[:=]\s*["']?(?P<s>\d{15,16})\b"#),
    d("algolia-app-id", "Algolia application ID", I, &["algolia_app_id", "algolia_application_id"],
      r#"(?i)algolia_app(?:lication)?_id["']?\s*[:=]\s*["']?(?P<s>[A-Z0-9]{10})\b"#),
    d("confluent-api-key-id", "Confluent Cloud / Kafka API key (the id half)", I, &["confluent", "kafka"],
      r"\b[A-Z0-9]{16}\b").check(v::mixed),
    d("azure-storage-account-name", "Azure storage account name", I, &["accountname="],
      r"(?i)\bAccountName=(?P<s>[a-z0-9]{3,24})(?:;|$)"),
];

/// Detectors that read a token's shape without a keyword (`mod.rs`, listed for `detectors()`).
pub(crate) const SHAPE_INFO: &[(&str, &str, Confidence)] = &[(
    "zhipu-api-key",
    "Zhipu (BigModel) API key (32-hex id, a dot, a 16-character secret)",
    M,
)];

/// Keyword-driven detectors implemented in `keyed/` (listed for `detectors()`).
pub(crate) const KEYED_INFO: &[(&str, &str, Confidence)] = &[
    (
        "generic-password",
        "Password assigned to a password-like key",
        M,
    ),
    (
        "generic-secret",
        "High-entropy value assigned to a secret/token/key-like name",
        M,
    ),
    (
        "vendor-api-key",
        "High-entropy value next to a vendor or product name",
        L,
    ),
    (
        "keyed-identifier",
        "Identifier assigned to a client/app/key id name (not a credential)",
        I,
    ),
];

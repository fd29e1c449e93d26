//! What a scan is told: limits on hostile input, rule selection and the settings rules read.

use crate::parse::yaml;
use crate::policy::{PolicyFile, Severity};
use crate::terraform::TfInputs;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

/// Bounds on what hostile input may cost. Set from `[limits]` in `gatepost.toml` and from
/// `limits` in the bindings' options (see [`Limits::set`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Larger files are reported (kind `read`) and not scanned, on disk and in memory.
    pub max_file_bytes: u64,
    /// Alias expansion and nesting depth of YAML and JSON; the depth also bounds HCL
    /// (which stops at [`crate::parse::hcl::MAX_DEPTH`] whatever it says).
    pub yaml: yaml::Limits,
    /// Wall-clock limit for each rule's evaluation.
    pub eval_time: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 16 << 20,
            yaml: yaml::Limits::default(),
            eval_time: Duration::from_secs(10),
        }
    }
}

impl Limits {
    /// The configuration keys, as `[limits]` spells them.
    pub const KEYS: &'static [&'static str] = &[
        "max_file_bytes",
        "max_alias_nodes",
        "max_depth",
        "max_eval_seconds",
    ];

    /// Set one limit from its configuration key. A limit can be lowered or raised, but
    /// not switched off: zero, negative and absurd values are refused.
    pub fn set(&mut self, key: &str, value: &Value) -> Result<(), String> {
        let whole = |max: u64| {
            value
                .as_u64()
                .filter(|n| (1..=max).contains(n))
                .ok_or_else(|| format!("expected a whole number from 1 to {max}"))
        };
        match key {
            "max_file_bytes" => self.max_file_bytes = whole(1 << 40)?,
            "max_alias_nodes" => self.yaml.max_alias_nodes = whole(1 << 32)? as usize,
            "max_depth" => self.yaml.max_depth = whole(yaml::MAX_DEPTH as u64)? as usize,
            "max_eval_seconds" => {
                let s = value
                    .as_f64()
                    .filter(|s| *s > 0.0 && *s <= 3600.0)
                    .ok_or("expected a number of seconds above 0, at most 3600")?;
                self.eval_time = Duration::from_secs_f64(s);
            }
            _ => {
                return Err(format!(
                    "unknown limit '{key}' ({})",
                    Limits::KEYS.join(", ")
                ))
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    /// Users' Rego files, evaluated beside the bundled rules.
    pub policies: Vec<PolicyFile>,
    /// Rule ids or family names not to evaluate.
    pub disabled: Vec<String>,
    /// When non-empty, only these rule ids or families are evaluated.
    pub enabled: Vec<String>,
    /// Findings below this severity are dropped.
    pub min_severity: Severity,
    pub terraform: TfInputs,
    pub limits: Limits,
    /// Settings rules read as `input.config` (ceilings, allowed types, ...), merged over
    /// [`default_config`].
    pub config: Value,
    /// Path prefixes whose secret candidates are ignored (test fixtures and the like).
    pub secret_allow_paths: Vec<String>,
    /// Allowlists, baseline and scope applied after findings are located.
    pub filters: crate::suppress::Filters,
    /// A price table to estimate with instead of the embedded one.
    pub prices: Option<Arc<crate::cost::Prices>>,
    /// Counts files parsed, for progress display.
    pub progress: Option<Arc<std::sync::atomic::AtomicUsize>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            policies: Vec::new(),
            disabled: Vec::new(),
            enabled: Vec::new(),
            min_severity: Severity::Info,
            terraform: TfInputs::default(),
            limits: Limits::default(),
            config: Value::Null,
            secret_allow_paths: Vec::new(),
            filters: Default::default(),
            prices: None,
            progress: None,
        }
    }
}

/// What rules read as `input.config` unless configured otherwise.
pub fn default_config() -> Value {
    // Burstable and shared-core sizes: what dev and preview environments may run by default.
    let small = json!([
        "t3.*",
        "t3a.*",
        "t4g.*",
        "db.t3.*",
        "db.t4g.*",
        "cache.t3.*",
        "cache.t4g.*",
        "e2-micro",
        "e2-small",
        "e2-medium",
        "db-f1-micro",
        "db-g1-small",
        "Standard_B*",
        "B_Standard_B*",
    ]);
    json!({
        "cost": {"monthly_ceiling": 50.0, "app_ceilings": {}, "approved_apps": [], "approval_tag": "cost-approved-by"},
        "quota": {"requests.cpu": "2", "limits.cpu": "4", "requests.memory": "4Gi", "limits.memory": "8Gi"},
        "workflow": {"trusted_action_owners": ["actions"]},
        "hygiene": {
            "required_tags": ["app", "owner", "env", "cost-center"],
            "tag_patterns": {},
            "expiry_tag": "expires-on",
            "max_expiry_days": 180,
            "retention_tag": "retention",
            "allowed_retention": ["ephemeral", "short", "standard", "long"],
            "env_tag": "env",
            "app_envs": {},
            "allowed_types": {
                "dev": small,
                "preview": small,
            },
            "loadbalancer_namespaces": [],
        },
        "secrets": {"report_identifiers": false},
    })
}

pub(super) fn cost_options(opts: &Options) -> crate::cost::CostOptions {
    crate::cost::CostOptions {
        default_region: opts
            .config
            .pointer("/cost/region")
            .and_then(Value::as_str)
            .map(str::to_string),
        usage: opts.config.pointer("/cost/usage").cloned(),
        prices: opts.prices.clone(),
    }
}

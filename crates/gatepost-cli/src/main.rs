//! The `gatepost` command.

use clap::{Parser, Subcommand, ValueEnum};
use gatepost::policy::{self, PolicyFile};
use gatepost::{render, Options, Report, Severity};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "gatepost",
    version,
    about = "Policy-as-code checks for micro-apps: IAM, public buckets, quotas, cost, CI workflows and secrets"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Format {
    Text,
    Json,
    Sarif,
    Github,
}

#[derive(clap::Args)]
struct ScanArgs {
    /// Files and directories to scan (directories are walked, honouring .gitignore).
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Extra directory of Rego policies (repeatable).
    #[arg(long = "policy", value_name = "DIR")]
    policies: Vec<PathBuf>,
    /// Terraform variable, as NAME=VALUE (repeatable).
    #[arg(long = "var", value_name = "NAME=VALUE")]
    vars: Vec<String>,
    /// Terraform variable file, as -var-file (repeatable; applied after terraform.tfvars).
    #[arg(long = "var-file", value_name = "FILE")]
    var_files: Vec<PathBuf>,
    /// Also read Terraform variables from TF_VAR_* environment variables.
    #[arg(long = "tf-var-env")]
    tf_var_env: bool,
    /// Rule ids or families to skip (repeatable).
    #[arg(long = "disable", value_name = "RULE")]
    disable: Vec<String>,
    /// Only evaluate these rule ids or families (repeatable).
    #[arg(long = "select", value_name = "RULE")]
    select: Vec<String>,
    /// Monthly cost ceiling per app, in USD.
    #[arg(long, value_name = "USD")]
    cost_ceiling: Option<f64>,
    /// Default cloud region for cost estimates.
    #[arg(long)]
    region: Option<String>,
}

impl ScanArgs {
    fn options(&self) -> Result<Options, String> {
        let mut opts = Options::default();
        for dir in &self.policies {
            opts.policies.extend(load_policy_dir(dir)?);
        }
        for v in &self.vars {
            let (k, val) = v
                .split_once('=')
                .ok_or_else(|| format!("--var {v}: expected NAME=VALUE"))?;
            opts.terraform.vars.push((k.to_string(), val.to_string()));
        }
        for f in &self.var_files {
            let text = std::fs::read_to_string(f)
                .map_err(|e| format!("--var-file {}: {e}", f.display()))?;
            opts.terraform
                .var_files
                .push((f.display().to_string(), text));
        }
        opts.terraform.env_vars = self.tf_var_env;
        opts.disabled = self.disable.clone();
        opts.enabled = self.select.clone();
        let mut config = serde_json::json!({});
        if let Some(c) = self.cost_ceiling {
            config["cost"]["monthly_ceiling"] = c.into();
        }
        if let Some(r) = &self.region {
            config["cost"]["region"] = r.clone().into();
        }
        opts.config = config;
        Ok(opts)
    }

    fn run(&self) -> Result<Report, String> {
        let opts = self.options()?;
        let paths: Vec<&Path> = self.paths.iter().map(PathBuf::as_path).collect();
        Ok(gatepost::scan_paths(&paths, &opts))
    }
}

#[derive(Subcommand)]
enum Command {
    /// Scan files and directories and report findings.
    Scan {
        #[command(flatten)]
        args: ScanArgs,
        /// Output format.
        #[arg(long, short, value_enum, default_value = "text")]
        format: Format,
        /// Lowest severity that makes the exit code 1.
        #[arg(long, default_value = "low", value_parser = parse_severity)]
        fail_on: Severity,
        /// Write the report to a file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Print the normalized model rules see (JSON).
    Model {
        #[command(flatten)]
        args: ScanArgs,
    },
    /// Estimate monthly cost per app.
    Cost {
        #[command(flatten)]
        args: ScanArgs,
        #[arg(long, short, value_enum, default_value = "text")]
        format: Format,
    },
    /// List the bundled rules.
    Rules {
        #[arg(long, short, value_enum, default_value = "text")]
        format: Format,
    },
    /// Explain one rule: why it matters and how to fix it.
    Explain { rule: String },
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    Severity::parse(s)
        .ok_or_else(|| format!("unknown severity '{s}' (info, low, medium, high, critical)"))
}

fn load_policy_dir(dir: &Path) -> Result<Vec<PolicyFile>, String> {
    let mut out = Vec::new();
    let walk = ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .build();
    for e in walk.flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "rego") && p.is_file() {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let path = p.to_string_lossy().to_string();
            out.push(
                policy::load(&path, &text, false)
                    .map_err(|e| format!("{}:{}: {}", e.file, e.line, e.message))?,
            );
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

fn emit(out: &Option<PathBuf>, text: &str) -> Result<(), String> {
    match out {
        Some(p) => std::fs::write(p, text).map_err(|e| format!("{}: {e}", p.display())),
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = stdout.write_all(text.as_bytes());
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("gatepost: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<u8, String> {
    match cli.command {
        Command::Scan {
            args,
            format,
            fail_on,
            output,
        } => {
            let report = args.run()?;
            let rules = rules_for(&args)?;
            let color = output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none();
            let text = match format {
                Format::Text => render::text(&report, color),
                Format::Json => report.to_json(),
                Format::Sarif => render::sarif(&report, &rules),
                Format::Github => render::github(&report),
            };
            emit(&output, &text)?;
            Ok(report.exit_code(fail_on) as u8)
        }
        Command::Model { args } => {
            let report = args.run()?;
            emit(&None, &report.model_json())?;
            Ok(if report.errors.is_empty() { 0 } else { 2 })
        }
        Command::Cost { args, format } => {
            let report = args.run()?;
            let text = match format {
                Format::Json => format!(
                    "{}\n",
                    serde_json::to_string_pretty(&report.costs).unwrap_or_default()
                ),
                _ => cost_table(&report.costs),
            };
            emit(&None, &text)?;
            Ok(if report.errors.is_empty() { 0 } else { 2 })
        }
        Command::Rules { format } => {
            let rules = policy::bundled_rules();
            let text = match format {
                Format::Json => format!(
                    "{}\n",
                    serde_json::to_string_pretty(&rules).unwrap_or_default()
                ),
                _ => {
                    let mut s = format!(
                        "{:<34} {:<9} {:<9} {}\n",
                        "RULE", "FAMILY", "SEVERITY", "TITLE"
                    );
                    for r in &rules {
                        s.push_str(&format!(
                            "{:<34} {:<9} {:<9} {}\n",
                            r.id,
                            r.family,
                            r.severity.as_str(),
                            r.title
                        ));
                    }
                    s
                }
            };
            emit(&None, &text)?;
            Ok(0)
        }
        Command::Explain { rule } => {
            let r = policy::bundled_rules()
                .into_iter()
                .find(|r| r.id == rule)
                .ok_or_else(|| format!("no rule named '{rule}' (see `gatepost rules`)"))?;
            let mut s = format!(
                "{} ({}, {})\n{}\n\n",
                r.id,
                r.family,
                r.severity.as_str(),
                r.title
            );
            s.push_str(&format!(
                "Why:\n  {}\n\nFix:\n  {}\n",
                r.description.replace('\n', "\n  "),
                r.fix
            ));
            if !r.references.is_empty() {
                s.push_str(&format!("\nReferences:\n  {}\n", r.references.join("\n  ")));
            }
            emit(&None, &s)?;
            Ok(0)
        }
    }
}

fn rules_for(args: &ScanArgs) -> Result<Vec<policy::Rule>, String> {
    let mut rules = policy::bundled_rules();
    for dir in &args.policies {
        rules.extend(load_policy_dir(dir)?.into_iter().filter_map(|p| p.rule));
    }
    Ok(rules)
}

fn cost_table(costs: &serde_json::Value) -> String {
    let mut s = String::new();
    let empty = vec![];
    for app in costs
        .get("apps")
        .and_then(|a| a.as_array())
        .unwrap_or(&empty)
    {
        let bound = if app["lower_bound"].as_bool() == Some(true) {
            " (at least)"
        } else {
            ""
        };
        s.push_str(&format!(
            "app {}: ${:.2}/month{bound}\n",
            app["app"].as_str().unwrap_or("?"),
            app["monthly"].as_f64().unwrap_or(0.0)
        ));
        s.push_str(&format!(
            "  {:<44} {:<28} {:>10} {:>12} {:>10}\n",
            "resource", "line item", "quantity", "unit price", "monthly"
        ));
        for item in app["items"].as_array().unwrap_or(&empty) {
            for li in item["line_items"].as_array().unwrap_or(&empty) {
                s.push_str(&format!(
                    "  {:<44} {:<28} {:>10} {:>12} {:>10}\n",
                    item["address"].as_str().unwrap_or(""),
                    li["name"].as_str().unwrap_or(""),
                    format!("{} {}", li["quantity"], li["unit"].as_str().unwrap_or("")),
                    format!("${:.4}", li["unit_price"].as_f64().unwrap_or(0.0)),
                    format!("${:.2}", li["monthly"].as_f64().unwrap_or(0.0)),
                ));
            }
        }
        for np in app["not_priced"].as_array().unwrap_or(&empty) {
            s.push_str(&format!(
                "  not priced: {} ({})\n",
                np["address"].as_str().unwrap_or(""),
                np["reason"].as_str().unwrap_or("")
            ));
        }
    }
    if s.is_empty() {
        s.push_str("no priced resources found\n");
    }
    s
}

//! The `gatepost` command.

mod context;
mod cost_table;
mod policy_tests;
mod progress;

use clap::{Parser, Subcommand, ValueEnum};
use gatepost::config::{self, Config};
use gatepost::policy::{self, PolicyFile};
use gatepost::{render, Options, Report, Severity};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

// A short scan is allocation-bound (Rego parsing and evaluation): mimalloc cuts its cold start.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option: its index in `mi_option_e` (mimalloc.h); a test checks
/// that it reads the bundled mimalloc's default.
const MI_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// mimalloc hands freed memory back to the OS a moment after it is freed. A large scan frees
/// and allocates in waves (the parse, then the rules' input), so the kernel zeroes the same
/// memory again and again: 4 s of system time on a 50,000-resource monorepo, where the whole
/// scan takes 7. The CLI is a short-lived process: it keeps what it freed until it exits
/// (peak RSS +10% on that corpus). Library users keep mimalloc's defaults.
fn keep_freed_memory() {
    // SAFETY: sets a plain integer option; mimalloc reads options atomically.
    unsafe { libmimalloc_sys::mi_option_set(MI_PURGE_DELAY, -1) };
}

#[derive(Parser)]
#[command(
    name = "gatepost",
    version,
    about = "Policy-as-code checks for micro-apps: IAM, public buckets, quotas, cost, CI workflows and secrets"
)]
struct Cli {
    /// Worker threads (default: one per core).
    #[arg(
        long,
        short = 'j',
        global = true,
        value_name = "N",
        default_value_t = 0
    )]
    jobs: usize,
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

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum RulesFormat {
    Text,
    Json,
    Markdown,
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
    /// Price table file written by `gatepost prices update`, used for cost estimates
    /// instead of the bundled table [default: cost.prices in the configuration file].
    #[arg(long, value_name = "FILE")]
    prices: Option<PathBuf>,
    /// Date expiry tags are judged against, YYYY-MM-DD [default: hygiene.today in the
    /// configuration file, else today (UTC)].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    today: Option<String>,
    /// Configuration file (default: the nearest gatepost.toml or pyproject.toml with
    /// [tool.gatepost], walking up from the first path).
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore configuration files.
    #[arg(long)]
    no_config: bool,
    /// Report only findings whose fingerprints are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Also report gatepost:ignore comments that suppress nothing.
    #[arg(long)]
    report_unused_ignores: bool,
    /// Never draw a progress bar.
    #[arg(long)]
    no_progress: bool,
}

impl ScanArgs {
    /// The configuration file that applies, if any.
    fn config(&self) -> Result<Option<Config>, String> {
        if self.no_config {
            return Ok(None);
        }
        let found = match &self.config {
            Some(p) => Some(config::read(p)),
            None => config::load(self.paths.first().map_or(Path::new("."), |p| p)).transpose(),
        };
        found.transpose().map_err(|e| e.to_string())
    }

    fn options(&self, cfg: Option<&Config>) -> Result<Options, String> {
        let mut opts = Options::default();
        let dirs = cfg.map(|c| c.policies.clone()).unwrap_or_default();
        for dir in dirs.iter().chain(&self.policies) {
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
        if let Some(d) = &self.today {
            config["today"] = d.clone().into();
        }
        opts.config = config;
        let prices = self
            .prices
            .clone()
            .or_else(|| cfg.and_then(|c| c.prices.clone()));
        if let Some(p) = prices {
            let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            let table = gatepost::cost::Prices::parse(&text)
                .map_err(|e| format!("{}: {e}", p.display()))?;
            opts.prices = Some(std::sync::Arc::new(table));
        }
        if let Some(c) = cfg {
            let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
            c.apply(&mut opts, &cwd);
        }
        if let Some(b) = &self.baseline {
            let text = std::fs::read_to_string(b).map_err(|e| format!("{}: {e}", b.display()))?;
            opts.filters.baseline =
                gatepost::baseline::read(&text).map_err(|e| format!("{}: {e}", b.display()))?;
        }
        opts.filters.report_unused = self.report_unused_ignores;
        Ok(opts)
    }

    fn run(&self) -> Result<Report, String> {
        let cfg = self.config()?;
        self.run_with(cfg.as_ref())
    }

    /// The normalized model only: no rules, no cost.
    fn model(&self) -> Result<Report, String> {
        let cfg = self.config()?;
        self.run_inner(cfg.as_ref(), gatepost::scan::model_sources)
    }

    /// Discover, scan and report. Explicit files bring their module's and app's other
    /// files along as context; only the paths given are reported on.
    fn run_with(&self, cfg: Option<&Config>) -> Result<Report, String> {
        self.run_inner(cfg, gatepost::scan_sources)
    }

    fn run_inner(
        &self,
        cfg: Option<&Config>,
        scan: fn(Vec<gatepost::SourceFile>, &gatepost::Options) -> Report,
    ) -> Result<Report, String> {
        let mut opts = self.options(cfg)?;
        let files: Vec<PathBuf> = self.paths.iter().filter(|p| p.is_file()).cloned().collect();
        let mut roots = self.paths.clone();
        if !files.is_empty() {
            roots.extend(context::neighbours(&files));
            let given = self.paths.iter().map(|p| {
                let s = p.to_string_lossy().replace('\\', "/");
                s.strip_prefix("./").map(str::to_string).unwrap_or(s)
            });
            opts.filters.only_paths = Some(given.collect());
        }
        let roots: Vec<&Path> = roots.iter().map(PathBuf::as_path).collect();
        let found = gatepost::scan::discover_paths(&roots, &opts);
        let bar =
            progress::Progress::start(found.files.len(), !self.no_progress && progress::wanted());
        opts.progress = Some(bar.counter.clone());
        let report = gatepost::scan::scan_discovered(found, &opts, scan);
        bar.finish();
        Ok(report)
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
        /// Lowest severity that makes the exit code 1 [default: low, or fail_on in the
        /// configuration file].
        #[arg(long, value_parser = parse_severity)]
        fail_on: Option<Severity>,
        /// Write the report to a file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Run as a pre-commit hook: plain text, a hint on how to suppress or baseline.
        #[arg(long)]
        pre_commit: bool,
    },
    /// Record or use a baseline of accepted findings.
    Baseline {
        #[command(subcommand)]
        action: BaselineAction,
    },
    /// Write a commented default gatepost.toml.
    Init {
        /// Where to write it.
        #[arg(default_value = "gatepost.toml")]
        path: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Run the Rego unit tests (`test_*` rules in `*_test.rego`) of the bundled policies,
    /// or of the given directories.
    Test {
        dirs: Vec<PathBuf>,
        /// List passing tests too.
        #[arg(long, short)]
        verbose: bool,
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
    /// Manage the price table cost estimates use.
    Prices {
        #[command(subcommand)]
        action: PricesAction,
    },
    /// List the bundled rules (`--format markdown` is docs/rules.md).
    Rules {
        #[arg(long, short, value_enum, default_value = "text")]
        format: RulesFormat,
        /// Write to a file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Explain one rule: why it matters and how to fix it.
    Explain { rule: String },
}

#[derive(Subcommand)]
enum BaselineAction {
    /// Scan and record every current finding in FILE.
    Write {
        file: PathBuf,
        #[command(flatten)]
        args: ScanArgs,
    },
}

#[derive(Subcommand)]
enum PricesAction {
    /// Rebuild the price table from providers' public bulk price files, offline: AWS Price
    /// List offer files (index.json), Cloud Billing Catalog SKU pages, Azure Retail Prices
    /// pages. Their rows replace the bundled ones; all other rows are kept.
    Update {
        /// Bulk price files (repeatable).
        #[arg(long = "from", value_name = "FILE", required = true, num_args = 1..)]
        from: Vec<PathBuf>,
        /// Where to write the table [default: standard output].
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    Severity::parse(s)
        .ok_or_else(|| format!("unknown severity '{s}' (info, low, medium, high, critical)"))
}

fn parse_date(s: &str) -> Result<String, String> {
    if config::is_date(s) {
        Ok(s.to_string())
    } else {
        Err(format!("'{s}' is not a date such as 2026-01-31"))
    }
}

pub(crate) fn load_policy_dir(dir: &Path) -> Result<Vec<PolicyFile>, String> {
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

pub(crate) fn emit(out: &Option<PathBuf>, text: &str) -> Result<(), String> {
    emit_with(out, |w| w.write_all(text.as_bytes()))
}

/// Write to the `--output` file, or to stdout, through a buffer as `write` renders.
fn emit_with(
    out: &Option<PathBuf>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    const BUFFER: usize = 1 << 16;
    match out {
        Some(p) => {
            let failed = |e: std::io::Error| format!("{}: {e}", p.display());
            let mut w = std::io::BufWriter::with_capacity(
                BUFFER,
                std::fs::File::create(p).map_err(failed)?,
            );
            write(&mut w).and_then(|_| w.flush()).map_err(failed)
        }
        None => {
            let mut w = std::io::BufWriter::with_capacity(BUFFER, std::io::stdout().lock());
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = write(&mut w).and_then(|_| w.flush());
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    keep_freed_memory();
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
    gatepost::par::set_threads(cli.jobs)?;
    match cli.command {
        Command::Scan {
            args,
            format,
            fail_on,
            output,
            pre_commit,
        } => {
            let cfg = args.config()?;
            let fail_on = fail_on
                .or(cfg.as_ref().and_then(|c| c.fail_on))
                .unwrap_or(Severity::Low);
            let report = args.run_with(cfg.as_ref())?;
            let mut rules = rules_for(&args)?;
            rules.extend(gatepost::suppress::native_rules());
            let color = output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none();
            match format {
                Format::Text => emit(&output, &render::text(&report, color))?,
                Format::Json => emit_with(&output, |w| report.write_json(w))?,
                Format::Sarif => emit(&output, &render::sarif(&report, &rules))?,
                Format::Github => emit(&output, &render::github(&report))?,
            }
            let code = report.exit_code(fail_on) as u8;
            // The process ends next: freeing a large report (every resource with its spans)
            // would only delay the exit.
            std::mem::forget(report);
            if pre_commit && code == 1 {
                eprintln!(
                    "gatepost: commit refused. Fix the findings above, or accept one with a \
                     `# gatepost:ignore[RULE] reason` comment on its line."
                );
            }
            Ok(code)
        }
        Command::Baseline {
            action: BaselineAction::Write { file, args },
        } => {
            if args.baseline.is_some() {
                return Err("baseline write records every finding; drop --baseline".into());
            }
            let report = args.run()?;
            emit(&Some(file.clone()), &gatepost::baseline::write(&report))?;
            eprintln!(
                "gatepost: recorded {} findings in {}",
                report.findings.len(),
                file.display()
            );
            Ok(if report.errors.is_empty() { 0 } else { 2 })
        }
        Command::Init { path, force } => {
            if path.exists() && !force {
                return Err(format!(
                    "{} exists (use --force to overwrite)",
                    path.display()
                ));
            }
            emit(&Some(path.clone()), config::DEFAULT_TOML)?;
            eprintln!("gatepost: wrote {}", path.display());
            Ok(0)
        }
        Command::Test { dirs, verbose } => policy_tests::run(&dirs, verbose),
        Command::Model { args } => {
            let report = args.model()?;
            emit(&None, &report.model_json())?;
            let code = if report.errors.is_empty() { 0 } else { 2 };
            // As for `scan`: the process ends next.
            std::mem::forget(report);
            Ok(code)
        }
        Command::Cost { args, format } => {
            let report = args.run()?;
            let text = match format {
                Format::Json => format!(
                    "{}\n",
                    serde_json::to_string_pretty(&report.costs).unwrap_or_default()
                ),
                _ => cost_table::render(&report.costs),
            };
            emit(&None, &text)?;
            Ok(if report.errors.is_empty() { 0 } else { 2 })
        }
        Command::Prices {
            action: PricesAction::Update { from, output },
        } => {
            let mut inputs = Vec::new();
            for f in &from {
                let text =
                    std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
                inputs.push((f.display().to_string(), text));
            }
            let table = gatepost::cost::rebuild_price_table(&inputs)?;
            let rows = gatepost::cost::Prices::parse(&table)?.len();
            emit(&output, &table)?;
            if let Some(p) = &output {
                eprintln!(
                    "gatepost: wrote {rows} price points to {} (use it with --prices {0})",
                    p.display()
                );
            }
            Ok(0)
        }
        Command::Rules { format, output } => {
            let rules = render::all_rules();
            let text = match format {
                RulesFormat::Markdown => render::rules_markdown(&rules),
                RulesFormat::Json => format!(
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
            emit(&output, &text)?;
            Ok(0)
        }
        Command::Explain { rule } => {
            let r = render::all_rules()
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

#[cfg(test)]
mod allocator_tests {
    /// The option index is mimalloc's own enum order: reading it must give the default purge
    /// delay of the bundled mimalloc (1000 ms in its `options.c`), not another option's value.
    #[test]
    fn purge_delay_is_the_option_set() {
        // SAFETY: reads a plain integer option.
        let v = unsafe { libmimalloc_sys::mi_option_get(super::MI_PURGE_DELAY) };
        assert_eq!(v, 1000);
    }
}

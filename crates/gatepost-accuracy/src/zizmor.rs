//! `gatepost-accuracy zizmor`: compares gatepost's workflow findings with zizmor's labelled
//! findings on zizmor's own integration-test workflows (`/work/shared/corpus/zizmor-workflows`,
//! see its NOTICE.md and manifest.json).
//!
//! The reference is `measured_zizmor_1_32_0.<persona>` of the manifest: zizmor 1.32.0 run
//! offline with no configuration on each file alone. The default persona is `auditor`, the
//! complete set zizmor reports at every confidence; gatepost reports the same places and
//! grades them by severity instead of hiding the less certain ones.
//!
//! For each shared audit it prints the share of zizmor's findings that a gatepost finding of
//! the mapped rules hits on the same file and line, and the share of gatepost's findings that
//! land on files zizmor labels clean for that audit. Places where we disagree on purpose
//! are listed in [`DIFFERENCES`] with the reason, printed, and left out of both figures.
//! Every file under `invalid/` must give a located error.

use gatepost::{scan_sources, Options, Report, SourceFile};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const DEFAULT_CORPUS: &str = "/work/shared/corpus/zizmor-workflows";
/// Matched share at least this, per audit.
const BAR_MATCHED: f64 = 95.0;
/// Extra share at most this, per audit.
const BAR_EXTRA: f64 = 5.0;

/// zizmor audit -> the gatepost rules that report the same problem.
const AUDITS: &[(&str, &[&str])] = &[
    ("unpinned-uses", &["gha-unpinned-action"]),
    ("unpinned-images", &["gha-unpinned-image"]),
    (
        "template-injection",
        &["gha-template-injection", "gha-expression-in-script"],
    ),
    (
        "excessive-permissions",
        &[
            "gha-permissions-write-all",
            "gha-broad-permissions",
            "gha-default-permissions",
            "gha-privileged-trigger-token",
        ],
    ),
    (
        "undocumented-permissions",
        &["gha-undocumented-permissions"],
    ),
    ("dangerous-triggers", &["gha-dangerous-trigger"]),
    ("artipacked", &["gha-checkout-persist-credentials"]),
    ("secrets-inherit", &["gha-secrets-inherit"]),
    ("insecure-commands", &["gha-insecure-commands"]),
    ("github-env", &["gha-github-env"]),
    ("self-hosted-runner", &["gha-self-hosted-runner"]),
    (
        "hardcoded-container-credentials",
        &["gha-hardcoded-container-credentials"],
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// zizmor reports it and we do not.
    Missed,
    /// We report it on a file zizmor labels clean for the audit.
    Extra,
}

/// Deliberate differences: (audit, file under the corpus, line, side, reason).
const DIFFERENCES: &[(&str, &str, u32, Side, &str)] = &[
    (
        "hardcoded-container-credentials",
        "test-data/inlined-ignores.yml",
        28,
        Side::Extra,
        "zizmor's ignore comment is on the password line; we report the credentials block, two lines up, so a same-line suppression does not reach it",
    ),
    (
        "template-injection",
        "test-data/issue-612-repro/action.yml",
        27,
        Side::Extra,
        "zizmor's ignore comment is on the step's `id:` line and covers the whole step; we report the expression's own line inside the script",
    ),
    (
        "unpinned-uses",
        "test-data/unpinned-uses/issue-1543-repro.yml",
        18,
        Side::Missed,
        "`uses: |` block scalar: we report the `uses:` key (line 17), zizmor the text on the next line",
    ),
    (
        "unpinned-uses",
        "test-data/unpinned-uses/issue-433-repro.yml",
        24,
        Side::Extra,
        "`$/.github/workflows/reusable.yml@tag` is no reference form GitHub documents; we treat it as a remote workflow pinned by tag, zizmor as a local one",
    ),
];

/// gatepost settings that match zizmor's defaults, so the comparison measures rules and not
/// configuration: zizmor requires a commit pin for every action, first-party included.
fn options() -> Options {
    Options {
        config: json!({"workflow": {"trusted_action_owners": []}}),
        ..Options::default()
    }
}

struct Args {
    corpus: PathBuf,
    persona: String,
    verbose: bool,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut a = Args {
        corpus: PathBuf::from(DEFAULT_CORPUS),
        persona: "auditor".into(),
        verbose: false,
    };
    let mut it = args.iter();
    while let Some(x) = it.next() {
        match x.as_str() {
            "--corpus" => a.corpus = it.next().ok_or("--corpus needs a directory")?.into(),
            "--persona" => a.persona = it.next().ok_or("--persona needs a name")?.clone(),
            "-v" | "--verbose" => a.verbose = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(a)
}

/// The path gatepost sees: workflows must live under `.github/workflows/`, actions are
/// recognised by their file name, so corpus files are placed accordingly.
fn virtual_path(file: &str, kind: &str) -> String {
    match kind {
        "workflow" if !file.contains(".github/workflows/") => {
            format!(".github/workflows/{}", file.replace('/', "__"))
        }
        _ => file.to_string(),
    }
}

/// One corpus file scanned alone.
struct Scanned {
    report: Report,
    /// Lines carrying `zizmor: ignore[audit,...]`: zizmor drops its own findings there.
    ignored: BTreeMap<u32, Vec<String>>,
}

fn scan_one(corpus: &Path, file: &str, kind: &str) -> Result<Scanned, String> {
    let bytes = std::fs::read(corpus.join(file)).map_err(|e| format!("{file}: {e}"))?;
    let text = String::from_utf8_lossy(&bytes).to_string();
    let path = virtual_path(file, kind);
    let opts = options();
    let report = std::panic::catch_unwind(|| scan_sources(vec![SourceFile { path, bytes }], &opts))
        .map_err(|_| format!("{file}: gatepost panicked"))?;
    let mut ignored = BTreeMap::new();
    for (i, l) in text.lines().enumerate() {
        if let Some(rest) = l.split("zizmor: ignore[").nth(1) {
            let list = rest.split(']').next().unwrap_or_default();
            ignored.insert(
                i as u32 + 1,
                list.split(',').map(|s| s.trim().to_string()).collect(),
            );
        }
    }
    Ok(Scanned { report, ignored })
}

#[derive(Default)]
struct Tally {
    labels: usize,
    matched: usize,
    ours: usize,
    extra: usize,
    /// Our findings on labelled files, on lines zizmor does not label (not scored).
    elsewhere: usize,
    missed: Vec<String>,
    extras: Vec<String>,
    excused: usize,
}

pub fn run(args: &[String]) -> u8 {
    let args = match parse_args(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gatepost-accuracy zizmor: {e}");
            return 2;
        }
    };
    let manifest: Value = match std::fs::read_to_string(args.corpus.join("manifest.json"))
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(m) => m,
        Err(e) => {
            eprintln!(
                "gatepost-accuracy zizmor: cannot read {}/manifest.json: {e}",
                args.corpus.display()
            );
            return 2;
        }
    };
    let files = manifest["files"].as_array().cloned().unwrap_or_default();
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut failures = Vec::new();
    let (mut scanned, mut invalid_ok) = (0, 0);
    let mut used_differences = BTreeSet::new();
    for f in &files {
        let file = f["file"].as_str().unwrap_or_default();
        let kind = f["kind"].as_str().unwrap_or_default();
        if kind != "workflow" && kind != "action" {
            continue;
        }
        let scan = match scan_one(&args.corpus, file, kind) {
            Ok(s) => s,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        if file.contains("/invalid/") {
            continue; // checked below, whatever the manifest calls them
        }
        let labels = match f.pointer(&format!("/measured_zizmor_1_32_0/{}", args.persona)) {
            Some(Value::Array(l)) => l.clone(),
            _ => continue,
        };
        scanned += 1;
        if !scan.report.errors.is_empty() {
            for e in &scan.report.errors {
                failures.push(format!(
                    "{file}:{}:{}: unexpected error: {}",
                    e.line, e.column, e.message
                ));
            }
        }
        for (audit, rules) in AUDITS {
            let t = tallies.entry(audit).or_default();
            let ours: BTreeSet<u32> = scan
                .report
                .findings
                .iter()
                .filter(|x| rules.contains(&x.rule.as_str()))
                .map(|x| x.line)
                .filter(|l| {
                    !scan
                        .ignored
                        .get(l)
                        .is_some_and(|a| a.iter().any(|a| a == audit))
                })
                .collect();
            let theirs: Vec<u32> = labels
                .iter()
                .filter(|l| l["audit"] == *audit)
                .filter_map(|l| l["line"].as_u64().map(|n| n as u32))
                .collect();
            let excused = |line: u32, side: Side| {
                DIFFERENCES
                    .iter()
                    .position(|d| d.0 == *audit && d.1 == file && d.2 == line && d.3 == side)
            };
            for &line in &theirs {
                if let Some(i) = excused(line, Side::Missed) {
                    used_differences.insert(i);
                    t.excused += 1;
                    continue;
                }
                t.labels += 1;
                if ours.contains(&line) {
                    t.matched += 1;
                } else {
                    t.missed.push(format!("{file}:{line}"));
                }
            }
            for &line in &ours {
                if let Some(i) = excused(line, Side::Extra) {
                    used_differences.insert(i);
                    t.excused += 1;
                    continue;
                }
                t.ours += 1;
                if theirs.is_empty() {
                    t.extra += 1;
                    t.extras.push(format!("{file}:{line}"));
                } else if !theirs.contains(&line) {
                    t.elsewhere += 1;
                }
            }
        }
    }

    for file in invalid_files(&args.corpus) {
        let kind = if file.ends_with("/action.yml") || file.ends_with("/action.yaml") {
            "action"
        } else {
            "workflow"
        };
        match scan_one(&args.corpus, &file, kind) {
            Ok(scan) => match scan
                .report
                .errors
                .iter()
                .find(|e| e.line >= 1 && e.column >= 1)
            {
                Some(e) => {
                    invalid_ok += 1;
                    if args.verbose {
                        println!("invalid {file}: {}:{}: {}", e.line, e.column, e.message);
                    }
                }
                None => failures.push(format!("{file}: invalid input gave no located error")),
            },
            Err(e) => failures.push(e),
        }
    }
    if invalid_ok == 0 {
        failures.push("no file found under test-data/invalid/".into());
    }

    println!(
        "zizmor corpus: {} (persona {}), {scanned} files compared, {invalid_ok} invalid files rejected with a located error",
        args.corpus.display(),
        args.persona
    );
    println!(
        "\n{:<32} {:>6} {:>8} {:>9} {:>6} {:>7} {:>7}  rules",
        "audit", "zizmor", "matched", "matched%", "ours", "extra", "extra%"
    );
    let mut below = Vec::new();
    for (audit, rules) in AUDITS {
        let t = &tallies[audit];
        let matched = pct(t.matched, t.labels, 100.0);
        let extra = pct(t.extra, t.ours, 0.0);
        println!(
            "{:<32} {:>6} {:>8} {:>8.1}% {:>6} {:>7} {:>6.1}%  {}",
            audit,
            t.labels,
            t.matched,
            matched,
            t.ours,
            t.extra,
            extra,
            rules.join(", ")
        );
        if matched < BAR_MATCHED || extra > BAR_EXTRA {
            below.push(*audit);
        }
    }
    println!("\nOur findings on labelled files but on other lines (not scored):");
    for (audit, _) in AUDITS {
        if tallies[audit].elsewhere > 0 {
            println!("  {audit}: {}", tallies[audit].elsewhere);
        }
    }
    println!("\nDeliberate differences (left out of the figures):");
    if DIFFERENCES.is_empty() {
        println!("  none");
    }
    for (i, (audit, file, line, side, why)) in DIFFERENCES.iter().enumerate() {
        let status = if used_differences.contains(&i) {
            ""
        } else {
            " [not seen: stale entry]"
        };
        println!("  {audit} {file}:{line} {side:?}: {why}{status}");
    }
    for (audit, _) in AUDITS {
        let t = &tallies[audit];
        if args.verbose || below.contains(audit) {
            for m in &t.missed {
                println!("  missed {audit} {m}");
            }
            for m in &t.extras {
                println!("  extra  {audit} {m}");
            }
        }
    }
    for f in &failures {
        println!("FAIL {f}");
    }
    let stale = DIFFERENCES.len() - used_differences.len();
    if !below.is_empty() || !failures.is_empty() || stale > 0 {
        println!(
            "\nBELOW THE BAR (matched >= {BAR_MATCHED}%, extra <= {BAR_EXTRA}% per audit): {} audit(s) {:?}, {} failure(s), {stale} stale difference(s)",
            below.len(),
            below,
            failures.len()
        );
        return 1;
    }
    println!("\nevery audit meets the bar (matched >= {BAR_MATCHED}%, extra <= {BAR_EXTRA}%)");
    0
}

/// Every file below `test-data/invalid/`, relative to the corpus, sorted.
fn invalid_files(corpus: &Path) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&corpus.join("test-data/invalid"), &mut files);
    let mut out: Vec<String> = files
        .iter()
        .filter_map(|p| p.strip_prefix(corpus).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    out.sort();
    out
}

fn pct(n: usize, d: usize, empty: f64) -> f64 {
    if d == 0 {
        empty
    } else {
        100.0 * n as f64 / d as f64
    }
}

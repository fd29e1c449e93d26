//! A scan needs no network: the same JSON report, byte for byte, with no network at all.
//!
//! The second run happens in a fresh network namespace (`unshare -n`), which has no interfaces
//! but a down loopback, so any lookup or connection fails there. Creating one needs root (or
//! user namespaces); where that is refused the test says so and passes.

use std::path::PathBuf;
use std::process::{Command, Output};

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `gatepost scan testdata/examples/where2eat --format json`, optionally behind `unshare -n`.
/// `--no-config`: the repository's own gatepost.toml allows `testdata/`, which would leave the
/// report empty and the comparison toothless.
fn scan_example(offline: bool) -> Output {
    let bin = env!("CARGO_BIN_EXE_gatepost");
    let args = [
        "scan",
        "testdata/examples/where2eat",
        "--format",
        "json",
        "--no-config",
    ];
    let mut cmd = if offline {
        let mut c = Command::new("unshare");
        c.arg("-n").arg(bin);
        c
    } else {
        Command::new(bin)
    };
    cmd.args(args)
        .current_dir(workspace_root())
        .output()
        .expect("spawn gatepost")
}

fn unshare_permitted() -> bool {
    Command::new("unshare")
        .args(["-n", "true"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

#[test]
fn report_is_identical_without_network() {
    if !unshare_permitted() {
        eprintln!("skipped: `unshare -n` is not permitted here (needs root or user namespaces)");
        return;
    }
    let online = scan_example(false);
    let offline = scan_example(true);
    // The example plants problems, so both runs exit 1 (findings), not 2 (errors).
    assert_eq!(
        online.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&online.stderr)
    );
    assert_eq!(
        offline.status.code(),
        online.status.code(),
        "{}",
        String::from_utf8_lossy(&offline.stderr)
    );
    assert!(
        online.stdout.len() > 1000,
        "the example report is not empty"
    );
    assert!(
        offline.stdout == online.stdout,
        "offline report differs from the online one:\n{}",
        first_difference(&online.stdout, &offline.stdout)
    );
}

/// The first differing line, so a failure says what moved rather than dumping two reports.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}: online {x:?}, offline {y:?}", i + 1);
        }
    }
    format!(
        "lengths differ: online {} lines, offline {}",
        a.lines().count(),
        b.lines().count()
    )
}

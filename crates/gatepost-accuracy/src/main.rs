//! `gatepost-accuracy <corpus> [options]`: measures gatepost's findings against labelled
//! corpora and exits non-zero below the bar. One module per corpus; this file only
//! dispatches.

mod kics;
mod zizmor;

use std::process::ExitCode;

const USAGE: &str = "usage: gatepost-accuracy <corpus> [options]

corpora:
  kics     KICS query fixtures, Terraform and Kubernetes (--corpus DIR)... [--no-check]
  zizmor   GitHub Actions workflows labelled by zizmor (--corpus DIR)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => ("", &[][..]),
    };
    let code = match cmd {
        "zizmor" => zizmor::run(rest),
        "kics" => match kics::run(rest) {
            Ok(true) => 0,
            Ok(false) => 1,
            Err(e) => {
                eprintln!("gatepost-accuracy: {e}");
                2
            }
        },
        _ => {
            eprintln!("{USAGE}");
            2
        }
    };
    ExitCode::from(code)
}

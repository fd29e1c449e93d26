//! `gatepost-accuracy <corpus> [options]`: measures gatepost's findings against labelled
//! corpora and exits non-zero below the bar. One module per corpus; this file only
//! dispatches.

mod zizmor;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => ("", &[][..]),
    };
    let code = match cmd {
        "zizmor" => zizmor::run(rest),
        _ => {
            eprintln!("usage: gatepost-accuracy <corpus> [options]\n\ncorpora:\n  zizmor   GitHub Actions workflows labelled by zizmor (--corpus DIR)");
            2
        }
    };
    ExitCode::from(code)
}

//! `gatepost-accuracy <report> [options]`: measure gatepost's rules against labelled
//! third-party test data and fail when a bar is missed.

mod kics;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("kics") => kics::run(&args[1..]),
        _ => Err("usage: gatepost-accuracy kics [--corpus DIR]... [--no-check]".to_string()),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("gatepost-accuracy: {e}");
            ExitCode::from(2)
        }
    }
}

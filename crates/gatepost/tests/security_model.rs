//! The README's security model, as far as the source can show it: outside tests, neither the
//! library nor the CLI, the C ABI or the language bindings spawn a process, open a socket or
//! write a file — except the CLI's one `emit`, which writes the output path it was given.
//! (The network half is also checked at run time by `gatepost-cli/tests/offline.rs`.)

use std::path::{Path, PathBuf};

const FORBIDDEN: &[&str] = &[
    "process::Command",
    "Command::new",
    "std::net",
    "TcpStream",
    "TcpListener",
    "UdpSocket",
    "fs::write",
    "File::create",
    "OpenOptions",
    "fs::create_dir",
    "fs::remove",
    "fs::rename",
    "fs::copy",
    "fs::hard_link",
    "fs::symlink",
    "set_permissions",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The text with every `#[cfg(test)]` item (its braces matched, string literals skipped)
/// blanked out.
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let Some(open) = item.find(['{', ';']) else {
            return out;
        };
        if item.as_bytes()[open] == b';' {
            rest = &item[open + 1..];
            continue;
        }
        let (mut depth, mut in_str, mut escaped, mut end) = (0usize, false, false, item.len());
        for (i, c) in item.char_indices().skip_while(|(i, _)| *i < open) {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_str => escaped = true,
                '"' => in_str = !in_str,
                '{' if !in_str => depth += 1,
                '}' if !in_str => {
                    depth -= 1;
                    if depth == 0 {
                        end = i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn no_process_socket_or_file_write_outside_the_cli_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in [
        "crates/gatepost/src",
        "crates/gatepost-cli/src",
        "crates/gatepost-ffi/src",
        "bindings/python/src",
        "bindings/node/src",
        "bindings/wasm/src",
    ] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 40, "{} source files", files.len());
    let mut hits = Vec::new();
    for f in &files {
        let text = without_tests(&std::fs::read_to_string(f).unwrap());
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for pat in FORBIDDEN.iter().filter(|p| code.contains(*p)) {
                let rel = f.strip_prefix(&root).unwrap().display().to_string();
                hits.push(format!("{rel}:{}: {pat}", n + 1));
            }
        }
    }
    // The CLI's single write: the report, `init`'s file or a baseline, to the path given.
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert!(
        hits[0].starts_with("crates/gatepost-cli/src/main.rs:")
            && hits[0].ends_with("File::create"),
        "{hits:#?}"
    );
    let main = std::fs::read_to_string(root.join("crates/gatepost-cli/src/main.rs")).unwrap();
    let emit = &main[main.find("fn emit_with(").unwrap()..];
    assert!(emit[..emit.find("\n}\n").unwrap()].contains("std::fs::File::create(p)"));
}

#[test]
fn test_code_is_recognised() {
    let t = "a();\n#[cfg(test)]\nmod tests {\n    fn x() { let s = \"}\"; std::fs::write(1, 2); }\n}\nb();\n";
    assert_eq!(without_tests(t), "a();\n\nb();\n");
}

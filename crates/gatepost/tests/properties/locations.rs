//! Every finding lies inside its file: its line is one of the file's lines and its column at
//! most one past that line's last character, for random sets of fixtures mangled with blank
//! lines, lone carriage returns, cuts and random bytes.

use crate::corpus;
use crate::determinism::{apply, mutation};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn findings_lie_inside_their_files(
        picks in proptest::collection::vec(any::<usize>(), 1..14),
        mutations in proptest::collection::vec(mutation(), 0..6),
    ) {
        let mut files = corpus::pick(&picks);
        for m in &mutations {
            apply(&mut files, m);
        }
        let report = corpus::scan(&files, &corpus::options());
        for f in &report.findings {
            let file = files.iter().find(|s| s.path == f.file);
            prop_assert!(file.is_some(), "{f:?} names a file that was not scanned");
            let text = String::from_utf8_lossy(&file.unwrap().bytes);
            let lines = text.split('\n').count() as u32;
            prop_assert!(f.line >= 1 && f.line <= lines, "{f:?}: the file has {lines} lines");
            let line = &text[corpus::line_start(&text, f.line)..corpus::line_end(&text, f.line)];
            let width = line.chars().count() as u32;
            prop_assert!(
                f.column >= 1 && f.column <= width + 1,
                "{f:?}: line {} has {width} characters",
                f.line
            );
        }
    }
}

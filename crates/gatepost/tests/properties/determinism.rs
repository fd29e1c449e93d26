//! The JSON report is the same bytes whatever the thread count and whatever order the files
//! arrive in, for random subsets of the fixtures, mangled.

use crate::corpus::{self, FILES};
use gatepost::SourceFile;
use proptest::prelude::*;

#[derive(Debug, Clone)]
pub(crate) enum Mutation {
    /// Blank lines inserted before a line: everything below moves.
    BlankLines { file: usize, line: u32, n: usize },
    /// The same file again under another directory: duplicate addresses across roots.
    CopyUnder { file: usize, dir: u8 },
    /// The file cut short on a character boundary: parse errors, half a resource.
    Truncate { file: usize, keep: f64 },
    /// Arbitrary bytes appended, invalid UTF-8 included.
    Append { file: usize, bytes: Vec<u8> },
    /// Lone carriage returns at the end of a line: a line break to YAML, not to the rest.
    CarriageReturns { file: usize, line: u32, n: usize },
}

pub(crate) fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1u32..60, 1usize..4).prop_map(|(file, line, n)| Mutation::BlankLines {
            file,
            line,
            n
        }),
        (any::<usize>(), 0u8..3).prop_map(|(file, dir)| Mutation::CopyUnder { file, dir }),
        (any::<usize>(), 0.0f64..1.0).prop_map(|(file, keep)| Mutation::Truncate { file, keep }),
        (
            any::<usize>(),
            proptest::collection::vec(any::<u8>(), 1..40)
        )
            .prop_map(|(file, bytes)| Mutation::Append { file, bytes }),
        (any::<usize>(), 1u32..60, 1usize..4)
            .prop_map(|(file, line, n)| { Mutation::CarriageReturns { file, line, n } }),
    ]
}

/// Byte offset of the start of 1-based `line` in `bytes` (the end past the last line).
fn line_offset(bytes: &[u8], line: u32) -> usize {
    match line {
        0 | 1 => 0,
        l => bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(l as usize - 2)
            .map_or(bytes.len(), |(i, _)| i + 1),
    }
}

pub(crate) fn apply(files: &mut Vec<SourceFile>, m: &Mutation) {
    if files.is_empty() {
        return;
    }
    let n = files.len();
    match m {
        Mutation::BlankLines { file, line, n: k } => {
            let f = &mut files[file % n];
            // On the bytes: a lossy text of a file with invalid UTF-8 has other offsets.
            let at = line_offset(&f.bytes, *line);
            f.bytes.splice(at..at, std::iter::repeat_n(b'\n', *k));
        }
        Mutation::CopyUnder { file, dir } => {
            let mut copy = files[file % n].clone();
            copy.path = format!("copy{dir}/{}", copy.path);
            files.push(copy);
        }
        Mutation::Truncate { file, keep } => {
            let f = &mut files[file % n];
            let mut at = (f.bytes.len() as f64 * keep) as usize;
            while at > 0 && at < f.bytes.len() && (f.bytes[at] & 0xC0) == 0x80 {
                at -= 1;
            }
            f.bytes.truncate(at);
        }
        Mutation::Append { file, bytes } => files[file % n].bytes.extend_from_slice(bytes),
        Mutation::CarriageReturns { file, line, n: k } => {
            let f = &mut files[file % n];
            // Just before the line's break (before the next line's start).
            let at = line_offset(&f.bytes, line + 1);
            let at = if at > 0 && f.bytes.get(at - 1) == Some(&b'\n') {
                at - 1
            } else {
                at
            };
            f.bytes.splice(at..at, std::iter::repeat_n(b'\r', *k));
        }
    }
}

/// The report's JSON from a scan on a pool of `threads` threads of its own.
fn json_with_threads(files: Vec<SourceFile>, threads: usize) -> String {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| corpus::scan(&files, &corpus::options()).to_json())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, .. ProptestConfig::default() })]

    #[test]
    fn report_bytes_do_not_depend_on_threads_or_file_order(
        picks in proptest::collection::vec(any::<usize>(), 1..14),
        with_app in any::<bool>(),
        mutations in proptest::collection::vec(mutation(), 0..4),
        seeds in (1u64.., 1u64..),
    ) {
        let mut files = corpus::pick(&picks);
        if with_app {
            files.extend(corpus::example_app());
            files.sort_by(|a, b| a.path.cmp(&b.path));
            files.dedup_by(|a, b| a.path == b.path);
        }
        for m in &mutations {
            apply(&mut files, m);
        }
        let first = json_with_threads(files.clone(), 1);
        prop_assert!(first.contains("\"findings\""));

        let mut shuffled = files.clone();
        corpus::shuffle(&mut shuffled, seeds.0);
        prop_assert_eq!(&json_with_threads(shuffled, 2), &first, "2 threads, shuffled");

        let mut shuffled = files.clone();
        corpus::shuffle(&mut shuffled, seeds.1);
        prop_assert_eq!(&json_with_threads(shuffled, 4), &first, "4 threads, shuffled again");

        files.reverse();
        prop_assert_eq!(&corpus::scan(&files, &corpus::options()).to_json(), &first, "global pool, reversed");

        // What a warm process does with a small input, here whatever the input's size.
        let inline = gatepost::par::inline(|| corpus::scan(&files, &corpus::options()).to_json());
        prop_assert_eq!(&inline, &first, "on the calling thread alone");
    }
}

/// The whole fixture set at once, the largest input the properties see, at 1 and 3 threads
/// and on the calling thread alone.
#[test]
fn every_fixture_at_once_gives_the_same_bytes() {
    let mut files = FILES.clone();
    let first = json_with_threads(files.clone(), 1);
    let inline = gatepost::par::inline(|| corpus::scan(&files, &corpus::options()).to_json());
    assert_eq!(inline, first);
    corpus::shuffle(&mut files, 0x9e37_79b9_7f4a_7c15);
    assert_eq!(json_with_threads(files, 3), first);
}

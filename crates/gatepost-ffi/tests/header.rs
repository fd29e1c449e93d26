//! The committed header must be what cbindgen generates from the current source.

#[test]
fn committed_header_is_current() {
    let generated = std::fs::read_to_string(concat!(env!("OUT_DIR"), "/gatepost.h")).unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/include/gatepost.h");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "include/gatepost.h is stale: copy {}/gatepost.h over it",
        env!("OUT_DIR")
    );
}

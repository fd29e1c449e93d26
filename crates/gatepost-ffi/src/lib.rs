//! C ABI over `gatepost::api`. Opaque handles with explicit `gatepost_*_free`, UTF-8 with
//! explicit lengths both ways, a status code from every call that can fail plus a
//! per-thread last-error message. No panic crosses the boundary: each entry point catches.
//!
//! The header `include/gatepost.h` is generated from this file by cbindgen (see build.rs).

#![allow(clippy::missing_safety_doc)]

use gatepost::api;
use std::cell::RefCell;
use std::ffi::{c_char, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

/// What a call returned. Details are in `gatepost_last_error`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GatepostStatus {
    Ok = 0,
    /// A required pointer was NULL.
    NullPointer = 1,
    /// A string argument was not valid UTF-8.
    InvalidUtf8 = 2,
    /// The options, a format name or a user policy was rejected.
    InvalidArgument = 3,
    /// An internal error (a caught panic). The library stays usable.
    Internal = 4,
}

/// In-memory files to scan: build with `gatepost_files_new` / `gatepost_files_add`.
pub struct GatepostFiles {
    files: Vec<(String, Vec<u8>)>,
}

/// A finished scan. Render it with `gatepost_report_render`.
pub struct GatepostReport {
    scan: api::Scan,
}

thread_local! {
    static LAST_ERROR: RefCell<Option<CString>> = const { RefCell::new(None) };
}

struct Fail(GatepostStatus, String);

fn set_error(msg: &str) {
    let c = CString::new(msg.replace('\0', "\\0")).unwrap_or_default();
    LAST_ERROR.with(|e| *e.borrow_mut() = Some(c));
}

/// Run an entry point: clears the last error, catches panics, records failures.
fn call(f: impl FnOnce() -> Result<(), Fail>) -> GatepostStatus {
    LAST_ERROR.with(|e| *e.borrow_mut() = None);
    let r = catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(Fail(
            GatepostStatus::Internal,
            "internal error (panic)".into(),
        ))
    });
    match r {
        Ok(()) => GatepostStatus::Ok,
        Err(Fail(code, msg)) => {
            set_error(&msg);
            code
        }
    }
}

fn from_api(msg: String) -> Fail {
    let code = if msg.starts_with("internal error") {
        GatepostStatus::Internal
    } else {
        GatepostStatus::InvalidArgument
    };
    Fail(code, msg)
}

unsafe fn bytes<'a>(p: *const u8, len: usize, what: &str) -> Result<&'a [u8], Fail> {
    if len == 0 {
        return Ok(&[]);
    }
    if p.is_null() {
        return Err(Fail(GatepostStatus::NullPointer, format!("{what} is NULL")));
    }
    Ok(std::slice::from_raw_parts(p, len))
}

unsafe fn text<'a>(p: *const c_char, len: usize, what: &str) -> Result<&'a str, Fail> {
    if p.is_null() {
        return Err(Fail(GatepostStatus::NullPointer, format!("{what} is NULL")));
    }
    std::str::from_utf8(bytes(p.cast(), len, what)?)
        .map_err(|e| Fail(GatepostStatus::InvalidUtf8, format!("{what}: {e}")))
}

/// Options may be NULL (all defaults).
unsafe fn options<'a>(p: *const c_char, len: usize) -> Result<&'a str, Fail> {
    if p.is_null() {
        Ok("")
    } else {
        text(p, len, "options")
    }
}

fn out_ptr<T>(p: *mut T, what: &str) -> Result<(), Fail> {
    if p.is_null() {
        Err(Fail(GatepostStatus::NullPointer, format!("{what} is NULL")))
    } else {
        Ok(())
    }
}

/// A library-owned string: `len` bytes then a NUL, with the length stored before it so
/// `gatepost_string_free` needs only the pointer.
const HEADER: usize = std::mem::size_of::<usize>();

fn give_string(s: String, out: *mut *mut c_char, out_len: *mut usize) {
    let len = s.len();
    let mut buf = Vec::with_capacity(HEADER + len + 1);
    buf.extend_from_slice(&len.to_ne_bytes());
    buf.extend_from_slice(s.as_bytes());
    buf.push(0);
    let raw = Box::into_raw(buf.into_boxed_slice()) as *mut u8;
    unsafe {
        *out = raw.add(HEADER).cast();
        if !out_len.is_null() {
            *out_len = len;
        }
    }
}

/// The library version, a static NUL-terminated string.
#[no_mangle]
pub extern "C" fn gatepost_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The message of the last failed call on this thread (NUL-terminated, UTF-8), or NULL.
/// Valid until the next gatepost call on this thread. `len` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn gatepost_last_error(len: *mut usize) -> *const c_char {
    LAST_ERROR.with(|e| match &*e.borrow() {
        Some(c) => {
            if !len.is_null() {
                *len = c.as_bytes().len();
            }
            c.as_ptr()
        }
        None => ptr::null(),
    })
}

/// A new, empty set of in-memory files. Free with `gatepost_files_free`.
#[no_mangle]
pub extern "C" fn gatepost_files_new() -> *mut GatepostFiles {
    Box::into_raw(Box::new(GatepostFiles { files: Vec::new() }))
}

/// Add a file: `path` (UTF-8, `path_len` bytes, as it should appear in findings) and its
/// contents (any bytes; `data` may be NULL when `data_len` is 0). Both are copied.
#[no_mangle]
pub unsafe extern "C" fn gatepost_files_add(
    files: *mut GatepostFiles,
    path: *const c_char,
    path_len: usize,
    data: *const u8,
    data_len: usize,
) -> GatepostStatus {
    call(|| {
        out_ptr(files, "files")?;
        let path = text(path, path_len, "path")?.to_string();
        let data = bytes(data, data_len, "data")?.to_vec();
        (*files).files.push((path, data));
        Ok(())
    })
}

/// Free a file set. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn gatepost_files_free(files: *mut GatepostFiles) {
    if !files.is_null() {
        drop(Box::from_raw(files));
    }
}

/// Scan in-memory files. `options` is a JSON object (NULL or empty: defaults); see the README.
/// On success `*out` is a report to free with `gatepost_report_free`.
#[no_mangle]
pub unsafe extern "C" fn gatepost_scan(
    files: *const GatepostFiles,
    options: *const c_char,
    options_len: usize,
    out: *mut *mut GatepostReport,
) -> GatepostStatus {
    call(|| {
        out_ptr(out, "out")?;
        *out = ptr::null_mut();
        out_ptr(files as *mut GatepostFiles, "files")?;
        let opts = self::options(options, options_len)?;
        let scan = api::scan((*files).files.clone(), opts).map_err(from_api)?;
        *out = Box::into_raw(Box::new(GatepostReport { scan }));
        Ok(())
    })
}

/// Scan files and directories on disk, as `gatepost scan PATH...`: `count` paths, each
/// `paths[i]` of `path_lens[i]` bytes.
#[no_mangle]
pub unsafe extern "C" fn gatepost_scan_paths(
    paths: *const *const c_char,
    path_lens: *const usize,
    count: usize,
    options: *const c_char,
    options_len: usize,
    out: *mut *mut GatepostReport,
) -> GatepostStatus {
    call(|| {
        out_ptr(out, "out")?;
        *out = ptr::null_mut();
        let mut list = Vec::with_capacity(count);
        if count > 0 {
            out_ptr(paths as *mut *const c_char, "paths")?;
            out_ptr(path_lens as *mut usize, "path_lens")?;
            for i in 0..count {
                list.push(text(*paths.add(i), *path_lens.add(i), "path")?.to_string());
            }
        }
        let opts = self::options(options, options_len)?;
        let scan = api::scan_paths(&list, opts).map_err(from_api)?;
        *out = Box::into_raw(Box::new(GatepostReport { scan }));
        Ok(())
    })
}

/// Render a report as `json`, `sarif`, `text` or `github` (`format` NULL: the format the
/// options asked for). `*out` (NUL-terminated, `*out_len` bytes before the NUL) is freed
/// with `gatepost_string_free`. `out_len` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn gatepost_report_render(
    report: *const GatepostReport,
    format: *const c_char,
    format_len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> GatepostStatus {
    call(|| {
        out_ptr(out, "out")?;
        *out = ptr::null_mut();
        out_ptr(report as *mut GatepostReport, "report")?;
        let scan = &(*report).scan;
        let s = if format.is_null() {
            scan.output()
        } else {
            scan.render(text(format, format_len, "format")?)
        }
        .map_err(from_api)?;
        give_string(s, out, out_len);
        Ok(())
    })
}

/// Number of findings (0 for NULL).
#[no_mangle]
pub unsafe extern "C" fn gatepost_report_finding_count(report: *const GatepostReport) -> usize {
    report.as_ref().map_or(0, |r| r.scan.report.findings.len())
}

/// Number of errors: files that could not be read or parsed, policies that failed (0 for NULL).
#[no_mangle]
pub unsafe extern "C" fn gatepost_report_error_count(report: *const GatepostReport) -> usize {
    report.as_ref().map_or(0, |r| r.scan.report.errors.len())
}

/// The CLI's exit code for this report: 0 clean, 1 findings at or above `fail_on`, 2 errors
/// (-1 for NULL).
#[no_mangle]
pub unsafe extern "C" fn gatepost_report_exit_code(report: *const GatepostReport) -> i32 {
    report.as_ref().map_or(-1, |r| r.scan.exit_code())
}

/// Free a report. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn gatepost_report_free(report: *mut GatepostReport) {
    if !report.is_null() {
        drop(Box::from_raw(report));
    }
}

/// The bundled rules as JSON (as `gatepost rules --format json`). Free with
/// `gatepost_string_free`. `out_len` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn gatepost_rules_json(
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> GatepostStatus {
    call(|| {
        out_ptr(out, "out")?;
        give_string(api::rules_json(), out, out_len);
        Ok(())
    })
}

/// Free a string the library returned. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn gatepost_string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    let base = (s as *mut u8).sub(HEADER);
    let len = usize::from_ne_bytes(*(base as *const [u8; HEADER]));
    let total = HEADER + len + 1;
    drop(Box::from_raw(ptr::slice_from_raw_parts_mut(base, total)));
}

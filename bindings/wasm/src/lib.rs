//! gatepost compiled to WebAssembly (wasm32-unknown-unknown): in-memory files only, with the
//! bundled policies and price table inside the module. A thin layer over `gatepost::api`;
//! `js/gatepost.mjs` wraps it in the documented JavaScript API.

use gatepost::api;
use wasm_bindgen::prelude::*;

/// In-memory files to scan.
#[wasm_bindgen]
#[derive(Default)]
pub struct FileSet {
    files: Vec<(String, Vec<u8>)>,
}

#[wasm_bindgen]
impl FileSet {
    #[wasm_bindgen(constructor)]
    pub fn new() -> FileSet {
        FileSet::default()
    }

    /// Add a file: its path as findings should show it, and its bytes (copied).
    pub fn add(&mut self, path: String, contents: &[u8]) {
        self.files.push((path, contents.to_vec()));
    }

    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.files.len()
    }
}

/// A finished scan.
#[wasm_bindgen]
pub struct ScanOutput {
    json: String,
    output: String,
    exit_code: i32,
}

#[wasm_bindgen]
impl ScanOutput {
    /// The report JSON: the same bytes as `gatepost scan --format json`.
    #[wasm_bindgen(getter)]
    pub fn json(&self) -> String {
        self.json.clone()
    }

    /// The report in the format the options asked for.
    #[wasm_bindgen(getter)]
    pub fn output(&self) -> String {
        self.output.clone()
    }

    /// 0 clean, 1 findings at or above `fail_on`, 2 errors.
    #[wasm_bindgen(getter, js_name = exitCode)]
    pub fn exit_code(&self) -> i32 {
        self.exit_code
    }
}

#[wasm_bindgen]
extern "C" {
    /// The host's clock: the WebAssembly target has none of its own.
    #[wasm_bindgen(js_namespace = Date, js_name = now)]
    fn date_now() -> f64;
}

/// Scan the files with a JSON options object (`""`: defaults). Throws on bad options.
#[wasm_bindgen]
pub fn scan(files: &FileSet, options: &str) -> Result<ScanOutput, JsError> {
    gatepost::scan::set_now_secs((date_now() / 1000.0) as u64);
    let scan = api::scan(files.files.clone(), options).map_err(|e| JsError::new(&e))?;
    let out = api::guard(|| {
        Ok(ScanOutput {
            json: scan.render("json")?,
            output: scan.output()?,
            exit_code: scan.exit_code(),
        })
    });
    out.map_err(|e| JsError::new(&e))
}

/// The bundled rules as JSON.
#[wasm_bindgen(js_name = rulesJson)]
pub fn rules_json() -> String {
    api::rules_json()
}

#[wasm_bindgen]
pub fn version() -> String {
    api::version().to_string()
}

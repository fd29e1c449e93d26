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

/// A finished scan, kept whole so it can be rendered in any format afterwards.
#[wasm_bindgen]
pub struct ScanOutput {
    scan: api::Scan,
}

#[wasm_bindgen]
impl ScanOutput {
    /// The report JSON: the same bytes as `gatepost scan --format json`.
    #[wasm_bindgen(getter)]
    pub fn json(&self) -> Result<String, JsError> {
        self.render(Some("json".into()))
    }

    /// The report in the format the options asked for.
    #[wasm_bindgen(getter)]
    pub fn output(&self) -> Result<String, JsError> {
        self.render(None)
    }

    /// `json`, `sarif`, `text` or `github`; none: the format the options asked for.
    pub fn render(&self, format: Option<String>) -> Result<String, JsError> {
        api::guard(|| match format.as_deref() {
            Some(f) => self.scan.render(f),
            None => self.scan.output(),
        })
        .map_err(|e| JsError::new(&e))
    }

    /// The normalized model the rules saw, as `gatepost model` prints it.
    #[wasm_bindgen(js_name = modelJson)]
    pub fn model_json(&self) -> Result<String, JsError> {
        api::guard(|| Ok(self.scan.model_json())).map_err(|e| JsError::new(&e))
    }

    /// 0 clean, 1 findings at or above `fail_on`, 2 errors.
    #[wasm_bindgen(getter, js_name = exitCode)]
    pub fn exit_code(&self) -> i32 {
        self.scan.exit_code()
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
    api::scan(files.files.clone(), options)
        .map(|scan| ScanOutput { scan })
        .map_err(|e| JsError::new(&e))
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

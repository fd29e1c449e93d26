//! The `gatepost._native` extension module: a thin layer over `gatepost::api`. The typed
//! Python API (`gatepost/__init__.py`) is built on these few functions.

use gatepost::api;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    _native,
    GatepostError,
    PyException,
    "A gatepost call failed."
);

/// A finished scan, rendered on demand.
#[pyclass(frozen, module = "gatepost._native")]
struct NativeReport {
    scan: api::Scan,
}

#[pymethods]
impl NativeReport {
    /// `json`, `sarif`, `text` or `github`; None: the format the options asked for.
    #[pyo3(signature = (format=None))]
    fn render(&self, format: Option<&str>) -> PyResult<String> {
        let out = api::guard(|| match format {
            Some(f) => self.scan.render(f),
            None => self.scan.output(),
        });
        out.map_err(GatepostError::new_err)
    }

    /// The normalized model the rules saw, as `gatepost model` prints it.
    fn model_json(&self) -> PyResult<String> {
        api::guard(|| Ok(self.scan.model_json())).map_err(GatepostError::new_err)
    }

    /// The CLI's exit code: 0 clean, 1 findings at or above `fail_on`, 2 errors.
    fn exit_code(&self) -> i32 {
        self.scan.exit_code()
    }
}

/// Scan in-memory files, `[(path, bytes)]`, with a JSON options object. The GIL is released
/// while the scan runs.
#[pyfunction]
fn scan(py: Python<'_>, files: Vec<(String, Vec<u8>)>, options: &str) -> PyResult<NativeReport> {
    let options = options.to_string();
    py.detach(move || api::scan(files, &options))
        .map(|scan| NativeReport { scan })
        .map_err(GatepostError::new_err)
}

/// Scan files and directories on disk, as `gatepost scan PATH...`.
#[pyfunction]
fn scan_paths(py: Python<'_>, paths: Vec<String>, options: &str) -> PyResult<NativeReport> {
    let options = options.to_string();
    py.detach(move || api::scan_paths(&paths, &options))
        .map(|scan| NativeReport { scan })
        .map_err(GatepostError::new_err)
}

/// The bundled rules as JSON.
#[pyfunction]
fn rules_json() -> String {
    api::rules_json()
}

#[pyfunction]
fn version() -> &'static str {
    api::version()
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("GatepostError", m.py().get_type::<GatepostError>())?;
    m.add_class::<NativeReport>()?;
    m.add_function(wrap_pyfunction!(scan, m)?)?;
    m.add_function(wrap_pyfunction!(scan_paths, m)?)?;
    m.add_function(wrap_pyfunction!(rules_json, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    Ok(())
}

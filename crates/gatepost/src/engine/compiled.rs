//! The bundled rules as regorus bytecode, compiled by the build script, each run on a
//! virtual machine of its own.

#[cfg(not(target_arch = "wasm32"))]
use super::timer;
use crate::policy::{self, Rule};
use regorus::rvm::program::{DeserializationResult, Program};
use regorus::rvm::vm::RegoVM;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

/// The bundled program, run on regorus's virtual machine.
#[derive(Clone)]
pub(super) struct Compiled {
    pub(super) bundled: &'static CompiledRules,
    /// Unused in WebAssembly, which has no clock to check it against.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub(super) time_limit: Duration,
}

/// The program the build script compiled, with every bundled rule and its entry point.
pub(super) struct CompiledRules {
    program: Arc<Program>,
    pub(super) rules: Vec<Rule>,
    /// The entry point of each rule.
    entry: Vec<usize>,
}

/// The bundled rules as compiled by the build script, read once per process; None if the
/// build could not compile them (it warns), this regorus cannot read the program, or a rule
/// has no entry point in it: the Rego is then interpreted.
pub(super) fn compiled_rules() -> Option<&'static CompiledRules> {
    static RULES: LazyLock<Option<CompiledRules>> = LazyLock::new(|| {
        let bytes = include_bytes!(concat!(env!("OUT_DIR"), "/bundled_rules.rvm"));
        let Ok(DeserializationResult::Complete(program)) = Program::deserialize_binary(bytes)
        else {
            return None;
        };
        let rules = policy::bundled_rules();
        let entry = rules
            .iter()
            .map(|r| {
                program
                    .entry_points
                    .get_index_of(format!("{}.deny", r.package).as_str())
            })
            .collect::<Option<Vec<usize>>>()?;
        Some(CompiledRules {
            program: Arc::new(program),
            rules,
            entry,
        })
    });
    RULES.as_ref()
}

/// Whether scans without users' Rego run the compiled program (false only when the build
/// could not compile the bundled rules).
pub fn bundled_rules_compiled() -> bool {
    compiled_rules().is_some()
}

impl Compiled {
    /// Each selected rule on a machine of its own, the rules spread over the threads as they
    /// free up, those reading the most resources first: a rule's cost varies a thousandfold
    /// with the resources it reads, and one heavy rule started last would leave the other
    /// threads idle.
    pub(super) fn evaluate(
        &self,
        input: &regorus::Value,
        ids: &[usize],
    ) -> Vec<Result<regorus::Value, String>> {
        let reads = resources_read(input, &self.bundled.rules);
        crate::par::map_costliest_first(
            ids,
            |&i| reads(i),
            |&i| {
                let mut vm = RegoVM::new();
                vm.load_program(self.bundled.program.clone());
                // The time limit bounds evaluation; the instruction budget (25,000 by default)
                // would stop rules over large repositories.
                vm.set_max_instructions(usize::MAX);
                vm.set_strict_builtin_errors(false);
                #[cfg(not(target_arch = "wasm32"))]
                vm.set_execution_timer_config(Some(timer(self.time_limit)));
                vm.set_input(input.clone());
                vm.execute_entry_point_by_index(self.bundled.entry[i])
                    .map_err(|e| e.to_string())
            },
        )
    }
}

/// How many resources of the input each rule reads: its share of the evaluation's cost.
/// A rule with no types reads facts, which summarize every resource.
fn resources_read<'a>(input: &'a regorus::Value, rules: &'a [Rule]) -> impl Fn(usize) -> u64 + 'a {
    let count = |t: &str| -> u64 { input["by_type"][t].as_array().map_or(0, |a| a.len() as u64) };
    let all: u64 = input["by_type"].as_object().map_or(0, |m| {
        m.values()
            .map(|v| v.as_array().map_or(0, |a| a.len() as u64))
            .sum()
    });
    move |i| match rules[i].types.as_slice() {
        [] => all,
        types => types.iter().map(|t| count(t)).sum(),
    }
}

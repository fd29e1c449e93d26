//! Rego interpreted by regorus engines: users' policies beside the bundled rules. The rules
//! a scan evaluates are dealt over one engine per thread, each with the libraries they import.

#[cfg(not(target_arch = "wasm32"))]
use super::timer;
use super::{error_line, PolicyError};
use crate::policy::{self, PolicyFile, Rule, Severity};
use std::sync::Mutex;
use std::time::Duration;

/// The rules split into shards, one regorus engine each: parsing, preparing and evaluating
/// run side by side, one shard per thread.
#[derive(Clone)]
pub(super) struct Interpreted {
    engines: Vec<regorus::Engine>,
    /// The shard (engine) that evaluates each rule.
    shard: Vec<usize>,
    /// The bundled libraries each shard holds.
    libs: Vec<Vec<&'static str>>,
    pub(super) rules: Vec<Rule>,
}

fn new_engine() -> regorus::Engine {
    let mut e = regorus::Engine::new();
    // Policies must not depend on the machine: no `print` output, errors surface.
    e.set_strict_builtin_errors(false);
    e
}

/// The last bundled selection built, prepared: repeated in-process scans of the same kind of
/// project (editors, bindings) reuse it instead of parsing the Rego again.
static CACHE: Mutex<Option<(Vec<bool>, Interpreted)>> = Mutex::new(None);

fn is_lib(f: &PolicyFile) -> bool {
    f.rule.is_none()
        && f.package
            .as_deref()
            .is_some_and(|p| p.starts_with("data.gatepost.lib."))
}

/// Which of `libs` the `files` import, directly or through another library.
fn needed_libs(files: &[&PolicyFile], libs: &[&'static PolicyFile]) -> Vec<bool> {
    let name =
        |l: &PolicyFile| l.package.as_deref().unwrap_or_default()["data.".len()..].to_string();
    let names: Vec<String> = libs.iter().map(|l| name(l)).collect();
    let mut need = vec![false; libs.len()];
    let mut todo: Vec<&PolicyFile> = files.to_vec();
    while let Some(f) = todo.pop() {
        for (i, l) in libs.iter().enumerate() {
            if !need[i] && f.text.contains(names[i].as_str()) {
                need[i] = true;
                todo.push(l);
            }
        }
    }
    need
}

/// Deal `rules` over `n` shards, balancing the Rego each shard parses, prepares and
/// evaluates (measured in bytes). A library is paid once per shard that holds it, so the
/// rules that import the same libraries go to one shard together, heaviest group first, to
/// the shard they add least to; a group is split only when it alone would unbalance the
/// shards. Each shard lists its libraries first, then its rules in their original order.
fn deal(
    rules: &[&'static PolicyFile],
    libs: &[&'static PolicyFile],
    n: usize,
) -> Vec<Vec<&'static PolicyFile>> {
    // A library is evaluated as well as parsed in each shard that holds it: count it twice.
    let lib_weight: Vec<usize> = libs.iter().map(|l| 2 * l.text.len()).collect();
    let mut groups: Vec<(Vec<bool>, Vec<usize>)> = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        let need = needed_libs(&[r], libs);
        match groups.iter_mut().find(|(k, _)| *k == need) {
            Some((_, members)) => members.push(i),
            None => groups.push((need, vec![i])),
        }
    }
    let libs_of = |need: &[bool], held: &[bool]| -> usize {
        (0..libs.len())
            .filter(|&l| need[l] && !held[l])
            .map(|l| lib_weight[l])
            .sum()
    };
    let own = |members: &[usize]| -> usize { members.iter().map(|&i| rules[i].text.len()).sum() };
    let none = vec![false; libs.len()];
    let weight = |(need, members): &(Vec<bool>, Vec<usize>)| own(members) + libs_of(need, &none);
    groups.sort_by_key(|g| std::cmp::Reverse(weight(g)));
    let all_needed = needed_libs(rules, libs);
    let total = own(&(0..rules.len()).collect::<Vec<_>>()) + libs_of(&all_needed, &none);
    // A little over an even share, so that a group is not split for a few bytes.
    let share = total / n + total / (10 * n);

    let mut load = vec![0usize; n];
    let mut held = vec![vec![false; libs.len()]; n];
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut place = |need: &[bool], items: &[usize], load: &mut [usize]| -> usize {
        let added = |s: usize| own(items) + libs_of(need, &held[s]);
        let s = (0..n).min_by_key(|&s| (load[s] + added(s), s)).unwrap_or(0);
        load[s] += added(s);
        for (h, x) in held[s].iter_mut().zip(need) {
            *h |= *x;
        }
        members[s].extend_from_slice(items);
        load[s]
    };
    for (need, items) in &groups {
        let fits = (0..n).any(|s| load[s] + own(items) + libs_of(need, &none) <= share);
        if fits || items.len() == 1 {
            place(need, items, &mut load);
        } else {
            for &i in items {
                place(need, &[i], &mut load);
            }
        }
    }
    members
        .into_iter()
        .zip(held)
        .map(|(mut m, h)| {
            m.sort_unstable();
            let mut files: Vec<&'static PolicyFile> = libs
                .iter()
                .zip(&h)
                .filter(|(_, x)| **x)
                .map(|(l, _)| *l)
                .collect();
            files.extend(m.into_iter().map(|i| rules[i]));
            files
        })
        .collect()
}

fn add_module(engine: &mut regorus::Engine, f: &PolicyFile) -> Result<(), PolicyError> {
    engine
        .add_policy(f.path.clone(), f.text.clone())
        .map(|_| ())
        .map_err(|e| PolicyError {
            file: f.path.clone(),
            line: error_line(&e.to_string()),
            message: e.to_string(),
        })
}

/// Analyze the loaded modules now (regorus does it on the first evaluation), so the clones
/// made by [`Evaluator::evaluate`] start prepared instead of each repeating the work.
fn prepare(engine: &mut regorus::Engine) {
    // Errors surface again, per rule, when the rules are evaluated.
    let _ = engine.eval_query("true".into(), false);
}

impl Interpreted {
    /// Users' policies beside the bundled rules (or the bundled rules alone, when they could
    /// not be compiled), all interpreted.
    pub(super) fn new(
        user: &[PolicyFile],
        time_limit: Duration,
        wanted: &dyn Fn(&Rule) -> bool,
    ) -> Result<Interpreted, PolicyError> {
        let bundled = policy::bundled();
        // A user policy that reads a bundled rule's result, or adds to a bundled rule's
        // package, needs that rule loaded: then every bundled rule is.
        let all = user.iter().any(|f| f.text.contains("gatepost.rules"));
        let pick: Vec<bool> = bundled
            .iter()
            .map(|f| !f.is_test && f.rule.as_ref().is_some_and(|r| all || wanted(r)))
            .collect();
        let cached = CACHE.lock().ok().and_then(|c| {
            c.as_ref()
                .filter(|(k, _)| *k == pick)
                .map(|(_, e)| e.clone())
        });
        let mut ev = match cached {
            Some(ev) => ev,
            None => {
                let ev = Interpreted::bundled(&pick)?;
                if let Ok(mut c) = CACHE.lock() {
                    *c = Some((pick, ev.clone()));
                }
                ev
            }
        };
        let user: Vec<&PolicyFile> = user.iter().filter(|f| !f.is_test).collect();
        if !user.is_empty() {
            // Users' libraries may be imported from any shard: every shard loads every file.
            for (engine, loaded) in ev.engines.iter_mut().zip(&ev.libs) {
                for l in bundled.iter().filter(|f| is_lib(f)) {
                    if !loaded.contains(&l.path.as_str()) {
                        add_module(engine, l)?;
                    }
                }
            }
            for f in user {
                for engine in &mut ev.engines {
                    add_module(engine, f)?;
                }
                // Every shard holds users' files: deal their rules round-robin.
                let shard = ev.rules.len() % ev.engines.len();
                ev.register(f, shard)?;
            }
            crate::par::map_mut(&mut ev.engines, prepare);
        }
        #[cfg(not(target_arch = "wasm32"))]
        for engine in &mut ev.engines {
            engine.set_execution_timer_config(timer(time_limit));
        }
        #[cfg(target_arch = "wasm32")]
        let _ = time_limit;
        Ok(ev)
    }

    /// The picked bundled rules, dealt over one shard per thread.
    fn bundled(pick: &[bool]) -> Result<Interpreted, PolicyError> {
        let bundled = policy::bundled();
        let libs: Vec<&PolicyFile> = bundled.iter().filter(|f| is_lib(f)).collect();
        let rules: Vec<&PolicyFile> = bundled
            .iter()
            .zip(pick)
            .filter(|(_, p)| **p)
            .map(|(f, _)| f)
            .collect();
        let n = crate::par::threads().clamp(1, rules.len().max(1));
        let shards = deal(&rules, &libs, n);
        let engines = crate::par::map(&shards, |files| {
            let mut engine = new_engine();
            for f in files {
                add_module(&mut engine, f)?;
            }
            prepare(&mut engine);
            Ok(engine)
        })
        .into_iter()
        .collect::<Result<Vec<_>, PolicyError>>()?;
        let mut ev = Interpreted {
            engines,
            shard: Vec::new(),
            libs: shards
                .iter()
                .map(|fs| {
                    fs.iter()
                        .filter(|f| is_lib(f))
                        .map(|f| f.path.as_str())
                        .collect()
                })
                .collect(),
            rules: Vec::new(),
        };
        for (s, files) in shards.iter().enumerate() {
            for f in files.iter().filter(|f| f.rule.is_some()) {
                ev.register(f, s)?;
            }
        }
        Ok(ev)
    }

    /// Record a loaded file's rule as evaluated by `shard`.
    fn register(&mut self, f: &PolicyFile, shard: usize) -> Result<(), PolicyError> {
        if let Some(r) = &f.rule {
            // User rule ids must not clash with any bundled rule, loaded or not.
            let bundled_id = || {
                policy::bundled()
                    .iter()
                    .any(|b| b.rule.as_ref().is_some_and(|x| x.id == r.id))
            };
            if self.rules.iter().any(|x| x.id == r.id) || (!r.bundled && bundled_id()) {
                return Err(PolicyError {
                    file: f.path.clone(),
                    line: 1,
                    message: format!("duplicate rule id {}", r.id),
                });
            }
            self.rules.push(r.clone());
            self.shard.push(shard);
        } else if !f.path.contains("/lib/")
            && f.package
                .as_deref()
                .is_some_and(|p| !p.starts_with("data.gatepost.lib"))
        {
            // A user policy without METADATA still runs, under its package name.
            let pkg = f.package.clone().unwrap_or_default();
            let id = pkg.rsplit('.').next().unwrap_or("custom").replace('_', "-");
            if !self.rules.iter().any(|r| r.package == pkg) {
                self.rules.push(Rule {
                    title: id.clone(),
                    id,
                    family: "hygiene".into(),
                    severity: Severity::Medium,
                    description: String::new(),
                    fix: String::new(),
                    types: vec![],
                    references: vec![],
                    package: pkg,
                    source: f.path.clone(),
                    bundled: false,
                });
                self.shard.push(shard);
            }
        }
        Ok(())
    }

    /// The rules `ids`, each shard's on its own thread, results in `ids` order.
    pub(super) fn evaluate(
        &self,
        input: &regorus::Value,
        ids: &[usize],
    ) -> Vec<Result<regorus::Value, String>> {
        // Each shard's rules, with where their results go.
        let mut todo: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.engines.len()];
        for (at, &i) in ids.iter().enumerate() {
            todo[self.shard[i]].push((at, i));
        }
        let jobs: Vec<(usize, Vec<(usize, usize)>)> = todo.into_iter().enumerate().collect();
        let results = crate::par::map(&jobs, |(s, mine)| {
            let mut engine = self.engines[*s].clone();
            engine.set_input(input.clone());
            mine.iter()
                .map(|&(at, i)| {
                    let v = engine.eval_rule(format!("{}.deny", self.rules[i].package));
                    (at, v.map_err(|e| e.to_string()))
                })
                .collect::<Vec<_>>()
        });
        let mut out: Vec<Result<regorus::Value, String>> =
            ids.iter().map(|_| Ok(regorus::Value::Undefined)).collect();
        for (at, r) in results.into_iter().flatten() {
            out[at] = r;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> (Vec<&'static PolicyFile>, Vec<&'static PolicyFile>) {
        let bundled = policy::bundled();
        let libs = bundled.iter().filter(|f| is_lib(f)).collect();
        let rules = bundled
            .iter()
            .filter(|f| !f.is_test && f.rule.is_some())
            .collect();
        (rules, libs)
    }

    #[test]
    fn dealing_gives_each_rule_to_one_shard_with_the_libraries_it_imports() {
        let (rules, libs) = rules();
        for n in 1..=4 {
            let shards = deal(&rules, &libs, n);
            assert_eq!(shards.len(), n);
            let mut dealt: Vec<&str> = shards
                .iter()
                .flatten()
                .filter(|f| !is_lib(f))
                .map(|f| f.path.as_str())
                .collect();
            dealt.sort_unstable();
            let mut all: Vec<&str> = rules.iter().map(|f| f.path.as_str()).collect();
            all.sort_unstable();
            assert_eq!(dealt, all, "{n} shards");
            for shard in &shards {
                let own: Vec<&PolicyFile> = shard.iter().copied().filter(|f| !is_lib(f)).collect();
                let need = needed_libs(&own, &libs);
                let held: Vec<bool> = libs
                    .iter()
                    .map(|l| shard.iter().any(|f| f.path == l.path))
                    .collect();
                assert_eq!(
                    held, need,
                    "a shard holds exactly the libraries its rules import"
                );
            }
        }
    }

    #[test]
    fn dealing_keeps_a_library_in_one_shard_when_the_shards_stay_balanced() {
        // The Kubernetes and workflow rules of a small app: each library's rules fit in a
        // share, so no library is loaded twice, and neither shard holds over 60% of the bytes.
        let (rules, libs) = rules();
        let picked: Vec<&PolicyFile> = rules
            .into_iter()
            .filter(|f| {
                let t = &f.rule.as_ref().unwrap().types;
                t.iter()
                    .any(|t| t.starts_with("github.") || t == "Deployment")
            })
            .collect();
        let shards = deal(&picked, &libs, 2);
        let k8s = libs
            .iter()
            .find(|l| l.path.ends_with("lib/k8s.rego"))
            .unwrap();
        let holding = shards
            .iter()
            .filter(|s| s.iter().any(|f| f.path == k8s.path))
            .count();
        assert_eq!(holding, 1);
        let bytes: Vec<usize> = shards
            .iter()
            .map(|s| s.iter().map(|f| f.text.len()).sum())
            .collect();
        let total: usize = bytes.iter().sum();
        assert!(bytes.iter().all(|b| b * 10 <= total * 6), "{bytes:?}");
    }
}

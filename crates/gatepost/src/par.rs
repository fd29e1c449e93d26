//! Data parallelism where the target has threads (rayon), and the same results, in the same
//! order, sequentially where it has none (wasm32). Callers sort their output anyway; this keeps
//! rayon out of the WebAssembly build.
//!
//! [`inline`] runs every helper here on the calling thread for the work inside it: a small
//! scan costs about a millisecond, and handing its pieces to the pool (a wake-up, a wait,
//! a thread spawned to free memory) is a measurable share of that.

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static INLINE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with every helper of this module working on the calling thread, in order.
#[cfg(not(target_arch = "wasm32"))]
pub fn inline<R>(f: impl FnOnce() -> R) -> R {
    /// Restores the caller's mode, also when `f` unwinds (bindings catch panics and go on).
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            INLINE.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(INLINE.with(|c| c.replace(true)));
    f()
}

#[cfg(target_arch = "wasm32")]
pub fn inline<R>(f: impl FnOnce() -> R) -> R {
    f()
}

/// Is the calling thread inside [`inline`]?
#[cfg(not(target_arch = "wasm32"))]
fn inlined() -> bool {
    INLINE.with(|c| c.get())
}

/// `f` over every item, results in item order.
#[cfg(not(target_arch = "wasm32"))]
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    if inlined() {
        return items.iter().map(f).collect();
    }
    items.par_iter().map(f).collect()
}

#[cfg(target_arch = "wasm32")]
pub fn map<T, R>(items: &[T], f: impl Fn(&T) -> R) -> Vec<R> {
    items.iter().map(f).collect()
}

/// `f` over every item, mutably, results in item order.
#[cfg(not(target_arch = "wasm32"))]
pub fn map_mut<T: Send, R: Send>(items: &mut [T], f: impl Fn(&mut T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    if inlined() {
        return items.iter_mut().map(f).collect();
    }
    items.par_iter_mut().map(f).collect()
}

#[cfg(target_arch = "wasm32")]
pub fn map_mut<T, R>(items: &mut [T], f: impl Fn(&mut T) -> R) -> Vec<R> {
    items.iter_mut().map(f).collect()
}

/// `f` over chunks of at most `size` items, results in chunk order.
#[cfg(not(target_arch = "wasm32"))]
pub fn map_chunks<T: Sync, R: Send>(
    items: &[T],
    size: usize,
    f: impl Fn(&[T]) -> R + Sync + Send,
) -> Vec<R> {
    use rayon::prelude::*;
    if inlined() {
        return items.chunks(size.max(1)).map(f).collect();
    }
    items.par_chunks(size.max(1)).map(f).collect()
}

#[cfg(target_arch = "wasm32")]
pub fn map_chunks<T, R>(items: &[T], size: usize, f: impl Fn(&[T]) -> R) -> Vec<R> {
    items.chunks(size.max(1)).map(f).collect()
}

/// Use `n` worker threads for the rest of the process (the CLI's `--jobs`). Only the first
/// call takes effect, and only before any parallel work has started; 0 keeps rayon's default
/// (one per core, or `RAYON_NUM_THREADS`).
pub fn set_threads(n: usize) -> Result<(), String> {
    #[cfg(not(target_arch = "wasm32"))]
    if n > 0 {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(|e| format!("--jobs {n}: {e}"))?;
    }
    #[cfg(target_arch = "wasm32")]
    let _ = n;
    Ok(())
}

/// `a` and `b`, side by side where there are threads.
#[cfg(not(target_arch = "wasm32"))]
pub fn join<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if inlined() {
        return (a(), b());
    }
    rayon::join(a, b)
}

#[cfg(target_arch = "wasm32")]
pub fn join<A, B>(a: impl FnOnce() -> A, b: impl FnOnce() -> B) -> (A, B) {
    (a(), b())
}

/// Worker threads available to [`map`] and friends.
pub fn threads() -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    {
        if inlined() {
            return 1;
        }
        rayon::current_num_threads().max(1)
    }
    #[cfg(target_arch = "wasm32")]
    {
        1
    }
}

/// `f` over every item, results in item order, the items started costliest first (by
/// `cost`) by whichever thread is free. For work whose items differ in cost by orders of
/// magnitude (rules over a large repository): splitting the list in halves, as [`map`]
/// does, can leave one thread finishing the heaviest item alone at the end.
#[cfg(not(target_arch = "wasm32"))]
pub fn map_costliest_first<T: Sync, R: Send>(
    items: &[T],
    cost: impl Fn(&T) -> u64,
    f: impl Fn(&T) -> R + Sync + Send,
) -> Vec<R> {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    if inlined() {
        return items.iter().map(f).collect();
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(cost(&items[i])));
    let next = AtomicUsize::new(0);
    let done: Vec<Vec<(usize, R)>> = (0..threads().min(items.len()))
        .into_par_iter()
        .map(|_| {
            let mut mine = Vec::new();
            while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                mine.push((i, f(&items[i])));
            }
            mine
        })
        .collect();
    let mut out: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    for (i, r) in done.into_iter().flatten() {
        out[i] = Some(r);
    }
    out.into_iter().flatten().collect()
}

#[cfg(target_arch = "wasm32")]
pub fn map_costliest_first<T, R>(
    items: &[T],
    _cost: impl Fn(&T) -> u64,
    f: impl Fn(&T) -> R,
) -> Vec<R> {
    items.iter().map(f).collect()
}

/// Drop `x` on a thread of its own. A large scan's rule input is a tree of a few hundred
/// thousand small allocations: freeing it costs tenths of a second that the report need not
/// wait for (a CLI process exits first).
#[cfg(not(target_arch = "wasm32"))]
pub fn drop_later<T: Send + 'static>(x: T) {
    if inlined() {
        return drop(x);
    }
    // Where no thread can be had, the failed spawn drops the closure, and `x` with it.
    let _ = std::thread::Builder::new()
        .name("gatepost-drop".into())
        .spawn(move || drop(x));
}

#[cfg(target_arch = "wasm32")]
pub fn drop_later<T>(x: T) {
    drop(x);
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order() {
        let v: Vec<u32> = (0..1000).collect();
        assert_eq!(
            super::map(&v, |x| x * 2),
            v.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
        assert_eq!(
            super::map_costliest_first(&v, |x| u64::from(*x % 7), |x| x * 2),
            v.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
        assert!(super::map_costliest_first(&[] as &[u32], |_| 0, |x| *x).is_empty());
        let sums = super::map_chunks(&v, 100, |c| c.iter().sum::<u32>());
        assert_eq!(sums.len(), 10);
        assert_eq!(sums.iter().sum::<u32>(), v.iter().sum::<u32>());
    }

    #[test]
    fn inline_runs_on_the_calling_thread_and_ends_with_its_call() {
        let v: Vec<u32> = (0..1000).collect();
        let me = std::thread::current().id();
        let (doubled, threads, places) = super::inline(|| {
            let doubled = super::map_costliest_first(&v, |x| u64::from(*x % 7), |x| x * 2);
            let places = super::map(&v, |_| std::thread::current().id());
            let (a, b) = super::join(|| 1, || 2);
            assert_eq!((a, b), (1, 2));
            (doubled, super::threads(), places)
        });
        assert_eq!(doubled, v.iter().map(|x| x * 2).collect::<Vec<_>>());
        assert_eq!(threads, 1);
        assert!(places.iter().all(|t| *t == me));
        assert!(!super::inlined());
        // A panic inside (bindings catch them and carry on) leaves the thread pooled again.
        let caught = std::panic::catch_unwind(|| super::inline(|| panic!("inside")));
        assert!(caught.is_err());
        assert!(!super::inlined());
    }
}

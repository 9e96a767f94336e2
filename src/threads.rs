//! Work handed out to a few threads of its own, outside rayon's pools.
//!
//! A rayon thread that waits (in `join`, or in `yield_now` as Typst does for its deferred
//! work) runs other work of its pool meanwhile. Blocking work given to a pool therefore nests:
//! a thread waiting inside one item starts the next inside it, and that one the next. Items
//! that hold much memory while they run (a leaflet being typeset: 4,184 leaflets once held
//! 4 GiB so) or that must not nest (a language's search index drives an async runtime, and a
//! second one cannot start inside it) are handed out from here instead, never more at once
//! than there are threads. Their own parallel parts still run on a pool.

use crate::error::{Error, Result};

/// `work` of each of `items`, in order, on `threads` threads with stacks of `stack` bytes, each
/// doing one item at a time. No item is started after one fails; the first error (in the order
/// of `items`) is returned.
pub fn each<'a, T: Sync, U: Send>(items: &'a [T], threads: usize, stack: usize, work: impl Fn(&'a T) -> Result<U> + Sync) -> Result<Vec<U>> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let (next, failed) = (AtomicUsize::new(0), AtomicBool::new(false));
    let mut done: Vec<(usize, Result<U>)> = std::thread::scope(|scope| {
        let worker = || {
            let mut mine = Vec::new();
            while !failed.load(Ordering::Relaxed) {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let result = work(item);
                failed.fetch_or(result.is_err(), Ordering::Relaxed);
                mine.push((i, result));
            }
            mine
        };
        let workers = (0..threads.clamp(1, items.len().max(1))).map(|_| std::thread::Builder::new().stack_size(stack).spawn_scoped(scope, worker));
        let workers: Vec<_> = workers.collect::<std::io::Result<_>>().map_err(|e| Error::Internal(format!("cannot start a thread: {e}")))?;
        Ok::<_, Error>(workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect())
    })?;
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    const STACK: usize = 2 << 20;

    #[test]
    fn no_more_items_are_under_way_than_threads_while_each_waits_on_a_pool() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let (under_way, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let items: Vec<usize> = (0..40).collect();
        let doubled = each(&items, 2, STACK, |i| {
            Ok(pool.install(|| {
                most.fetch_max(under_way.fetch_add(1, Ordering::SeqCst) + 1, Ordering::SeqCst);
                // As Typst waits for its deferred work: by running other work of the pool meanwhile.
                let done = Arc::new(AtomicBool::new(false));
                let flag = Arc::clone(&done);
                std::thread::spawn(move || {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                    flag.store(true, Ordering::SeqCst);
                });
                while !done.load(Ordering::SeqCst) {
                    if rayon::yield_now() != Some(rayon::Yield::Executed) {
                        std::thread::yield_now();
                    }
                }
                under_way.fetch_sub(1, Ordering::SeqCst);
                i * 2
            }))
        });
        assert_eq!(doubled.unwrap(), items.iter().map(|i| i * 2).collect::<Vec<_>>(), "in order");
        assert!(most.load(Ordering::SeqCst) <= 2, "{} under way at once", most.load(Ordering::SeqCst));
    }

    #[test]
    fn the_first_error_is_returned_and_no_item_is_started_after_it() {
        let started = AtomicUsize::new(0);
        let items: Vec<usize> = (0..1000).collect();
        let failed = each(&items, 2, STACK, |i| {
            started.fetch_add(1, Ordering::SeqCst);
            if *i >= 30 { Err(Error::Internal(format!("item {i}"))) } else { Ok(*i) }
        });
        assert!(matches!(failed, Err(Error::Internal(why)) if why == "item 30"));
        assert!(started.load(Ordering::SeqCst) <= 32, "{} started", started.load(Ordering::SeqCst));
        assert_eq!(each(&items[..0], 2, STACK, |i| Ok(*i)).unwrap(), Vec::<usize>::new());
    }
}

//! User Timing for the page's heavy work: each call records a `mqocsp:<name>` measure (DevTools'
//! Performance panel shows them; `scripts/bench` reads them in headless Chromium). Outside the
//! browser (the reducer's native tests) the work simply runs.

/// Runs `work`, recording how long it took as the measure `mqocsp:<name>`.
#[cfg(target_arch = "wasm32")]
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return work();
    };
    let start = format!("mqocsp:{name}:start");
    let _ = performance.mark(&start);
    let out = work();
    let _ = performance.measure_with_start_mark(&format!("mqocsp:{name}"), &start);
    performance.clear_marks_with_mark_name(&start);
    out
}

/// Runs `work` (no browser, nothing to record).
#[cfg(not(target_arch = "wasm32"))]
pub fn measured<T>(_name: &str, work: impl FnOnce() -> T) -> T {
    work()
}

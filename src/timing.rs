//! User Timing for the page's heavy work: each call records a `mqocsp:<name>` measure (DevTools'
//! Performance panel shows them; `scripts/bench` reads them in headless Chromium). Outside the
//! browser (the reducer's native tests) the work simply runs. Work that is not the user's (the
//! worker's warm-up) runs [`unrecorded`].

use std::cell::Cell;

thread_local! {
    static UNRECORDED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `work` recording no measure when `quiet` (work the user did not ask for).
pub fn unrecorded<T>(quiet: bool, work: impl FnOnce() -> T) -> T {
    let before = UNRECORDED.replace(quiet);
    let out = work();
    UNRECORDED.set(before);
    out
}

/// Runs `work`, recording how long it took as the measure `mqocsp:<name>`.
#[cfg(target_arch = "wasm32")]
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let Some(performance) = web_sys::window()
        .and_then(|w| w.performance())
        .filter(|_| !UNRECORDED.get())
    else {
        return work();
    };
    let start = format!("mqocsp:{name}:start");
    let _ = performance.mark(&start);
    let out = work();
    let _ = performance.measure_with_start_mark(&format!("mqocsp:{name}"), &start);
    performance.clear_marks_with_mark_name(&start);
    out
}

/// Records `duration` ms of work done elsewhere (in the decode worker, whose own measures the
/// page cannot see) as the measure `mqocsp:<name>`, ending now.
#[cfg(target_arch = "wasm32")]
pub fn record(name: &str, duration: f64) {
    use wasm_bindgen::JsCast as _;
    let Some(performance) = web_sys::window()
        .and_then(|w| w.performance())
        .filter(|_| !UNRECORDED.get())
    else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &options,
        &"start".into(),
        &(performance.now() - duration).into(),
    );
    let _ = js_sys::Reflect::set(&options, &"duration".into(), &duration.into());
    // web-sys has no binding for measure's options form (User Timing Level 3).
    if let Ok(measure) = js_sys::Reflect::get(&performance, &"measure".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = measure.call2(&performance, &format!("mqocsp:{name}").into(), &options);
    }
}

/// Records nothing (no browser).
#[cfg(not(target_arch = "wasm32"))]
pub fn record(_name: &str, _duration: f64) {}

/// Runs `work` (no browser, nothing to record).
#[cfg(not(target_arch = "wasm32"))]
pub fn measured<T>(_name: &str, work: impl FnOnce() -> T) -> T {
    work()
}

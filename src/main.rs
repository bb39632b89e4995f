//! Entry point of the page: install the panic banner, take the relay token from the address,
//! mount [`mqocsp_web::App`]; in the page's worker, answer its requests instead.

fn main() {
    // The same wasm is the page's worker (static/worker.js loads it there).
    if mqocsp_web::services::worker::serve_in_worker() {
        return;
    }
    mqocsp_web::services::install_panic_banner();
    // Read the relay's token now, so it leaves the address bar before anything renders.
    let _ = mqocsp_web::services::relay_token();
    yew::Renderer::<mqocsp_web::App>::new().render();
}

//! Entry point of the page: install the panic banner, mount [`mqocsp_web::App`].

fn main() {
    mqocsp_web::services::install_panic_banner();
    yew::Renderer::<mqocsp_web::App>::new().render();
}

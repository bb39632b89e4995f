//! Entry point of the page: mount [`mqocsp_web::App`] on the document body.

fn main() {
    yew::Renderer::<mqocsp_web::App>::new().render();
}

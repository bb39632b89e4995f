//! The mqocsp workbench page (Yew). It stays thin: every decision is made by `mqocsp-core`, the
//! page only holds state, shows it and turns user intents into actions.

pub mod app;
pub mod components;
pub mod hooks;
pub mod services;
pub mod shared;
pub mod state;
pub mod timing;

pub use app::App;

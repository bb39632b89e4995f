//! Presentational components: data down as props, intents up as callbacks.

pub mod object_card;
pub mod paste_box;
pub mod problem_list;

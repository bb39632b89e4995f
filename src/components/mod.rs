//! Presentational components: data down as props, intents up as callbacks.

pub mod case_tools;
pub mod der_view;
pub mod diagnose_panel;
pub mod evaluation_time;
pub mod file_drop;
pub mod found;
pub mod object_card;
pub mod paste_box;
pub mod problem_list;
pub mod verdict;
pub mod verify_panel;

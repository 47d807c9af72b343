//! The widget in the browser: yew function components that render a
//! [`Quiz`](mq_core::quiz::Quiz) and dispatch its actions, one component per
//! file.

mod app;
mod bar;
#[cfg(feature = "facilitator")]
mod benchmark_export;
mod dimension_chart;
mod earlier;
mod focus;
mod frame;
#[cfg(feature = "facilitator")]
mod group;
#[cfg(not(feature = "facilitator"))]
mod hand_over;
mod intro;
mod language_switch;
mod problems;
mod profile;
mod question;
mod result;
#[cfg(feature = "facilitator")]
mod segments;
mod share;
mod slot;
mod state;
mod warm_up;

pub use app::{App, AppProps, Peers};
pub use frame::Frame;
pub use intro::Intro;
pub use problems::{Problems, ProblemsProps};
pub use slot::{Shows, Slot};

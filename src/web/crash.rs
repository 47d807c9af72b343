//! The notice that replaces every widget on the page if the widget ever
//! panics, so that a bug leaves a visitor an explanation instead of a blank
//! or frozen area.

use web_sys::{Element, Node};

use mq_core::i18n::ui_text;

use crate::web::Host;

/// Replaces each of `hosts`' widgets with a message in its language, with
/// `detail` shown small, for whoever reports the bug. The shadow root keeps
/// its stylesheet (its `<link>`), which styles the notice.
pub fn show_crash(hosts: &[Element], detail: &str) {
    let document = gloo::utils::document();
    for element in hosts {
        let message = ui_text(&Host(element.clone()).language()).crash;
        let Ok(notice) = document.create_element("div") else {
            continue;
        };
        notice.set_class_name("mq-crash");
        let _ = notice.set_attribute("role", "alert");
        notice.set_text_content(Some(message));
        if let Ok(pre) = document.create_element("pre") {
            pre.set_text_content(Some(detail));
            let _ = notice.append_child(&pre);
        }
        let root: Node = match element.shadow_root() {
            Some(shadow) => shadow.into(),
            None => element.clone().into(),
        };
        let children = root.child_nodes();
        for c in (0..children.length()).rev() {
            if let Some(child) = children.item(c) {
                if child.node_name() != "LINK" {
                    let _ = root.remove_child(&child);
                }
            }
        }
        let _ = root.append_child(&notice);
    }
}

//! Placeholder: the desktop shell lands with the desktop-app issue.
fn main() {}
